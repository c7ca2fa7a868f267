using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.IO;
using ProtoGen.Build.Mapping;
using ProtoGen.Build.Proto;
using ProtoGen.Build.Protoc;
using ProtoGen.Build.Workspace;
using GrpcTools = ProtoGen.Build.Tasks.MetadataNames.GrpcTools;

namespace ProtoGen.Build.Tasks;

/// <summary>
/// Plans the project's proto workspace (<see cref="WorkspacePlanner"/>): every <c>Protobuf</c> item gets a logical path
/// and a namespace, and can import every other item by that path. Returns the items Grpc.Tools predicts outputs for and
/// ProtoGen compiles, the copies to stage, and the import directories of the workspace. Writes no proto.
/// </summary>
public sealed class ProtoGenResolveWorkspace : Task
{
    /// <summary>Every Protobuf item, compiled or not, with ProtoRoot set (Grpc.Tools' <c>Protobuf_Rooted</c>).</summary>
    [Required]
    public ITaskItem[] Protobuf { get; set; } = [];

    /// <summary>
    /// The project's <c>Protobuf</c> items as the user wrote them: the project file that defines each one, for
    /// diagnostics (<see cref="Protobuf"/> items were re-created inside Grpc.Tools' targets).
    /// </summary>
    public ITaskItem[] SourceProtobuf { get; set; } = [];

    /// <summary>
    /// The protos the project's references export (their <c>ProtoGenGetProtoExports</c> target): import-only here, by
    /// their logical paths (metadata ProtoRoot, ImportPrefix), with the namespace the reference gave them (CSharpNamespace).
    /// </summary>
    public ITaskItem[] ReferencedProtobuf { get; set; } = [];

    /// <summary>The <c>ProtoNamespace</c> rules: Include is a logical prefix, metadata Namespace and Override.</summary>
    public ITaskItem[] NamespaceRules { get; set; } = [];

    /// <summary>The project directory, against which relative paths are resolved.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The project file, where problems with project-wide settings are reported.</summary>
    public string ProjectFile { get; set; } = string.Empty;

    /// <summary>The directory under which staged copies sit at their logical paths.</summary>
    [Required]
    public string StageDirectory { get; set; } = string.Empty;

    /// <summary>The standard import directories (<c>$(Protobuf_StandardImportsPath)</c>, a ';' list packages append to).</summary>
    public string StandardImportsPath { get; set; } = string.Empty;

    /// <summary>The NuGet packages folder (<c>$(NuGetPackageRoot)</c>), to name the package a standard import directory comes from.</summary>
    public string NuGetPackageRoot { get; set; } = string.Empty;

    /// <summary>
    /// True (<c>$(ProtoGenStandardImportsWin)</c>, the default) to take a file no <c>Protobuf</c> item provides from an
    /// import directory before a root, as Grpc.Tools does (<see cref="ShadowedImports"/>); false to search the roots first.
    /// </summary>
    public bool StandardImportsWin { get; set; } = true;

    /// <summary>True when Grpc.Tools compiles the protos (<c>ProtoGenBatchProtoc=false</c>, or a generator ProtoGen does not compile).</summary>
    public bool GrpcToolsCompiles { get; set; }

    /// <summary>True for a clean: only the prediction items are wanted, of every item (Grpc.Tools cleans the outputs of import-only items too); nothing is reported or written.</summary>
    public bool PredictOnly { get; set; }

    /// <summary>A file that records what is staged and how; rewritten only when that changes, so staging can take it as an input. Optional.</summary>
    public string PlanFile { get; set; } = string.Empty;

    /// <summary>The proto summary cache (<see cref="ProtoSummaryCache"/>). Optional.</summary>
    public string CachePath { get; set; } = string.Empty;

    /// <summary>
    /// The protos to compile (<c>ProtoCompile</c> true), as Grpc.Tools' output prediction is to see them: ItemSpec and
    /// ProtoRoot as planned (<see cref="WorkspaceProto.PredictAs"/>), <c>Source</c> the file protoc compiles, and
    /// ProtoGen's metadata (logical path, original path and root, preferred root, package and services).
    /// </summary>
    [Output]
    public ITaskItem[] CompileProtobuf { get; private set; } = [];

    /// <summary>The staged copies to write (compiled or import-only): ItemSpec the copy, with the original and the namespace to give it.</summary>
    [Output]
    public ITaskItem[] StagedProtobuf { get; private set; } = [];

