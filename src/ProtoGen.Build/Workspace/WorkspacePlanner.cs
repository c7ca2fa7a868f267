using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.IO;
using ProtoGen.Build.Mapping;
using ProtoGen.Build.Proto;

namespace ProtoGen.Build.Workspace;

/// <summary>
/// Plans a project's proto workspace: every <c>Protobuf</c> item, mapped or not, gets a logical path (its
/// <c>ImportPrefix</c>, then its path under its root), a namespace, and a way to be compiled so that every item can
/// import every other by that path. Pure but for the questions it asks <see cref="IWorkspaceFiles"/>.
/// </summary>
/// <remarks>
/// <para>
/// protoc names a file it is given by the first import directory that holds it, and resolves an import by the first
/// import directory that provides it. So the roots are ordered deepest first: a file of a root nested in another
/// root is named by its own root. Staged copies (only of protos whose namespace ProtoGen changes) sit in a stage
/// directory at their logical paths, which comes before every root. Before the stage come the single-file entries of
/// <see cref="ShadowedImports"/>: a file no item provides, taken from an import directory rather than from a root.
/// </para>
/// <para>
/// A proto protoc would name by another root (a root nested in its own, or a second file with the same logical
/// path) gets a <see cref="WorkspaceProto.PreferredRoot"/>: its compile searches that root first.
/// </para>
/// <para>
/// Outputs are predicted by Grpc.Tools from <see cref="WorkspaceProto.PredictAs"/> under
/// <see cref="WorkspaceProto.PredictRoot"/>: the item itself where nothing is mapped, so its outputs are exactly
/// Grpc.Tools'; its logical path under the stage otherwise, so its outputs sit under its logical folder and two
/// roots' <c>v1/common.proto</c> never share an output.
/// </para>
/// </remarks>
internal sealed class WorkspacePlanner
{
    private const string WellKnownTypesDirectory = "google/protobuf";

    private readonly WorkspaceOptions _options;
    private readonly IWorkspaceFiles _files;
    private readonly DiagnosticSink _sink;

    private WorkspacePlanner(WorkspaceOptions options, IWorkspaceFiles files, ISourceLocator locator)
    {
        _options = options;
        _files = files;
        _sink = new DiagnosticSink(locator);
    }

    /// <summary>A root: its full directory, its logical prefix and its protoc import directory entry.</summary>
    private sealed record Root(string Directory, string Prefix)
    {
        public string Entry => Prefix.Length == 0 ? Directory : Prefix + "=" + Directory;

        public bool Holds(string fullPath) =>
            fullPath.Length > Directory.Length
            && fullPath.StartsWith(Directory, FileSystemCase.Comparison)
            && (fullPath[Directory.Length] == '/' || fullPath[Directory.Length] == Path.DirectorySeparatorChar);
    }

    /// <summary>An item with its logical path, before its namespace and compile are decided.</summary>
    private sealed record Placed(ProtoItemInput Item, Root Root, string LogicalPath, ProtoSummary Summary, bool RootFromProtoRoot);

    /// <summary>Plans the workspace of <paramref name="items"/> under <paramref name="rules"/>.</summary>
    /// <param name="items">Every Protobuf item of the project, compiled or import-only, in item order.</param>
    /// <param name="rules">The project's namespace rules.</param>
    /// <param name="importDirectories">The standard import directories and the items' <c>AdditionalImportDirs</c> entries, checked here.</param>
    /// <param name="options">Paths and mode.</param>
    /// <param name="files">The file system.</param>
    /// <param name="locator">Finds project file lines for diagnostics.</param>
    public static WorkspacePlan Plan(
        IReadOnlyList<ProtoItemInput> items,
        IReadOnlyList<NamespaceRuleInput> rules,
        IReadOnlyList<ImportDirectory> importDirectories,
        WorkspaceOptions options,
        IWorkspaceFiles files,
        ISourceLocator locator)
    {
        return new WorkspacePlanner(options, files, locator).Run(items, rules, importDirectories);
    }

