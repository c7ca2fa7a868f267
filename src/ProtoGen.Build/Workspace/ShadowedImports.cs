using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.IO;
using ProtoGen.Build.Mapping;
using ProtoGen.Build.Proto;

namespace ProtoGen.Build.Workspace;

/// <summary>A proto of the workspace as <see cref="ShadowedImports"/> sees it: an item (this project's or a reference's) by its logical path.</summary>
/// <param name="LogicalPath">Its logical path.</param>
/// <param name="FullPath">Its file.</param>
/// <param name="Summary">Its imports.</param>
/// <param name="Compiled">True when this project compiles it: its imports are where the walk starts.</param>
internal sealed record WorkspaceFile(string LogicalPath, string FullPath, ProtoSummary Summary, bool Compiled);

/// <summary>A root of the workspace: its full directory and logical prefix, in protoc's search order.</summary>
internal sealed record WorkspaceRoot(string Directory, string Prefix);

/// <summary>
/// The files no project item provides that the compiled protos import, directly or not, and where each is found when
/// more than one place provides it: a root (a <c>ProtoRoot</c> holds more than its items: a googleapis checkout holds
/// <c>google/api</c>), an <c>AdditionalImportDirs</c> entry, a standard import directory (a package's protos).
/// </summary>
/// <remarks>
/// <para>
/// Grpc.Tools searches an item's <c>AdditionalImportDirs</c>, then the standard import directories, then its
/// <c>ProtoRoot</c>; ProtoGen searches the roots first, so that every item sees every other. For a file that is not an
/// item the two orders differ exactly where a root and an import directory both provide it. With
/// <see cref="WorkspaceOptions.StandardImportsWin"/> (the default) ProtoGen takes Grpc.Tools' choice: the import
/// directory's file, which is what the package's compiled types were generated from. protoc has one search order, so
/// each such logical path gets an entry of its own, <c>logical/path.proto=file</c> (protoc maps a single file as it
/// maps a directory), searched before everything else. Items never get one: they keep winning (PGB2004).
/// </para>
/// <para>
/// A logical path provided with different content by two of these places is PGB2007, once per pair of directories,
/// at the import of the compiled proto that reaches it. Only what the compiled protos import is walked, through the
/// summaries of <see cref="IWorkspaceFiles"/> (protos.cache): a no-op build reads no proto, and a checkout's thousands
/// of files nobody imports are never looked at.
/// </para>
/// </remarks>
internal sealed class ShadowedImports
{
    private enum Kind
    {
        Root,
        Additional,
        Standard,
    }

    /// <summary>A file that provides a logical path, and the place it was found in.</summary>
    private sealed record Provider(Kind Kind, string File, string Directory, string Origin);

    /// <summary>An import of a compiled proto; every file reached through it is reported there.</summary>
    private sealed record Origin(WorkspaceFile Importer, ProtoSummaryImport Import);

    private sealed record Finding(string LogicalPath, Provider Winner, IReadOnlyList<Provider> Others, Origin Origin);

    private readonly IReadOnlyList<WorkspaceRoot> _roots;
    private readonly IReadOnlyList<ImportDirectory> _additional;
    private readonly IReadOnlyList<ImportDirectory> _standard;
    private readonly bool _standardImportsWin;
    private readonly IWorkspaceFiles _files;

    private ShadowedImports(IReadOnlyList<WorkspaceRoot> roots, IReadOnlyList<ImportDirectory> directories, bool standardImportsWin, IWorkspaceFiles files)
    {
        _roots = roots;
        _additional = [.. directories.Where(d => d.Item is not null)];
        _standard = [.. directories.Where(d => d.Item is null)];
        _standardImportsWin = standardImportsWin;
        _files = files;
    }

    /// <summary>
    /// Walks the imports of the compiled <paramref name="protos"/> and returns the file entries (<c>logical=file</c>) that
    /// protoc must search first so that each logical path gets the file chosen here; reports PGB2007 to <paramref name="sink"/>.
    /// </summary>
    /// <param name="protos">Every item of the workspace (this project's and its references').</param>
    /// <param name="roots">The roots, in protoc's search order (deepest first).</param>
    /// <param name="directories">The import directories that exist: the items' <c>AdditionalImportDirs</c> entries (with their item) and the standard ones (without).</param>
    /// <param name="standardImportsWin">True for Grpc.Tools' order for files that are not items: import directories before roots.</param>
    /// <param name="files">The file system.</param>
    /// <param name="sink">Where PGB2007 goes.</param>
    public static IReadOnlyList<string> Resolve(
        IReadOnlyList<WorkspaceFile> protos,
        IReadOnlyList<WorkspaceRoot> roots,
        IReadOnlyList<ImportDirectory> directories,
        bool standardImportsWin,
        IWorkspaceFiles files,
        DiagnosticSink sink)
    {
        var check = new ShadowedImports(roots, directories, standardImportsWin, files);
        var overrides = new List<string>();
        List<Finding> findings = check.Walk(protos, overrides);
        Report(findings, sink);
        return overrides;
    }

