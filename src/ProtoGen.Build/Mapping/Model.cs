namespace ProtoGen.Build.Mapping;

/// <summary>A <c>Protobuf</c> item as the workspace sees it. Paths are full paths unless said otherwise.</summary>
/// <param name="ItemSpec">The item as written in the project (unescaped); Grpc.Tools' <c>Source</c> of the item.</param>
/// <param name="FullPath">The proto file on disk.</param>
/// <param name="ProtoRoot">The directory the logical path is relative to.</param>
/// <param name="ImportPrefix">The logical prefix of <paramref name="ProtoRoot"/> (protoc's <c>-Iprefix=dir</c>), or empty.</param>
/// <param name="CSharpNamespace">An explicit namespace for this file, or empty.</param>
/// <param name="Override">Whether a derived namespace replaces the proto's own <c>option csharp_namespace</c>.</param>
/// <param name="AdditionalImportDirs">The item's own import directories, ';'-separated, each <c>dir</c> or <c>prefix=dir</c>.</param>
/// <param name="DefinedIn">The project file that defines the item.</param>
/// <param name="ProtoCompile">False for an item that only provides imports (Grpc.Tools' <c>ProtoCompile="false"</c>).</param>
/// <param name="ExportedBy">For a proto a referenced project exports (import-only, with that project's namespace): that project's file; else "".</param>
/// <param name="CompiledBy">For a proto a referenced project exports: the project whose assembly holds its types, or "" when none does.</param>
/// <param name="Provider">For a proto a reference exports: the reference, as messages name it ("the project reference 'Common'", "the package 'Contoso.Common' 1.0.0").</param>
internal sealed record ProtoItemInput(
    string ItemSpec,
    string FullPath,
    string ProtoRoot,
    string ImportPrefix,
    string CSharpNamespace,
    bool Override,
    string AdditionalImportDirs,
    string DefinedIn,
    bool ProtoCompile = true,
    string ExportedBy = "",
    string CompiledBy = "",
    string Provider = "")
{
    /// <summary>True for a proto that comes from a referenced project's exports rather than from this project's items.</summary>
    public bool IsReferenced => ExportedBy.Length > 0;
}

/// <summary>A <c>ProtoNamespace</c> rule: protos under <paramref name="Prefix"/> go to <paramref name="Namespace"/>.</summary>
internal sealed record NamespaceRuleInput(string Prefix, string Namespace, bool Override, string DefinedIn);

/// <summary>How the staged copy of a proto gets its namespace.</summary>
/// <param name="Namespace">The namespace to give the file, or null to leave protoc's behaviour alone.</param>
/// <param name="OverrideOwnOption">Whether <paramref name="Namespace"/> replaces the file's own <c>option csharp_namespace</c>.</param>
internal sealed record NamespaceDecision(string? Namespace, bool OverrideOwnOption)
{
    public static readonly NamespaceDecision None = new(null, false);
}

/// <summary>Finds where a metadata value is written in a project file, for diagnostics.</summary>
internal interface ISourceLocator
{
    /// <summary>
    /// The 1-based line and column of <paramref name="attribute"/>="<paramref name="value"/>" in <paramref name="file"/>
    /// (or of the element <c>&lt;attribute&gt;</c> when <paramref name="value"/> is empty), or (0, 0).
    /// </summary>
    (int Line, int Column) Locate(string file, string attribute, string value);
}