    /// <summary>The originals of <see cref="StagedProtobuf"/>, the inputs of staging.</summary>
    [Output]
    public ITaskItem[] StagedOriginals { get; private set; } = [];

    /// <summary>The original files of <see cref="CompileProtobuf"/>, each with its logical path: the inputs of a check, the protos of the breaking-change check.</summary>
    [Output]
    public ITaskItem[] CompileOriginals { get; private set; } = [];

    /// <summary>Every root directory of the workspace, once each (where a <c>buf.yaml</c> may configure the breaking-change check).</summary>
    [Output]
    public ITaskItem[] RootDirectories { get; private set; } = [];

    /// <summary>
    /// What this project exports to the projects that reference it: every proto of its workspace, the referenced ones
    /// too, each with its logical path, root (ProtoRoot, full) and ImportPrefix, its C# namespace (CSharpNamespace)
    /// and the project whose assembly holds its types (ProtoGenCompiledBy, "" for an import-only proto).
    /// </summary>
    [Output]
    public ITaskItem[] ExportProtobuf { get; private set; } = [];

    /// <summary>
    /// The workspace's import directories, ';'-separated: a <c>logical.proto=file</c> entry for each file an import
    /// directory provides instead of a root (<see cref="ShadowedImports"/>), the stage (when anything is staged), then
    /// every root, deepest first.
    /// </summary>
    [Output]
    public string ImportDirs { get; private set; } = string.Empty;

    /// <summary>
    /// The import directories every compile searches after the workspace's and the item's own, ';'-separated, each
    /// full: the standard import directories (<see cref="StandardImportsPath"/>), then those of the references (their
    /// standard import directories and <c>AdditionalImportDirs</c> entries, which their exported protos may import
    /// from) that this project does not have itself. The one list the workspace compile, its check and its description
    /// pass to protoc.
    /// </summary>
    [Output]
    public string StandardImportDirs { get; private set; } = string.Empty;

    /// <summary>
    /// What a baseline directory of the breaking-change check is compiled with, after the baseline itself, ';'-separated
    /// protoc import directories (<c>dir</c> or <c>prefix=dir</c>, full) in search order: the roots of the referenced
    /// protos, every distinct <c>AdditionalImportDirs</c> entry of the project's items, then <see cref="StandardImportDirs"/>.
    /// Everything the workspace imports from but its own roots, which the baseline replaces.
    /// </summary>
    [Output]
    public string BaselineImportDirs { get; private set; } = string.Empty;

    /// <inheritdoc />
    public override bool Execute()
    {
        var definedIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ITaskItem source in SourceProtobuf)
        {
            definedIn[source.ItemSpec] = source.GetMetadata(MetadataNames.DefiningProjectFullPath);
        }

        var inputs = new List<ProtoItemInput>();
        var originals = new Dictionary<ProtoItemInput, ITaskItem>();
        foreach (ITaskItem item in Protobuf)
        {
            ProtoItemInput input = ToInput(item, definedIn);
            if (!originals.ContainsKey(input))
            {
                originals.Add(input, item);
                inputs.Add(input);
            }
        }

        var referencedDirectories = new List<ITaskItem>();
        foreach (ITaskItem item in ReferencedProtobuf)
        {
            if (item.GetMetadata(MetadataNames.ImportDirectoryEntry).Length > 0)
            {
                referencedDirectories.Add(item);
            }
            else
            {
                inputs.Add(ToReferencedInput(item));
            }
        }

        var rules = NamespaceRules.Select(r => new NamespaceRuleInput(
            r.ItemSpec,
            r.GetMetadata(MetadataNames.Namespace),
            IsTrue(r.GetMetadata(MetadataNames.Override)),
            r.GetMetadata(MetadataNames.DefiningProjectFullPath))).ToList();

        List<ImportDirectory> importDirectories = ImportDirectories(inputs);
        var ownEntries = new HashSet<string>(importDirectories.Select(d => d.Entry), FileSystemCase.Comparer);
        List<ImportDirectory> fromReferences = [.. referencedDirectories.Select(ToReferencedDirectory).Where(d => !ownEntries.Contains(d.Entry))
            .GroupBy(d => d.Entry, FileSystemCase.Comparer).Select(g => g.First())];
        importDirectories.AddRange(fromReferences);
        var cache = ProtoSummaryCache.Load(CachePath);
        WorkspacePlan plan = WorkspacePlanner.Plan(
            inputs,
            rules,
            importDirectories,
            new WorkspaceOptions(Path.GetFullPath(ProjectDirectory), Path.GetFullPath(StageDirectory), GrpcToolsCompiles, StandardImportsWin),
            new WorkspaceFiles(cache),
            new ProjectFileLocator());
        if (!PredictOnly)
        {
            Log.Report(plan.Diagnostics);
            Log.TryFileAccess($"write the proto summary cache '{CachePath}'", CachePath, () => cache.Save(CachePath));
            if (Log.HasLoggedErrors)
            {
                return false;
            }
        }

