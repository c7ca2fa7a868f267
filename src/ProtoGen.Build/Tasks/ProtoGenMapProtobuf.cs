using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.IO;
using ProtoGen.Build.Mapping;

namespace ProtoGen.Build.Tasks;

/// <summary>
/// Computes the include-path mapping and namespaces of a project's <c>Protobuf</c> items and returns the
/// staged items that replace them for Grpc.Tools. Touches no proto file; <see cref="ProtoGenStageProtobuf"/>
/// writes the staged copies.
/// </summary>
public sealed class ProtoGenMapProtobuf : Task
{
    /// <summary>The project's Protobuf items, with ProtoRoot already set (Grpc.Tools' <c>Protobuf_Rooted</c>).</summary>
    [Required]
    public ITaskItem[] Protobuf { get; set; } = [];

    /// <summary>
    /// The project's <c>Protobuf</c> items as the user wrote them: the project file that defines each one, for
    /// diagnostics (<see cref="Protobuf"/> items were re-created inside Grpc.Tools' targets).
    /// </summary>
    public ITaskItem[] SourceProtobuf { get; set; } = [];

    /// <summary>The <c>ProtoNamespace</c> rules: Include is a logical prefix, metadata Namespace and Override.</summary>
    public ITaskItem[] NamespaceRules { get; set; } = [];

    /// <summary>The project directory, against which relative ProtoRoot values are resolved.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The directory under which staged copies sit at their logical paths.</summary>
    [Required]
    public string StageDirectory { get; set; } = string.Empty;

    /// <summary>
    /// A file that records the plan; rewritten only when the plan changes, so that an incremental build can use
    /// it as an input of the staging step. Optional.
    /// </summary>
    public string PlanFile { get; set; } = string.Empty;

    /// <summary>The items that are replaced by <see cref="StagedProtobuf"/>.</summary>
    [Output]
    public ITaskItem[] MappedProtobuf { get; private set; } = [];

    /// <summary>The staged items, with the original item's metadata and ProtoRoot, Source and AdditionalImportDirs set for the staged copy.</summary>
    [Output]
    public ITaskItem[] StagedProtobuf { get; private set; } = [];

    /// <summary>The import directories every proto compile of the project needs first, ';'-separated; empty when nothing is mapped.</summary>
    [Output]
    public string ImportDirs { get; private set; } = string.Empty;

    /// <inheritdoc />
    public override bool Execute()
    {
        bool anyItemMapped = Protobuf.Any(i => i.GetMetadata(MetadataNames.ImportPrefix).Length > 0 || i.GetMetadata(MetadataNames.CSharpNamespace).Length > 0);
        if (!anyItemMapped && NamespaceRules.Length == 0)
        {
            return true; // No mapping: Grpc.Tools' behaviour is left exactly as it is.
        }

        var definedIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ITaskItem source in SourceProtobuf)
        {
            definedIn[source.ItemSpec] = source.GetMetadata(MetadataNames.DefiningProjectFullPath);
        }

        var inputs = Protobuf.Select(i => ToInput(i, definedIn)).ToList();
        var originalOf = new Dictionary<ProtoItemInput, ITaskItem>();
        for (int i = 0; i < inputs.Count; i++)
        {
            if (!originalOf.ContainsKey(inputs[i]))
            {
                originalOf.Add(inputs[i], Protobuf[i]);
            }
        }

        var rules = NamespaceRules.Select(r => new NamespaceRuleInput(
            r.ItemSpec,
            r.GetMetadata(MetadataNames.Namespace),
            IsTrue(r.GetMetadata(MetadataNames.Override)),
            r.GetMetadata(MetadataNames.DefiningProjectFullPath))).ToList();

        MappingPlan plan = ProtoMapper.Map(inputs, rules, StageDirectory, new ProjectFileLocator());
        Log.Report(plan.Diagnostics);
        if (Log.HasLoggedErrors)
        {
            return false;
        }

        if (plan.Protos.Count == 0)
        {
            return true; // Rules that match no item: nothing is staged, nothing changes.
        }

        ImportDirs = string.Join(";", plan.ImportDirs);
        var originals = new List<ITaskItem>();
        var staged = new List<ITaskItem>();
        foreach (MappedProto proto in plan.Protos)
        {
            ITaskItem original = originalOf[proto.Item];
            var item = new TaskItem(proto.StagedPath);
            original.CopyMetadataTo(item);
            // The stage is the staged item's root: Grpc.Tools writes its outputs under the logical directory, so two
            // files of one name in different logical folders never share an output path.
            item.SetMetadata(MetadataNames.ProtoRoot, Path.GetFullPath(StageDirectory));
            item.SetMetadata(MetadataNames.Source, proto.StagedPath);
            item.SetMetadata(MetadataNames.AdditionalImportDirs, Join(ImportDirs, original.GetMetadata(MetadataNames.AdditionalImportDirs)));
            item.SetMetadata(MetadataNames.OriginalPath, proto.Item.FullPath);
            item.SetMetadata(MetadataNames.OriginalItemSpec, original.ItemSpec);
            item.SetMetadata(MetadataNames.LogicalPath, proto.LogicalPath);
            item.SetMetadata(MetadataNames.StagedNamespace, proto.Namespace.Namespace ?? string.Empty);
            item.SetMetadata(MetadataNames.StagedNamespaceOverride, proto.Namespace.OverrideOwnOption ? "true" : "false");
            originals.Add(original);
            staged.Add(item);
        }

        if (PlanFile.Length > 0)
        {
            FileWriter.WriteIfChanged(PlanFile, DescribePlan(plan));
        }

        MappedProtobuf = [.. originals];
        StagedProtobuf = [.. staged];
        return !Log.HasLoggedErrors;
    }

    private ProtoItemInput ToInput(ITaskItem item, Dictionary<string, string> definedIn)
    {
        string root = item.GetMetadata(MetadataNames.ProtoRoot);
        string fullPath = item.GetMetadata(MetadataNames.FullPath);
        string rootPath = root.Length == 0 ? Path.GetDirectoryName(fullPath)! : Path.Combine(ProjectDirectory, root);
        return new ProtoItemInput(
            item.ItemSpec,
            fullPath,
            Path.GetFullPath(rootPath),
            item.GetMetadata(MetadataNames.ImportPrefix),
            item.GetMetadata(MetadataNames.CSharpNamespace),
            IsTrue(item.GetMetadata(MetadataNames.Override)),
            item.GetMetadata(MetadataNames.AdditionalImportDirs),
            definedIn.TryGetValue(item.ItemSpec, out string? file) ? file : item.GetMetadata(MetadataNames.DefiningProjectFullPath));
    }

    private static string DescribePlan(MappingPlan plan)
    {
        var text = new System.Text.StringBuilder();
        text.Append("# ProtoGen mapping plan v1\n");
        foreach (string dir in plan.ImportDirs)
        {
            text.Append("import\t").Append(dir).Append('\n');
        }

        foreach (MappedProto proto in plan.Protos)
        {
            text.Append("proto\t").Append(proto.LogicalPath)
                .Append('\t').Append(proto.Item.FullPath)
                .Append('\t').Append(proto.Namespace.Namespace ?? "-")
                .Append('\t').Append(proto.Namespace.OverrideOwnOption ? "override" : "keep")
                .Append('\n');
        }

        return text.ToString();
    }

    private static string Join(string first, string second) =>
        second.Length == 0 ? first : first + ";" + second;

    private static bool IsTrue(string value) => string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
