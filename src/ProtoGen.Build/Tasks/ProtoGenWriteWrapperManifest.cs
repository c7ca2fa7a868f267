using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.IO;
using ProtoGen.Build.Mapping;
using ProtoGen.Shared;

namespace ProtoGen.Build.Tasks;

/// <summary>
/// Writes the client wrapper manifest the source generator reads (an <c>AdditionalFiles</c> item ending in
/// <c>.protogen-wrappers</c>): one line per gRPC service of each compiled proto whose item, or the project,
/// asks for wrappers, with the item's default timeout, method timeouts, default metadata and access, and the
/// project file and line the settings are written at. The format is <see cref="WrapperManifest"/>'s, which the
/// generator reads with the same code. Rewritten only when its text changes, so an unrelated edit leaves the
/// generator's cache intact.
/// </summary>
public sealed class ProtoGenWriteWrapperManifest : Task
{
    /// <summary>The compiled protos of the workspace, with their package and services (set by <see cref="ProtoGenResolveWorkspace"/>).</summary>
    [Required]
    public ITaskItem[] Protobuf { get; set; } = [];

    /// <summary>The project's <c>Protobuf</c> items as written, for the project file and line of each setting.</summary>
    public ITaskItem[] SourceProtobuf { get; set; } = [];

    /// <summary>The manifest to write.</summary>
    [Required]
    public string ManifestPath { get; set; } = string.Empty;

    /// <summary>Project-wide default of <c>ClientWrapper</c> (<c>$(ProtoGenClientWrappers)</c>).</summary>
    public bool ClientWrappers { get; set; }

    /// <summary>Project-wide default timeout (<c>$(ProtoGenDefaultTimeout)</c>).</summary>
    public string DefaultTimeout { get; set; } = string.Empty;

    /// <summary>The manifest, for <c>AdditionalFiles</c>; empty when neither the project nor an item asks for wrappers (no manifest is written then).</summary>
    [Output]
    public ITaskItem[] Manifest { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!ClientWrappers && !Protobuf.Any(HasWrapperSetting))
        {
            return true;
        }

        var sources = new Dictionary<string, ITaskItem>(StringComparer.Ordinal);
        foreach (ITaskItem source in SourceProtobuf)
        {
            sources[source.ItemSpec] = source;
        }

        var locator = new ProjectFileLocator();
        var lines = new List<WrapperManifestLine>();
        foreach (ITaskItem item in Protobuf.OrderBy(i => i.ItemSpec, StringComparer.Ordinal))
        {
            if (!HasClient(item) || WrapperSetting(item) is not { } enabled)
            {
                continue;
            }

            string itemSpec = Original(item, MetadataNames.OriginalItemSpec, item.ItemSpec);
            sources.TryGetValue(itemSpec, out ITaskItem? source);
            string project = source?.GetMetadata(MetadataNames.DefiningProjectFullPath) ?? string.Empty;
            int line = LocateSettings(locator, project, item, itemSpec);
            string package = item.GetMetadata(MetadataNames.Package);
            foreach (string service in item.GetMetadata(MetadataNames.Services).Split([' '], StringSplitOptions.RemoveEmptyEntries))
            {
                lines.Add(Line(item, package.Length == 0 ? service : package + "." + service, enabled, project, line));
            }
        }

        if (!Log.TryFileAccess($"write the client wrapper manifest '{ManifestPath}'", ManifestPath, () => FileWriter.WriteIfChanged(ManifestPath, WrapperManifest.Write(lines))))
        {
            return false;
        }

        Manifest = [new TaskItem(ManifestPath)];
        return !Log.HasLoggedErrors;
    }

    private static bool HasWrapperSetting(ITaskItem item) =>
        new[] { MetadataNames.ClientWrapper, MetadataNames.DefaultTimeout, MetadataNames.MethodTimeouts, MetadataNames.DefaultMetadata }
            .Any(name => item.GetMetadata(name).Length > 0);

    private WrapperManifestLine Line(ITaskItem item, string service, bool enabled, string project, int line) => new(
        service,
        enabled,
        Value(First(item.GetMetadata(MetadataNames.DefaultTimeout), DefaultTimeout)),
        Items(item.GetMetadata(MetadataNames.MethodTimeouts)),
        Items(item.GetMetadata(MetadataNames.DefaultMetadata)),
        Value(item.GetMetadata(MetadataNames.GrpcTools.Access)),
        project.Length > 0 && line > 0 ? project : null,
        project.Length > 0 && line > 0 ? line : null);

    /// <summary>A setting as written (trimmed); null when it is empty, so it is left out.</summary>
    private static string? Value(string value) => value.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    /// <summary>A list setting (<c>A=1s;B=2s</c>): its <c>;</c>-separated items, each split at its first <c>=</c>.</summary>
    private static List<WrapperManifestItem>? Items(string value)
    {
        if (Value(value) is not { } list)
        {
            return null;
        }

        var items = new List<WrapperManifestItem>();
        foreach (string item in list.Split(';'))
        {
            int equals = item.IndexOf('=');
            items.Add(equals < 0 ? new WrapperManifestItem(item, null) : new WrapperManifestItem(item.Substring(0, equals), item.Substring(equals + 1)));
        }

        return items;
    }

    /// <summary>Whether Grpc.Tools generates a client for the item (GrpcServices Both or Client).</summary>
    private static bool HasClient(ITaskItem item)
    {
        string services = item.GetMetadata(MetadataNames.GrpcTools.GrpcServices).Trim();
        return services.Equals("Both", StringComparison.OrdinalIgnoreCase) || services.Equals("Client", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True or false when the item's services get a manifest line: <c>ClientWrapper</c> when set; else any wrapper
    /// setting on the item means true; else the project default, listed only when true.
    /// </summary>
    private bool? WrapperSetting(ITaskItem item)
    {
        string explicitValue = item.GetMetadata(MetadataNames.ClientWrapper).Trim();
        if (explicitValue.Length > 0)
        {
            return explicitValue.Equals("true", StringComparison.OrdinalIgnoreCase);
        }

        bool anySetting = HasWrapperSetting(item);
        return anySetting || ClientWrappers ? true : null;
    }

    private static int LocateSettings(ProjectFileLocator locator, string project, ITaskItem item, string itemSpec)
    {
        if (project.Length == 0)
        {
            return 0;
        }

        foreach (string name in new[] { MetadataNames.DefaultTimeout, MetadataNames.MethodTimeouts, MetadataNames.DefaultMetadata, MetadataNames.ClientWrapper })
        {
            string value = item.GetMetadata(name);
            if (value.Length > 0 && locator.Locate(project, name, value).Line is > 0 and int found)
            {
                return found;
            }
        }

        return locator.Locate(project, "Include", itemSpec).Line;
    }

    private static string Original(ITaskItem item, string metadata, string fallback)
    {
        string value = item.GetMetadata(metadata);
        return value.Length > 0 ? value : fallback;
    }

    private static string First(string value, string fallback) => value.Trim().Length > 0 ? value.Trim() : fallback.Trim();
}