    private WorkspacePlan Run(IReadOnlyList<ProtoItemInput> items, IReadOnlyList<NamespaceRuleInput> rules, IReadOnlyList<ImportDirectory> importDirectories)
    {
        NamespaceRules namespaces = NamespaceRules.Validate(rules, _sink);
        List<Placed> placed = Reconcile(Place(items), namespaces);
        List<Root> roots = OrderRoots(placed);
        HashSet<Placed> secondaries = FindDuplicates(placed, roots);

        string stage = _options.StageDirectory;
        var protos = new List<WorkspaceProto>();
        foreach (Placed p in placed)
        {
            bool wellKnown = LogicalPaths.IsUnder(LogicalPaths.DirectoryOf(p.LogicalPath), WellKnownTypesDirectory);
            NamespaceDecision decision = wellKnown ? NamespaceDecision.None : namespaces.Decide(p.Item, p.Root.Prefix, p.LogicalPath, _sink);
            bool staged = !wellKnown
                && (NamespaceRules.Changes(decision, p.Summary.CSharpNamespace, p.Summary.Package)
                    || (_options.StageEveryMappedProto && p.Root.Prefix.Length > 0));
            // When Grpc.Tools compiles (one run per proto, its own root last), it predicts the outputs itself.
            bool secondary = !_options.StageEveryMappedProto && secondaries.Contains(p);
            string under = secondary ? Path.Combine(stage, DuplicateFolder(p.Root.Directory)) : stage;
            string atLogicalPath = Path.Combine(under, p.LogicalPath.Replace('/', Path.DirectorySeparatorChar));

            string? stagedPath = staged ? atLogicalPath : null;
            bool predictByLogicalPath = staged || secondary || p.Root.Prefix.Length > 0 || (!p.RootFromProtoRoot && !_options.StageEveryMappedProto);
            string? preferredRoot = secondary
                ? (staged ? under : p.Root.Entry)
                : (!staged && roots.First(r => r.Holds(p.Item.FullPath)) != p.Root ? p.Root.Entry : null);

            protos.Add(new WorkspaceProto(
                p.Item,
                p.LogicalPath,
                p.Root.Entry,
                decision,
                stagedPath,
                predictByLogicalPath ? atLogicalPath : null,
                predictByLogicalPath ? stage : null,
                preferredRoot,
                p.Summary,
                p.Root.Directory,
                p.Root.Prefix));
        }

        List<ImportDirectory> existing = CheckImportDirectories(importDirectories, placed);
        IReadOnlyList<string> overrides = ShadowedImports.Resolve(
            [.. placed.Select(p => new WorkspaceFile(p.LogicalPath, p.Item.FullPath, p.Summary, p.Item.ProtoCompile && !p.Item.IsReferenced))],
            [.. roots.Select(r => new WorkspaceRoot(r.Directory, r.Prefix))],
            existing,
            _options.StandardImportsWin,
            _files,
            _sink);

        var importDirs = new List<string>(overrides);
        if (protos.Exists(p => p.StagedPath is not null))
        {
            importDirs.Add(stage);
        }

        importDirs.AddRange(roots.Select(r => r.Entry));
        return new WorkspacePlan(protos, importDirs, _sink.Diagnostics);
    }