        ImportDirs = string.Join(";", plan.ImportDirs);
        string[] referencedImportDirs = [.. fromReferences.Select(d => d.Entry)];
        List<string> standard = [.. importDirectories.Where(d => d.Item is null).Select(d => d.Entry).Distinct(FileSystemCase.Comparer)];
        StandardImportDirs = string.Join(";", standard);
        BaselineImportDirs = string.Join(";", plan.Protos.Where(p => p.Item.IsReferenced).Select(p => p.RootEntry)
            .Concat(importDirectories.Where(d => d.Item is not null).Select(d => d.Entry))
            .Concat(standard)
            .Distinct(FileSystemCase.Comparer));
        CompileProtobuf = plan.Protos.Where(p => PredictOnly || p.Item.ProtoCompile).Select(p => ToCompileItem(p, originals[p.Item], referencedImportDirs)).ToArray();
        StagedProtobuf = plan.Protos.Where(p => p.StagedPath is not null).Select(ToStagedItem).ToArray();
        StagedOriginals = plan.Protos.Where(p => p.StagedPath is not null).Select(p => (ITaskItem)new TaskItem(p.Item.FullPath)).ToArray();
        CompileOriginals = plan.Protos.Where(p => p.Item.ProtoCompile).Select(ToOriginalItem).ToArray();
        ExportProtobuf = [.. plan.Protos.Select(ToExportItem), .. importDirectories.GroupBy(d => d.Entry, FileSystemCase.Comparer).Select(g => ToExportItem(g.First()))];
        RootDirectories = plan.Protos.Where(p => !p.Item.IsReferenced).Select(p => p.Item.ProtoRoot).Distinct(FileSystemCase.Comparer).Select(r => (ITaskItem)new TaskItem(r)).ToArray();
        if (PlanFile.Length > 0 && !PredictOnly)
        {
            Log.TryFileAccess($"write the workspace plan '{PlanFile}'", PlanFile, () => FileWriter.WriteIfChanged(PlanFile, DescribePlan(plan)));
        }

