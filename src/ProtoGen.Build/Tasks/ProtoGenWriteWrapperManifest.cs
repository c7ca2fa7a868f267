using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.IO;
using ProtoGen.Build.Mapping;

namespace ProtoGen.Build.Tasks;

/// <summary>
/// Writes the client wrapper manifest the source generator reads (an <c>AdditionalFiles</c> item ending in
/// <c>.protogen-wrappers</c>): one line per gRPC service of each compiled proto whose item, or the project,
/// asks for wrappers, with the item's default timeout, method timeouts, default metadata and access, and the
/// project file and line the settings are written at. Rewritten only when its text changes, so an unrelated
/// edit leaves the generator's cache intact.
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
        var text = new StringBuilder("# ProtoGen client wrapper manifest, written by the build; do not edit\n");
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
                AppendLine(text, item, package, service, enabled, project, line);
            }
        }

        if (!Log.TryFileAccess($"write the client wrapper manifest '{ManifestPath}'", ManifestPath, () => FileWriter.WriteIfChanged(ManifestPath, text.ToString())))
        {
            return false;
        }

        Manifest = [new TaskItem(ManifestPath)];
        return !Log.HasLoggedErrors;
    }

    private static bool HasWrapperSetting(ITaskItem item) =>
        new[] { MetadataNames.ClientWrapper, MetadataNames.DefaultTimeout, MetadataNames.MethodTimeouts, MetadataNames.DefaultMetadata }
            .Any(name => item.GetMetadata(name).Length > 0);

    private void AppendLine(StringBuilder text, ITaskItem item, string package, string service, bool enabled, string project, int line)
    {
        text.Append("service\t").Append(package.Length == 0 ? service : package + "." + service);
        text.Append("\tenabled=").Append(enabled ? "true" : "false");
        Field(text, "defaultTimeout", First(item.GetMetadata(MetadataNames.DefaultTimeout), DefaultTimeout));
        Field(text, "methodTimeouts", item.GetMetadata(MetadataNames.MethodTimeouts));
        Field(text, "defaultMetadata", item.GetMetadata(MetadataNames.DefaultMetadata));
        Field(text, "access", item.GetMetadata(MetadataNames.GrpcTools.Access));
        if (project.Length > 0 && line > 0)
        {
            Field(text, "source", project);
            Field(text, "line", line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        text.Append('\n');
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

    private static void Field(StringBuilder text, string key, string value)
    {
        if (value.Length > 0)
        {
            // The manifest has no escaping: tabs and line breaks cannot stand in a value.
            text.Append('\t').Append(key).Append('=').Append(value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ').Trim());
        }
    }

    private static string Original(ITaskItem item, string metadata, string fallback)
    {
        string value = item.GetMetadata(metadata);
        return value.Length > 0 ? value : fallback;
    }

    private static string First(string value, string fallback) => value.Trim().Length > 0 ? value.Trim() : fallback.Trim();
}