    /// <summary>Gives each item its root and logical path, and reads its summary; an item with a problem is reported and left out.</summary>
    private List<Placed> Place(IReadOnlyList<ProtoItemInput> items)
    {
        var rootPrefixes = new Dictionary<string, (string Prefix, ProtoItemInput First)>(FileSystemCase.Comparer);
        // The same file listed twice is one proto; a project item and a reference's export of one file are reconciled later.
        var seen = new HashSet<string>(FileSystemCase.Comparer);
        var placed = new List<Placed>();
        foreach (ProtoItemInput item in items)
        {
            ValidateImportDirPrefixes(item);
            string? prefix = string.Empty;
            if (item.ImportPrefix.Length > 0)
            {
                prefix = LogicalPaths.NormalizePrefix(item.ImportPrefix, out string? reason);
                if (prefix is null)
                {
                    _sink.AtProjectValue(BuildDiagnostics.InvalidLogicalPrefix, $"ImportPrefix '{item.ImportPrefix}' of '{item.ItemSpec}' is not a valid logical path: {reason}.", item.DefinedIn, "ImportPrefix", item.ImportPrefix, item);
                    continue;
                }
            }

            if (!seen.Add((item.IsReferenced ? "reference|" : "item|") + item.FullPath))
            {
                continue;
            }

            if (item.IsReferenced && !_files.FileExists(item.FullPath))
            {
                _sink.At(BuildDiagnostics.ReferencedProtoMissing, $"{Capitalize(item.Provider)} exports the proto '{item.FullPath}', but the file does not exist. Build or restore that reference again, or correct its Protobuf items.", item.ExportedBy);
                continue;
            }

            string root = Trim(Path.GetFullPath(item.ProtoRoot));
            if (rootPrefixes.TryGetValue(root, out var known))
            {
                if (!string.Equals(known.Prefix, prefix, StringComparison.Ordinal))
                {
                    _sink.AtProjectValue(BuildDiagnostics.ConflictingImportPrefixes, $"ProtoRoot '{item.ProtoRoot}' is mapped as '{Show(known.Prefix)}' for '{known.First.ItemSpec}' and as '{Show(prefix)}' for '{item.ItemSpec}'; a root has one logical prefix, or its protos would be known by two names.", item.DefinedIn, "ImportPrefix", item.ImportPrefix, item);
                    continue;
                }
            }
            else
            {
                rootPrefixes.Add(root, (prefix, item));
            }

            Placed? p = Locate(item, new Root(root, prefix));
            if (p is null)
            {
                continue;
            }

            ProtoSummary? summary = _files.Summary(item.FullPath, out string? error);
            if (summary is null)
            {
                _sink.AtProjectValue(BuildDiagnostics.FileAccessFailed, $"Could not read '{item.FullPath}' of the Protobuf item '{item.ItemSpec}': {error}", item.DefinedIn, "Include", item.ItemSpec);
                continue;
            }

            placed.Add(p with { Summary = summary });
        }

        return placed;
    }

    /// <summary>
    /// The item under its ProtoRoot; failing that, without a prefix, under one of its own <c>AdditionalImportDirs</c>
    /// (where protoc, as Grpc.Tools runs it, would find it too); else PGB1008.
    /// </summary>
    private Placed? Locate(ProtoItemInput item, Root protoRoot)
    {
        string? relative = LogicalPaths.RelativeTo(protoRoot.Directory, item.FullPath);
        if (relative is not null)
        {
            return new Placed(item, protoRoot, LogicalPaths.Combine(protoRoot.Prefix, relative), null!, RootFromProtoRoot: true);
        }

        if (protoRoot.Prefix.Length == 0 && item.CSharpNamespace.Length == 0)
        {
            foreach ((string rawPrefix, string directory) in ImportEntries(item.AdditionalImportDirs))
            {
                string? prefix = rawPrefix.Length == 0 ? string.Empty : LogicalPaths.NormalizePrefix(rawPrefix, out _);
                string full = Trim(Path.GetFullPath(Path.Combine(_options.ProjectDirectory, directory)));
                if (prefix is not null && LogicalPaths.RelativeTo(full, item.FullPath) is { } underEntry)
                {
                    return new Placed(item, new Root(full, prefix), LogicalPaths.Combine(prefix, underEntry), null!, RootFromProtoRoot: false);
                }
            }
        }

        _sink.AtProjectValue(BuildDiagnostics.FileOutsideProtoRoot, $"'{item.ItemSpec}' is not under its ProtoRoot '{item.ProtoRoot}', so it has no logical path; set ProtoRoot to a directory that holds it.", item.DefinedIn, "Include", item.ItemSpec);
        return null;
    }