        return !Log.HasLoggedErrors;
    }

    private TaskItem ToCompileItem(WorkspaceProto proto, ITaskItem original, IReadOnlyList<string> referencedImportDirs)
    {
        var item = new TaskItem(proto.PredictAs ?? original.ItemSpec);
        original.CopyMetadataTo(item);
        item.SetMetadata(GrpcTools.ProtoRoot, proto.PredictRoot ?? original.GetMetadata(GrpcTools.ProtoRoot));
        item.SetMetadata(GrpcTools.Source, proto.Source);
        item.SetMetadata(MetadataNames.OriginalProtoRoot, original.GetMetadata(GrpcTools.ProtoRoot));
        item.SetMetadata(MetadataNames.OriginalPath, proto.Item.FullPath);
        item.SetMetadata(MetadataNames.OriginalItemSpec, original.ItemSpec);
        item.SetMetadata(MetadataNames.LogicalPath, proto.LogicalPath);
        item.SetMetadata(MetadataNames.PreferredRoot, proto.PreferredRoot ?? string.Empty);
        item.SetMetadata(MetadataNames.Package, proto.Summary.Package);
        item.SetMetadata(MetadataNames.CSharpNamespace, proto.CSharpNamespace);
        item.SetMetadata(MetadataNames.Services, string.Join(" ", proto.Summary.Services));
        if (GrpcToolsCompiles)
        {
            // Grpc.Tools runs protoc once per proto with this item's import directories, then the standard ones, then
            // its ProtoRoot: the workspace's go first, so every item sees every other by its logical path. The item's own
            // root is left to Grpc.Tools, as written: given twice, as a full path and as written, protoc would take the
            // proto for two files and call it shadowed.
            IEnumerable<string> dirs = ProtocOptions.ImportDirectories(
                [proto.PreferredRoot ?? string.Empty],
                ImportDirs.Split(';').Where(d => proto.StagedPath is not null || !string.Equals(d, proto.RootEntry, StringComparison.Ordinal)),
                MSBuildLists.Split(original.GetMetadata(GrpcTools.AdditionalImportDirs)),
                referencedImportDirs);
            item.SetMetadata(GrpcTools.AdditionalImportDirs, string.Join(";", dirs));
        }

        return item;
    }

    private static TaskItem ToStagedItem(WorkspaceProto proto)
    {
        var item = new TaskItem(proto.StagedPath);
        item.SetMetadata(MetadataNames.OriginalPath, proto.Item.FullPath);
        item.SetMetadata(MetadataNames.LogicalPath, proto.LogicalPath);
        SetStagedNamespace(item, proto);
        return item;
    }

    /// <summary>A compiled proto as written, by its logical path; a staged one with the namespace its copy gets (the breaking check maps a baseline directory alike).</summary>
    private static ITaskItem ToOriginalItem(WorkspaceProto proto)
    {
        var item = new TaskItem(proto.Item.FullPath);
        item.SetMetadata(MetadataNames.LogicalPath, proto.LogicalPath);
        if (proto.StagedPath is not null)
        {
            SetStagedNamespace(item, proto);
        }

        return item;
    }

    private ITaskItem ToExportItem(WorkspaceProto proto)
    {
        var item = new TaskItem(proto.Item.FullPath);
        item.SetMetadata(MetadataNames.LogicalPath, proto.LogicalPath);
        item.SetMetadata(GrpcTools.ProtoRoot, proto.RootDirectory);
        item.SetMetadata(MetadataNames.ImportPrefix, proto.RootPrefix);
        item.SetMetadata(MetadataNames.ItemCSharpNamespace, proto.CSharpNamespace);
        item.SetMetadata(MetadataNames.CompiledBy, proto.Item.IsReferenced ? proto.Item.CompiledBy : proto.Item.ProtoCompile && ProjectFile.Length > 0 ? Path.GetFullPath(ProjectFile) : string.Empty);
        return item;
    }

    /// <summary>An import directory this project exports: its protoc argument, the directory, and its prefix.</summary>
    private static TaskItem ToExportItem(ImportDirectory directory)
    {
        var item = new TaskItem(directory.Directory);
        item.SetMetadata(MetadataNames.ImportDirectoryEntry, directory.Entry);
        item.SetMetadata(MetadataNames.ImportPrefix, directory.Prefix);
        return item;
    }

    /// <summary>An import directory a project reference exports, searched here after this project's own.</summary>
    private static ImportDirectory ToReferencedDirectory(ITaskItem item)
    {
        string project = item.GetMetadata(MetadataNames.MSBuildSourceProjectFile);
        return new ImportDirectory(
            item.GetMetadata(MetadataNames.ImportDirectoryEntry),
            item.GetMetadata(MetadataNames.ImportPrefix),
            item.GetMetadata(MetadataNames.FullPath),
            $"an import directory of the project reference '{Path.GetFileNameWithoutExtension(project)}'",
            project,
            string.Empty,
            string.Empty);
    }

    /// <summary>A proto a reference exports (a project reference's target, or a package's manifest), import-only here, with the reference's namespace.</summary>
    private static ProtoItemInput ToReferencedInput(ITaskItem item)
    {
        string fullPath = item.GetMetadata(MetadataNames.FullPath);
        string exportedBy = item.GetMetadata(MetadataNames.ExportedBy) is { Length: > 0 } manifest ? manifest : item.GetMetadata(MetadataNames.MSBuildSourceProjectFile);
        string provider = item.GetMetadata(MetadataNames.Provider) is { Length: > 0 } named
            ? named
            : $"the project reference '{Path.GetFileNameWithoutExtension(item.GetMetadata(MetadataNames.CompiledBy) is { Length: > 0 } owner ? owner : exportedBy)}'";
        return new ProtoItemInput(
            fullPath,
            fullPath,
            Path.GetFullPath(item.GetMetadata(GrpcTools.ProtoRoot)),
            item.GetMetadata(MetadataNames.ImportPrefix),
            item.GetMetadata(MetadataNames.ItemCSharpNamespace),
            Override: true,
            AdditionalImportDirs: string.Empty,
            DefinedIn: exportedBy,
            ProtoCompile: false,
            ExportedBy: exportedBy,
            CompiledBy: item.GetMetadata(MetadataNames.CompiledBy),
            Provider: provider);
    }

    private static void SetStagedNamespace(TaskItem item, WorkspaceProto proto)
    {
        item.SetMetadata(MetadataNames.StagedNamespace, proto.Namespace.Namespace ?? string.Empty);
        item.SetMetadata(MetadataNames.StagedNamespaceOverride, proto.Namespace.OverrideOwnOption ? "true" : "false");
    }

    /// <summary>The standard import directories and every item's <c>AdditionalImportDirs</c> entries, with where each comes from.</summary>
    private List<ImportDirectory> ImportDirectories(List<ProtoItemInput> items)
    {
        var directories = new List<ImportDirectory>();
        foreach (string entry in MSBuildLists.Split(StandardImportsPath))
        {
            // An entry a package adds is named by its package; one the project adds, at the line that sets the property.
            string full = Path.GetFullPath(Path.Combine(ProjectDirectory, entry));
            string package = PackageOf(full);
            directories.Add(new ImportDirectory(full, string.Empty, full, "$(Protobuf_StandardImportsPath)" + package, ProjectFile, package.Length == 0 ? "Protobuf_StandardImportsPath" : string.Empty, string.Empty));
        }

        foreach (ProtoItemInput item in items)
        {
            foreach ((string prefix, string directory) in WorkspacePlanner.ImportEntries(item.AdditionalImportDirs))
            {
                string full = Path.GetFullPath(Path.Combine(ProjectDirectory, directory));
                string normalized = prefix.TrimEnd('/');
                directories.Add(new ImportDirectory(
                    normalized.Length == 0 ? full : normalized + "=" + full,
                    normalized,
                    full,
                    $"AdditionalImportDirs of the Protobuf item '{item.ItemSpec}'",
                    item.DefinedIn,
                    "AdditionalImportDirs",
                    item.AdditionalImportDirs,
                    item));
            }
        }

        return directories;
    }

    /// <summary>", added by package id version" for a directory inside the NuGet packages folder (<c>&lt;root&gt;/&lt;id&gt;/&lt;version&gt;/…</c>).</summary>
    private string PackageOf(string directory)
    {
        if (NuGetPackageRoot.Length == 0)
        {
            return string.Empty;
        }

        string? relative = LogicalPaths.RelativeTo(NuGetPackageRoot, directory);
        string[] parts = relative?.Split('/') ?? [];
        return parts.Length >= 2 ? $", added by the package {parts[0]} {parts[1]}" : string.Empty;
    }

    private ProtoItemInput ToInput(ITaskItem item, Dictionary<string, string> definedIn)
    {
        string root = item.GetMetadata(GrpcTools.ProtoRoot);
        string fullPath = item.GetMetadata(MetadataNames.FullPath);
        string rootPath = root.Length == 0 ? Path.GetDirectoryName(fullPath)! : Path.Combine(ProjectDirectory, root);
        return new ProtoItemInput(
            item.ItemSpec,
            fullPath,
            Path.GetFullPath(rootPath),
            item.GetMetadata(MetadataNames.ImportPrefix),
            item.GetMetadata(MetadataNames.ItemCSharpNamespace),
            IsTrue(item.GetMetadata(MetadataNames.Override)),
            item.GetMetadata(GrpcTools.AdditionalImportDirs),
            definedIn.TryGetValue(item.ItemSpec, out string? file) ? file : item.GetMetadata(MetadataNames.DefiningProjectFullPath),
            !string.Equals(item.GetMetadata(GrpcTools.ProtoCompile).Trim(), "false", StringComparison.OrdinalIgnoreCase));
    }

    private static string DescribePlan(WorkspacePlan plan)
    {
        var text = new StringBuilder("# ProtoGen workspace plan v2\n");
        foreach (string dir in plan.ImportDirs)
        {
            text.Append("import\t").Append(dir).Append('\n');
        }

        foreach (WorkspaceProto proto in plan.Protos.Where(p => p.StagedPath is not null))
        {
            text.Append("stage\t").Append(proto.LogicalPath)
                .Append('\t').Append(proto.Item.FullPath)
                .Append('\t').Append(proto.StagedPath)
                .Append('\t').Append(proto.Namespace.Namespace ?? "-")
                .Append('\t').Append(proto.Namespace.OverrideOwnOption ? "override" : "keep")
                .Append('\n');
        }

        return text.ToString();
    }

    private static bool IsTrue(string value) => string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
