using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.IO;
using ProtoGen.Build.Mapping;
using ProtoGen.Build.Proto;
using ProtoGen.Build.Workspace;

namespace ProtoGen.Build.Tasks;

/// <summary>
/// What <c>dotnet pack</c> puts in a ProtoGen library's package (docs/libraries.md): every proto the project compiles,
/// at <c>protos/&lt;logical path&gt;</c> with the namespace it was compiled with written into it (so plain Grpc.Tools
/// consumers get the same types); the export manifest at <c>protogen/&lt;PackageId&gt;.protogen-exports</c>; and
/// <c>buildTransitive/&lt;PackageId&gt;.props|targets</c>, which give a ProtoGen consumer the manifest and a plain
/// Grpc.Tools consumer the protos folder in <c>$(Protobuf_StandardImportsPath)</c>.
/// </summary>
public sealed class ProtoGenWritePackageExports : Task
{
    /// <summary>The project's exports (<c>ProtoGenGetProtoExports</c>); those it compiles itself are packed.</summary>
    public ITaskItem[] Exports { get; set; } = [];

    /// <summary>The project file: an export is this project's when its ProtoGenCompiledBy is this file.</summary>
    [Required]
    public string ProjectFile { get; set; } = string.Empty;

    /// <summary>The package's id (<c>$(PackageId)</c>): the names of the manifest and of the buildTransitive files.</summary>
    [Required]
    public string PackageId { get; set; } = string.Empty;

    /// <summary>The package's version (<c>$(PackageVersion)</c>), written into the manifest and named in consumers' messages.</summary>
    [Required]
    public string PackageVersion { get; set; } = string.Empty;

    /// <summary>Where the files to pack are written (under obj/).</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>The files to pack, each with its PackagePath (for NuGet's <c>TfmSpecificPackageFile</c>).</summary>
    [Output]
    public ITaskItem[] PackageFiles { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        string project = Path.GetFullPath(ProjectFile);
        // Only protos: an exported import directory is a path on this machine (a package's own protos travel in that package).
        List<ITaskItem> own = Exports
            .Where(e => e.GetMetadata(MetadataNames.ImportDirectoryEntry).Length == 0)
            .Where(e => string.Equals(e.GetMetadata(MetadataNames.CompiledBy), project, FileSystemCase.Comparison))
            .GroupBy(e => e.GetMetadata(MetadataNames.LogicalPath), StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(e => e.GetMetadata(MetadataNames.LogicalPath), StringComparer.Ordinal)
            .ToList();
        if (own.Count == 0)
        {
            return true;
        }

        var files = new List<ITaskItem>();
        var exported = new List<ExportedProto>();
        foreach (ITaskItem export in own)
        {
            string logical = export.GetMetadata(MetadataNames.LogicalPath);
            string ns = export.GetMetadata(MetadataNames.ItemCSharpNamespace);
            string original = export.GetMetadata(MetadataNames.FullPath);
            string text;
            try
            {
                text = File.ReadAllText(original);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.Report(new BuildDiagnostic(BuildDiagnostics.FileAccessFailed, $"Could not read '{original}' to pack it: {e.Message}", original));
                continue;
            }

            // The packed proto says the namespace it was compiled with, so every consumer's generated code refers to this package's types.
            ProtoFileInfo info = ProtoScanner.Scan(text);
            string packageDefault = NamespaceRules.Effective(NamespaceDecision.None, info.CSharpNamespace?.Value, info.Package ?? string.Empty);
            string packed = Path.Combine(OutputDirectory, "protos", logical.Replace('/', Path.DirectorySeparatorChar));
            FileWriter.WriteIfChanged(packed, string.Equals(packageDefault, ns, StringComparison.Ordinal) ? text : ProtoStager.Stage(text, info, new NamespaceDecision(ns, OverrideOwnOption: true)));
            files.Add(PackageFile(packed, "protos/" + logical));
            exported.Add(new ExportedProto(logical, ns));
        }

        if (Log.HasLoggedErrors)
        {
            return false;
        }

        string manifest = Path.Combine(OutputDirectory, "protogen", PackageId + ".protogen-exports");
        FileWriter.WriteIfChanged(manifest, ExportManifest.Write(PackageId, PackageVersion, exported));
        files.Add(PackageFile(manifest, "protogen/" + PackageId + ".protogen-exports"));

        string props = Path.Combine(OutputDirectory, "buildTransitive", PackageId + ".props");
        FileWriter.WriteIfChanged(props, Props());
        files.Add(PackageFile(props, "buildTransitive/" + PackageId + ".props"));
        string targets = Path.Combine(OutputDirectory, "buildTransitive", PackageId + ".targets");
        FileWriter.WriteIfChanged(targets, TransitiveTargets(PackageId));
        files.Add(PackageFile(targets, "buildTransitive/" + PackageId + ".targets"));

        PackageFiles = [.. files];
        Log.LogMessage(MessageImportance.Normal, "ProtoGen: packs {0} proto(s) of {1} {2} with their export manifest.", exported.Count, PackageId, PackageVersion);
        return true;
    }

    private string Props() => $"""
        <Project>
          <!-- Written by ProtoGen: the protos this package exports, for a consumer that has ProtoGen (docs/libraries.md). -->
          <ItemGroup>
            <ProtoGenPackageExports Include="$(MSBuildThisFileDirectory)../protogen/{Xml(PackageId)}.protogen-exports" {MetadataNames.PackageId}="{Xml(PackageId)}" {MetadataNames.PackageVersion}="{Xml(PackageVersion)}" />
          </ItemGroup>
        </Project>

        """;

    /// <summary>
    /// The package's <c>buildTransitive/&lt;PackageId&gt;.targets</c>. Its Grpc.Tools names (<c>Protobuf_BeforeCompile</c>,
    /// <c>Protobuf_StandardImportsPath</c>) are in the contract block of build/ProtoGen.targets, like the targets' own.
    /// </summary>
    internal static string TransitiveTargets(string packageId) => $"""
        <Project>
          <!--
            Written by ProtoGen: a consumer with plain Grpc.Tools (no ProtoGen) imports this package's protos from its
            protos/ folder, appended to Protobuf_StandardImportsPath as Google.Api.CommonProtos does it.
          -->
          <Target Name="_ProtoGenPackageProtos_{Regex.Replace(packageId, "[^A-Za-z0-9_]", "_")}"
                  BeforeTargets="Protobuf_BeforeCompile"
                  Condition="'$(ProtoGenTaskAssembly)' == '' or '$(ProtoGenEnabled)' == 'false'">
            <PropertyGroup>
              <Protobuf_StandardImportsPath>$(Protobuf_StandardImportsPath);$([System.IO.Path]::GetFullPath('$(MSBuildThisFileDirectory)../protos'))</Protobuf_StandardImportsPath>
            </PropertyGroup>
          </Target>
        </Project>

        """;

    private static TaskItem PackageFile(string path, string packagePath)
    {
        var item = new TaskItem(path);
        item.SetMetadata(MetadataNames.PackagePath, packagePath);
        return item;
    }

    private static string Xml(string text) => SecurityElement.Escape(text);
}