    /// <summary>
    /// A project item with the logical path of a proto a reference exports: with the same content, the reference's
    /// proto is imported and the item is not compiled again (PGB2005, for an item to compile); with other content, PGB1014.
    /// A namespace rule of this project that would give a referenced proto another namespace loses to the reference's
    /// (PGB2006).
    /// </summary>
    private List<Placed> Reconcile(List<Placed> placed, NamespaceRules namespaces)
    {
        var provided = new Dictionary<string, Placed>(StringComparer.Ordinal);
        foreach (Placed p in placed.Where(p => p.Item.IsReferenced && !provided.ContainsKey(p.LogicalPath)))
        {
            provided.Add(p.LogicalPath, p);
        }

        if (provided.Count == 0)
        {
            return placed;
        }

        var kept = new List<Placed>(placed.Count);
        var warnedRules = new HashSet<string>(StringComparer.Ordinal);
        foreach (Placed p in placed)
        {
            if (p.Item.IsReferenced)
            {
                if (!LogicalPaths.IsUnder(LogicalPaths.DirectoryOf(p.LogicalPath), WellKnownTypesDirectory))
                {
                    WarnAboutLocalRule(p, namespaces, warnedRules);
                }

                kept.Add(p);
                continue;
            }

            if (!provided.TryGetValue(p.LogicalPath, out Placed? reference))
            {
                kept.Add(p);
                continue;
            }

            string from = Owner(reference.Item);
            if (!_files.SameContent(p.Item.FullPath, reference.Item.FullPath))
            {
                _sink.AtProjectValue(
                    BuildDiagnostics.ReferencedProtoDiffers,
                    $"'{p.Item.FullPath}' has the logical path '{p.LogicalPath}', which {from} provides with other content ('{reference.Item.FullPath}'). Its types would be defined twice: remove the item and import the reference's proto, or give its root another ImportPrefix.",
                    p.Item.DefinedIn,
                    "Include",
                    p.Item.ItemSpec);
            }
            else if (p.Item.ProtoCompile)
            {
                _sink.AtProjectValue(
                    BuildDiagnostics.ReferencedProtoCompiledAgain,
                    $"'{p.Item.FullPath}' ('{p.LogicalPath}') is provided by {from}, whose assembly holds its types: it is imported from there and not compiled again. Remove the item.",
                    p.Item.DefinedIn,
                    "Include",
                    p.Item.ItemSpec);
            }
        }

        return kept;
    }

    /// <summary>The reference a referenced proto comes from, as messages name it.</summary>
    private static string Owner(ProtoItemInput item) => item.Provider.Length > 0 ? item.Provider : "the reference '" + item.ExportedBy + "'";

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    /// <summary>PGB2006, once per rule, when one of this project's namespace rules would give a referenced proto another namespace than its reference gave it.</summary>
    private void WarnAboutLocalRule(Placed p, NamespaceRules namespaces, HashSet<string> warnedRules)
    {
        NamespaceRuleInput? rule = namespaces.RuleFor(p.LogicalPath);
        if (rule is null || warnedRules.Contains(rule.Prefix))
        {
            return;
        }

        NamespaceDecision local = namespaces.Decide(p.Item with { CSharpNamespace = string.Empty, Override = false }, p.Root.Prefix, p.LogicalPath, _sink);
        string mine = NamespaceRules.Effective(local, p.Summary.CSharpNamespace, p.Summary.Package);
        if (!string.Equals(mine, p.Item.CSharpNamespace, StringComparison.Ordinal))
        {
            warnedRules.Add(rule.Prefix);
            _sink.AtProjectValue(
                BuildDiagnostics.ReferenceNamespaceWins,
                $"The ProtoNamespace rule '{rule.Prefix}' would give '{p.LogicalPath}' the namespace '{mine}', but {Owner(p.Item)} compiles it to '{p.Item.CSharpNamespace}', and its types live there: the reference's namespace is used. Narrow the rule, or move it to the reference.",
                rule.DefinedIn,
                "Include",
                rule.Prefix);
        }
    }

