using System.Collections.Generic;
using ProtoGen.Build.Diagnostics;

namespace ProtoGen.Build.Mapping;

/// <summary>A <c>Protobuf</c> item as the mapping sees it. Paths are full paths.</summary>
/// <param name="ItemSpec">The item as written in the project.</param>
/// <param name="FullPath">The proto file on disk.</param>
/// <param name="ProtoRoot">The directory the logical path is relative to.</param>
/// <param name="ImportPrefix">The logical prefix of <paramref name="ProtoRoot"/> (protoc's <c>-Iprefix=dir</c>), or empty.</param>
/// <param name="CSharpNamespace">An explicit namespace for this file, or empty.</param>
/// <param name="Override">Whether a derived namespace replaces the proto's own <c>option csharp_namespace</c>.</param>
/// <param name="AdditionalImportDirs">The item's own import directories, ';'-separated, each <c>dir</c> or <c>prefix=dir</c>.</param>
/// <param name="DefinedIn">The project file that defines the item.</param>
internal sealed record ProtoItemInput(
    string ItemSpec,
    string FullPath,
    string ProtoRoot,
    string ImportPrefix,
    string CSharpNamespace,
    bool Override,
    string AdditionalImportDirs,
    string DefinedIn);

/// <summary>A <c>ProtoNamespace</c> rule: protos under <paramref name="Prefix"/> go to <paramref name="Namespace"/>.</summary>
internal sealed record NamespaceRuleInput(string Prefix, string Namespace, bool Override, string DefinedIn);

/// <summary>How the staged copy of a proto gets its namespace.</summary>
/// <param name="Namespace">The namespace to give the file, or null to leave protoc's behaviour alone.</param>
/// <param name="OverrideOwnOption">Whether <paramref name="Namespace"/> replaces the file's own <c>option csharp_namespace</c>.</param>
internal sealed record NamespaceDecision(string? Namespace, bool OverrideOwnOption)
{
    public static readonly NamespaceDecision None = new(null, false);
}

/// <summary>A proto that ProtoGen stages: where protoc will see it and which namespace it gets.</summary>
/// <param name="Item">The original item.</param>
/// <param name="LogicalPath">The path protoc and importing files know it by.</param>
/// <param name="StagedPath">Where the staged copy is written (under the stage directory, at its logical path).</param>
/// <param name="Namespace">The namespace decision.</param>
internal sealed record MappedProto(ProtoItemInput Item, string LogicalPath, string StagedPath, NamespaceDecision Namespace);

/// <summary>The result of mapping a project's protos.</summary>
/// <param name="Protos">The protos to stage, in item order.</param>
/// <param name="ImportDirs">protoc import directories ProtoGen adds before any other: the stage directory, then each mapped root.</param>
/// <param name="Diagnostics">Problems found; with any error the plan must not be applied.</param>
internal sealed record MappingPlan(
    IReadOnlyList<MappedProto> Protos,
    IReadOnlyList<string> ImportDirs,
    IReadOnlyList<BuildDiagnostic> Diagnostics);

/// <summary>Finds where a metadata value is written in a project file, for diagnostics.</summary>
internal interface ISourceLocator
{
    /// <summary>The 1-based line and column of <paramref name="attribute"/>="<paramref name="value"/>" in <paramref name="file"/>, or (0, 0).</summary>
    (int Line, int Column) Locate(string file, string attribute, string value);
}
