using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ProtoGen.Bench.Layouts;

/// <summary>One proto file of a root: its path under the root ('/'-separated) and its text.</summary>
internal sealed record ProtoFile(string Path, string Text);

/// <summary>
/// A team's (or a vendor's) tree of protos. Other protos import its files by <c>ImportPrefix/Path</c>, or by
/// <c>Path</c> alone for a vendored tree with no prefix; in the ProtoGen project the tree sits on disk under
/// <see cref="Folder"/> and, with a prefix, is mapped with <c>ImportPrefix</c>.
/// </summary>
internal sealed record ProtoRoot(string ImportPrefix, string Folder, IReadOnlyList<ProtoFile> Files)
{
    /// <summary>A vendored tree, imported by its paths as they are (no <c>ImportPrefix</c>).</summary>
    public bool IsVendored => ImportPrefix.Length == 0;

    public string LogicalPath(ProtoFile file) => IsVendored ? file.Path : ImportPrefix + "/" + file.Path;
}

/// <summary>A <c>ProtoNamespace</c> rule of the ProtoGen project.</summary>
internal sealed record NamespaceRule(string Prefix, string Namespace);

/// <summary>
/// A set of protos to build both ways, the one proto that the "touch" case edits (a leaf), and the one that the
/// design-time edit case edits (the most imported).
/// </summary>
internal sealed partial record ProtoLayout(
    string Name,
    string Description,
    IReadOnlyList<ProtoRoot> Roots,
    IReadOnlyList<NamespaceRule> NamespaceRules,
    string LeafLogicalPath)
{
    /// <summary>The proto the most protos import directly (ties: the first by logical path): an edit of it recompiles them all.</summary>
    public string MostImportedLogicalPath { get; } = Roots.SelectMany(r => r.Files).SelectMany(f => Imports(f.Text))
        .Where(path => Roots.Any(r => r.Files.Any(f => r.LogicalPath(f) == path)))
        .GroupBy(path => path, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => g.Key)
        .FirstOrDefault() ?? LeafLogicalPath;

    /// <summary>
    /// For a layout that is also built split into libraries: the root that becomes the app project (it references
    /// every other root's library); null for a layout built only as one project.
    /// </summary>
    public string? AppImportPrefix { get; init; }

    public int ProtoCount => Roots.Sum(r => r.Files.Count);

    public int ServiceCount => Roots.SelectMany(r => r.Files).Sum(f => ServicePattern().Count(f.Text));

    public IEnumerable<(ProtoRoot Root, ProtoFile File, string LogicalPath)> Files =>
        Roots.SelectMany(r => r.Files.Select(f => (r, f, r.LogicalPath(f))));

    /// <summary>The logical paths a proto imports.</summary>
    public static IEnumerable<string> Imports(string protoText) =>
        ImportPattern().Matches(protoText).Select(m => m.Groups[1].Value);

    /// <summary>
    /// The first proto (ordinal by logical path) that no other proto imports, preferring one with a service:
    /// editing it re-runs protoc for that file alone.
    /// </summary>
    public static string FindLeaf(IReadOnlyList<ProtoRoot> roots)
    {
        var files = roots.SelectMany(r => r.Files.Select(f => (Path: r.LogicalPath(f), f.Text))).ToList();
        var imported = files.SelectMany(f => Imports(f.Text)).ToHashSet(StringComparer.Ordinal);
        var leaves = files.Where(f => !imported.Contains(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        return leaves.Where(f => ServicePattern().IsMatch(f.Text)).Concat(leaves).Select(f => f.Path).FirstOrDefault()
            ?? throw new InvalidOperationException("Every proto is imported by another: there is no leaf to touch.");
    }

    [GeneratedRegex(@"^\s*import\s+(?:public\s+|weak\s+)?""([^""]+)""\s*;", RegexOptions.Multiline)]
    private static partial Regex ImportPattern();

    [GeneratedRegex(@"^\s*service\s+\w+", RegexOptions.Multiline)]
    private static partial Regex ServicePattern();
}