    /// <summary>The distinct roots, deepest first (ties in item order), so protoc names every file by the deepest root that holds it.</summary>
    private static List<Root> OrderRoots(List<Placed> placed) =>
        placed.Select(p => p.Root).Distinct().Select((root, index) => (root, index))
            .OrderByDescending(r => r.root.Directory.Length).ThenBy(r => r.index)
            .Select(r => r.root).ToList();

    /// <summary>
    /// Two files with one logical path: an error when an item imports the path (the import is ambiguous); otherwise a
    /// warning, and both compile, the one whose root protoc searches later as a secondary with its own outputs.
    /// </summary>
    private HashSet<Placed> FindDuplicates(List<Placed> placed, List<Root> roots)
    {
        var secondaries = new HashSet<Placed>();
        foreach (IGrouping<string, Placed> group in placed.GroupBy(p => p.LogicalPath, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            List<Placed> files = group.OrderBy(p => roots.IndexOf(p.Root)).ToList();
            string names = string.Join("' and '", files.Select(p => p.Item.FullPath));
            (Placed Importer, ProtoSummaryImport Import)? use = placed
                .SelectMany(p => p.Summary.Imports.Where(i => i.Path == group.Key).Select(i => ((Placed, ProtoSummaryImport)?)(p, i)))
                .FirstOrDefault();
            if (use is { } found)
            {
                _sink.At(
                    BuildDiagnostics.DuplicateLogicalPath,
                    $"Import \"{group.Key}\" is ambiguous: '{names}' both have the logical path '{group.Key}'. Give their roots different ImportPrefix values.",
                    found.Importer.Item.FullPath,
                    found.Import.Line,
                    found.Import.Column);
                continue;
            }

            if (files.GroupBy(p => p.Summary.Package, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } samePackage)
            {
                // Compiled apart, they would define the same proto names, and their C# types would collide.
                Placed second = samePackage.Skip(1).First();
                _sink.At(
                    BuildDiagnostics.DuplicateLogicalPath,
                    $"'{names}' both have the logical path '{group.Key}' and the package '{samePackage.Key}': compiled apart, their types would be defined twice. Give their roots different ImportPrefix values, or keep one of them.",
                    second.Item.FullPath,
                    1,
                    1);
                continue;
            }

            foreach (Placed secondary in files.Skip(1))
            {
                secondaries.Add(secondary);
                _sink.AtProjectValue(
                    BuildDiagnostics.DuplicateLogicalPathNotImported,
                    _options.StageEveryMappedProto
                        ? $"'{names}' both have the logical path '{group.Key}'. Nothing imports it, so both are compiled, but Grpc.Tools writes both to the same outputs (ProtoGenBatchProtoc is false); an import of it would be ambiguous. Give the roots different ImportPrefix values."
                        : $"'{names}' both have the logical path '{group.Key}'. Nothing imports it, so both are compiled, '{secondary.Item.FullPath}' to outputs under '{DuplicateFolder(secondary.Root.Directory)}'; an import of it would be ambiguous. Give the roots different ImportPrefix values.",
                    secondary.Item.DefinedIn,
                    "Include",
                    secondary.Item.ItemSpec);
            }
        }

        return secondaries;
    }

    /// <summary>
    /// Every standard or additional import directory must exist (PGB1012). One that provides a logical path a project
    /// item provides too is searched after the items' roots, so the item wins (PGB2004). Returns those that exist, once each.
    /// </summary>
    private List<ImportDirectory> CheckImportDirectories(IReadOnlyList<ImportDirectory> directories, List<Placed> placed)
    {
        var existing = new List<ImportDirectory>();
        var warned = new HashSet<Placed>();
        foreach (ImportDirectory directory in directories.GroupBy(d => d.Entry, FileSystemCase.Comparer).Select(g => g.First()))
        {
            if (!_files.DirectoryExists(directory.Directory))
            {
                string message = $"The import directory '{directory.Directory}' does not exist. It comes from {directory.Origin}.";
                if (directory.Attribute.Length > 0)
                {
                    _sink.AtProjectValue(BuildDiagnostics.ImportDirectoryMissing, message, directory.DefinedIn, directory.Attribute, directory.Value, directory.Item);
                }
                else
                {
                    _sink.At(BuildDiagnostics.ImportDirectoryMissing, message, directory.DefinedIn);
                }

                continue;
            }

            existing.Add(directory);
            foreach (Placed p in placed)
            {
                if (warned.Contains(p) || !(directory.Prefix.Length == 0 || LogicalPaths.IsUnder(p.LogicalPath, directory.Prefix)))
                {
                    continue;
                }

                string relative = directory.Prefix.Length == 0 ? p.LogicalPath : p.LogicalPath.Substring(directory.Prefix.Length + 1);
                string other = Path.Combine(directory.Directory, relative.Replace('/', Path.DirectorySeparatorChar));
                if (!FileSystemCase.Comparer.Equals(other, p.Item.FullPath) && _files.FileExists(other))
                {
                    warned.Add(p);
                    _sink.AtProjectValue(
                        BuildDiagnostics.ItemShadowsImportDirectory,
                        $"The logical path '{p.LogicalPath}' is provided by the project item '{p.Item.FullPath}' and by '{other}' ({directory.Origin}). Imports of it get the project item.",
                        p.Item.DefinedIn,
                        "Include",
                        p.Item.ItemSpec);
                }
            }
        }

        return existing;
    }

    private void ValidateImportDirPrefixes(ProtoItemInput item)
    {
        foreach ((string prefix, string directory) in ImportEntries(item.AdditionalImportDirs))
        {
            if (prefix.Length > 0 && LogicalPaths.NormalizePrefix(prefix, out string? reason) is null)
            {
                _sink.AtProjectValue(BuildDiagnostics.InvalidLogicalPrefix, $"AdditionalImportDirs entry '{prefix}={directory}' of '{item.ItemSpec}' has a prefix that is not a valid logical path: {reason}.", item.DefinedIn, "AdditionalImportDirs", item.AdditionalImportDirs, item);
            }
        }
    }

    /// <summary>The entries of an import directory list (';'-separated, each <c>dir</c> or <c>prefix=dir</c>) as prefix and directory.</summary>
    internal static IEnumerable<(string Prefix, string Directory)> ImportEntries(string list)
    {
        foreach (string entry in MSBuildLists.Split(list))
        {
            int equals = entry.IndexOf('=');
            yield return equals < 0 ? (string.Empty, entry) : (entry.Substring(0, equals).Trim(), entry.Substring(equals + 1).Trim());
        }
    }

    /// <summary>
    /// The folder, under the stage and under the output folder, of a proto that has the same logical path as another:
    /// its root relative to the project, without leading '..' segments.
    /// </summary>
    private string DuplicateFolder(string root)
    {
        string relative = (LogicalPaths.RelativeTo(_options.ProjectDirectory, root) ?? RelativeOutside(root)).Replace(":", string.Empty);
        return relative.Length == 0 ? "_" : relative.Replace('/', Path.DirectorySeparatorChar);
    }

    private string RelativeOutside(string root)
    {
        string[] parts = PathRelative(_options.ProjectDirectory, root).Split('/');
        return string.Join("/", parts.SkipWhile(p => p == ".." || p.Length == 0));
    }

    private static string PathRelative(string from, string to)
    {
        var fromUri = new Uri(Trim(from) + Path.DirectorySeparatorChar);
        return Uri.UnescapeDataString(fromUri.MakeRelativeUri(new Uri(to)).ToString());
    }

    private static string Trim(string directory) => directory.TrimEnd('/', Path.DirectorySeparatorChar);

    private static string Show(string prefix) => prefix.Length == 0 ? "(no prefix)" : prefix;
}