    /// <summary>Breadth first from the compiled protos' imports, so each file is reported at the nearest import that reaches it.</summary>
    private List<Finding> Walk(IReadOnlyList<WorkspaceFile> protos, List<string> overrides)
    {
        var items = new Dictionary<string, WorkspaceFile>(StringComparer.Ordinal);
        foreach (WorkspaceFile proto in protos.Where(p => !items.ContainsKey(p.LogicalPath)))
        {
            items.Add(proto.LogicalPath, proto);
        }

        var itemFiles = new HashSet<string>(protos.Select(p => p.FullPath), FileSystemCase.Comparer);
        var pending = new Queue<(string Path, Origin Origin)>();
        foreach (WorkspaceFile proto in protos.Where(p => p.Compiled))
        {
            foreach (ProtoSummaryImport import in proto.Summary.Imports)
            {
                pending.Enqueue((import.Path, new Origin(proto, import)));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var findings = new List<Finding>();
        while (pending.Count > 0)
        {
            (string path, Origin origin) = pending.Dequeue();
            if (!seen.Add(path))
            {
                continue;
            }

            IReadOnlyList<ProtoSummaryImport> next;
            if (items.TryGetValue(path, out WorkspaceFile? item))
            {
                next = item.Summary.Imports;
            }
            else
            {
                List<Provider> providers = Providers(path, itemFiles);
                Provider? winner = Winner(providers);
                if (winner is null)
                {
                    continue; // Nothing provides it: protoc says so (PGB1002).
                }

                if (winner.Kind != Kind.Root && providers.Exists(p => p.Kind == Kind.Root))
                {
                    overrides.Add(path + "=" + winner.File);
                }

                ProtoSummary? summary = _files.Summary(winner.File, out _);
                List<Provider> differing = [.. providers.Where(p => p != winner && !SameContent(summary, p))];
                if (differing.Count > 0)
                {
                    findings.Add(new Finding(path, winner, differing, origin));
                }

                next = summary?.Imports ?? [];
            }

            foreach (ProtoSummaryImport import in next)
            {
                pending.Enqueue((import.Path, origin));
            }
        }

        return findings;
    }

    /// <summary>The first file of each kind of place that provides <paramref name="logicalPath"/>, in Grpc.Tools' order of kinds.</summary>
    private List<Provider> Providers(string logicalPath, HashSet<string> itemFiles)
    {
        var providers = new List<Provider>();
        Provider? Find<T>(Kind kind, IEnumerable<T> places, Func<T, (string Directory, string Prefix, string Origin)> describe)
        {
            foreach (T place in places)
            {
                (string directory, string prefix, string origin) = describe(place);
                if (prefix.Length > 0 && !LogicalPaths.IsUnder(logicalPath, prefix))
                {
                    continue;
                }

                string relative = prefix.Length == 0 ? logicalPath : logicalPath.Substring(prefix.Length + 1);
                string file = Path.Combine(directory, relative.Replace('/', Path.DirectorySeparatorChar));
                if (_files.FileExists(file))
                {
                    // An item's file known here by another logical path (nested roots) is the item's business, not a shadow.
                    return itemFiles.Contains(file) ? null : new Provider(kind, file, directory, origin);
                }
            }

            return null;
        }

        if (Find(Kind.Additional, _additional, d => (d.Directory, d.Prefix, d.Origin)) is { } additional)
        {
            providers.Add(additional);
        }

        if (Find(Kind.Standard, _standard, d => (d.Directory, d.Prefix, d.Origin)) is { } standard)
        {
            providers.Add(standard);
        }

        if (Find(Kind.Root, _roots, r => (r.Directory, r.Prefix, $"under the ProtoRoot '{r.Directory}'")) is { } root)
        {
            providers.Add(root);
        }

        return providers;
    }

    /// <summary>Grpc.Tools' choice (the list's order) or, without <see cref="_standardImportsWin"/>, ProtoGen's search order: a root first.</summary>
    private Provider? Winner(List<Provider> providers) =>
        _standardImportsWin ? providers.FirstOrDefault() : providers.Find(p => p.Kind == Kind.Root) ?? providers.FirstOrDefault();

    private bool SameContent(ProtoSummary? winner, Provider other)
    {
        if (winner is null || winner.ContentHash.Length == 0)
        {
            return false;
        }

        ProtoSummary? summary = _files.Summary(other.File, out _);
        return summary is not null && string.Equals(summary.ContentHash, winner.ContentHash, StringComparison.Ordinal);
    }

    /// <summary>One PGB2007 per pair of places, at the import that reaches the first of its logical paths.</summary>
    private static void Report(List<Finding> findings, DiagnosticSink sink)
    {
        foreach (IGrouping<(string, string), Finding> group in findings.GroupBy(f => (f.Winner.Directory, f.Others[0].Directory)))
        {
            Finding first = group.First();
            Provider winner = first.Winner;
            string others = string.Join(" and ", first.Others.Select(o => $"'{o.File}' ({o.Origin})"));
            string reached = first.Origin.Import.Path == first.LogicalPath ? string.Empty : $" (through \"{first.Origin.Import.Path}\")";
            string more = group.Count() == 1
                ? string.Empty
                : $" The same two places provide, with other content, {group.Count() - 1} more imported path(s), which go the same way: {string.Join(", ", group.Skip(1).Select(f => f.LogicalPath))}.";
            sink.At(
                BuildDiagnostics.ImportProvidedTwice,
                $"Import \"{first.LogicalPath}\"{reached} gets '{winner.File}' ({winner.Origin}), not {others}, which has other content: {Why(winner, first.Others[0])}.{more} Make sure the file compiled against is the one whose C# types the program uses; then remove the other, or suppress PGB2007.",
                first.Origin.Importer.FullPath,
                first.Origin.Import.Line,
                first.Origin.Import.Column);
        }
    }

    private static string Why(Provider winner, Provider other) =>
        (winner.Kind, other.Kind) switch
        {
            (Kind.Root, _) => "ProtoGenStandardImportsWin is false, so the roots are searched first",
            (_, Kind.Root) => "as in Grpc.Tools, import directories come before ProtoRoot for a file that is not a Protobuf item (ProtoGenStandardImportsWin=false would take the root's)",
            _ => "AdditionalImportDirs come before $(Protobuf_StandardImportsPath), as in Grpc.Tools",
        };
}
