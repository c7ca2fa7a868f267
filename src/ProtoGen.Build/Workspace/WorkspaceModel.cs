using System.Collections.Generic;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.Mapping;
using ProtoGen.Build.Proto;

namespace ProtoGen.Build.Workspace;

/// <summary>
/// An import directory that does not come from a project item's root: an entry of
/// <c>$(Protobuf_StandardImportsPath)</c> or of an item's <c>AdditionalImportDirs</c>.
/// </summary>
/// <param name="Entry">The entry as protoc gets it: <c>dir</c> or <c>prefix=dir</c>, the directory made full.</param>
/// <param name="Prefix">The logical prefix, or "".</param>
/// <param name="Directory">The full directory.</param>
/// <param name="Origin">Where it comes from, for messages ("$(Protobuf_StandardImportsPath), from package x 1.0").</param>
/// <param name="DefinedIn">The project file a diagnostic about it points at.</param>
/// <param name="Attribute">The attribute of <paramref name="DefinedIn"/> that writes it, to find its line, or "".</param>
/// <param name="Value">That attribute's value ("" to find the element <c>&lt;Attribute&gt;</c>).</param>
/// <param name="Item">The item whose <c>AdditionalImportDirs</c> it is, for its line when the value is not written as such.</param>
internal sealed record ImportDirectory(string Entry, string Prefix, string Directory, string Origin, string DefinedIn, string Attribute, string Value, ProtoItemInput? Item = null);

/// <summary>The file system questions the planner asks; a fake in tests.</summary>
internal interface IWorkspaceFiles
{
    /// <summary>The summary of a proto, or null with <paramref name="error"/> set when it cannot be read.</summary>
    ProtoSummary? Summary(string fullPath, out string? error);

    bool FileExists(string fullPath);

    bool DirectoryExists(string fullPath);

    /// <summary>Whether two files hold the same text (a file is the same as itself).</summary>
    bool SameContent(string fullPath, string otherFullPath);
}

/// <summary>How the project's protos are planned.</summary>
/// <param name="ProjectDirectory">The project directory (full).</param>
/// <param name="StageDirectory">Where staged copies go, at their logical paths (full).</param>
/// <param name="StageEveryMappedProto">
/// True when Grpc.Tools compiles the protos itself (one protoc run per proto, its own root last): then every proto with
/// an <c>ImportPrefix</c> is staged too, as protoc would otherwise know it by its path under its root.
/// </param>
/// <param name="StandardImportsWin">
/// True (<c>$(ProtoGenStandardImportsWin)</c>, the default) for Grpc.Tools' order for a file that is not an item: an
/// import directory's file before a root's (<see cref="ShadowedImports"/>); false for the roots first.
/// </param>
internal sealed record WorkspaceOptions(string ProjectDirectory, string StageDirectory, bool StageEveryMappedProto = false, bool StandardImportsWin = true);

/// <summary>One proto of the workspace: where protoc finds it, what it is called, and how ProtoGen compiles it.</summary>
/// <param name="Item">The item.</param>
/// <param name="LogicalPath">The path protoc and importing files know it by: its <c>ImportPrefix</c>, then its path under its root.</param>
/// <param name="RootEntry">Its root as a protoc import directory (<c>dir</c> or <c>prefix=dir</c>).</param>
/// <param name="Namespace">The namespace ProtoGen gives it.</param>
/// <param name="StagedPath">Where its staged copy is, or null when it is compiled in place.</param>
/// <param name="PredictAs">The path Grpc.Tools' output prediction is given for it (see <see cref="WorkspacePlanner"/>), or null for the item as written (its spec and ProtoRoot).</param>
/// <param name="PredictRoot">The <c>ProtoRoot</c> given with <paramref name="PredictAs"/>, or null with it.</param>
/// <param name="PreferredRoot">An import directory that must come first when it is compiled, or null.</param>
/// <param name="Summary">Its package, services, imports and own namespace option.</param>
/// <param name="RootDirectory">The full directory of its root.</param>
/// <param name="RootPrefix">Its root's logical prefix, or "".</param>
internal sealed record WorkspaceProto(
    ProtoItemInput Item,
    string LogicalPath,
    string RootEntry,
    NamespaceDecision Namespace,
    string? StagedPath,
    string? PredictAs,
    string? PredictRoot,
    string? PreferredRoot,
    ProtoSummary Summary,
    string RootDirectory,
    string RootPrefix)
{
    /// <summary>The file protoc compiles: the staged copy, or the original.</summary>
    public string CompilePath => StagedPath ?? Item.FullPath;

    /// <summary>Grpc.Tools' <c>Source</c> of the compiled item: the staged copy's path, or the item as written.</summary>
    public string Source => StagedPath ?? Item.ItemSpec;

    /// <summary>The C# namespace protoc gives it.</summary>
    public string CSharpNamespace => NamespaceRules.Effective(Namespace, Summary.CSharpNamespace, Summary.Package);
}

/// <summary>The project's proto workspace.</summary>
/// <param name="Protos">Every item that has a logical path, in item order.</param>
/// <param name="ImportDirs">
/// The import directories every compile of the workspace searches first, in order: a <c>logical=file</c> entry for each
/// file that an import directory provides instead of a root (<see cref="ShadowedImports"/>), the stage (when a proto is
/// staged), then every root, deepest first.
/// </param>
/// <param name="Diagnostics">Problems found; with an error the plan must not be used.</param>
internal sealed record WorkspacePlan(IReadOnlyList<WorkspaceProto> Protos, IReadOnlyList<string> ImportDirs, IReadOnlyList<BuildDiagnostic> Diagnostics);
