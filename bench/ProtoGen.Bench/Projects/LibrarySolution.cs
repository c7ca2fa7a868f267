using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ProtoGen.Bench.Layouts;

namespace ProtoGen.Bench.Projects;

/// <summary>
/// A layout split into a library project per team root and an app project (the layout's app root) that references
/// every library, written as one folder, and the edits the bench makes to it. Each library references the libraries
/// whose protos its own import. With ProtoGen, each library maps its root with <c>ImportPrefix</c> and carries the
/// namespace rules of its prefix; the libraries' exports give every importer the rest. With plain Grpc.Tools, the protos
/// sit at their logical paths under each project's <c>protos/</c>, and each project lists the <c>protos/</c> folders of
/// every library it imports from, directly or not, in <c>AdditionalImportDirs</c>: the wiring by hand.
/// </summary>
internal sealed class LibrarySolution : IBenchBuild
{
    private readonly IReadOnlyList<string> _projectDirectories;
    private readonly string _leafProto;
    private readonly string _mostImportedProto;
    private readonly string _appDirectory;

    private LibrarySolution(Variant variant, IReadOnlyList<string> projectDirectories, string appDirectory, string leafProto, string mostImportedProto)
    {
        Variant = variant;
        _projectDirectories = projectDirectories;
        _appDirectory = appDirectory;
        _leafProto = leafProto;
        _mostImportedProto = mostImportedProto;
    }

    public Variant Variant { get; }

    public string ProjectFile => Path.Combine(_appDirectory, ProjectFiles.ProjectName + ".csproj");

    /// <summary>Writes the folder afresh: Directory.Build files at its top, a folder per project.</summary>
    public static LibrarySolution Write(ProtoLayout layout, Variant variant, string directory, ProtoGenSnapshot protoGen)
    {
        if (!variant.IsSplit() || layout.AppImportPrefix is not { } appPrefix)
        {
            throw new ArgumentException($"{layout.Name} is not a libraries layout, or {variant.Title()} is not a split variant.");
        }

        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        BenchProject.WriteFile(Path.Combine(directory, "Directory.Build.props"), ProjectFiles.DirectoryBuildProps(variant, protoGen));
        BenchProject.WriteFile(Path.Combine(directory, "Directory.Build.targets"), ProjectFiles.DirectoryBuildTargets(variant, protoGen));

        ProtoRoot app = layout.Roots.Single(r => r.ImportPrefix == appPrefix);
        ProtoRoot[] libraries = [.. layout.Roots.Where(r => r != app)];
        Dictionary<ProtoRoot, ProtoRoot[]> references = libraries.Append(app).ToDictionary(r => r, r => r == app ? libraries : DirectImports(layout, r));

        string ProjectName(ProtoRoot root) => root == app ? ProjectFiles.ProjectName : "Acme." + ProtoNames.Pascal(root.ImportPrefix[(root.ImportPrefix.LastIndexOf('/') + 1)..]);
        string ProtoOnDisk(ProtoRoot root, ProtoFile file) =>
            Path.Combine(directory, ProjectName(root), "protos", variant.HasProtoGen() ? file.Path : root.LogicalPath(file));

        var projectDirectories = new List<string>();
        foreach ((ProtoRoot root, ProtoRoot[] referenced) in references)
        {
            string name = ProjectName(root);
            var text = new StringBuilder(ProjectFiles.Header(root == app ? $"{layout.Description}: the app, {variant.Title()}" : $"{layout.Description}: the {root.ImportPrefix} library, {variant.Title()}", variant));
            if (variant.HasProtoGen())
            {
                text.Append(ProjectFiles.Protobuf("protos", root.ImportPrefix, []))
                    .Append(ProjectFiles.NamespaceRules(layout.NamespaceRules.Where(rule => Covers(root.ImportPrefix, rule.Prefix))))
                    .Append(ProjectFiles.ClientWrapperAssemblies(protoGen));
            }
            else
            {
                string[] importDirs = [.. Closure(root, references).Select(r => $"../{ProjectName(r)}/protos")];
                text.Append(ProjectFiles.Protobuf("protos", importPrefix: null, importDirs));
            }

            foreach (ProtoRoot reference in referenced)
            {
                text.Append(CultureInfo.InvariantCulture, $"""
                        <ProjectReference Include="../{ProjectName(reference)}/{ProjectName(reference)}.csproj" />

                    """);
            }

            string projectDirectory = Path.Combine(directory, name);
            BenchProject.WriteFile(Path.Combine(projectDirectory, name + ".csproj"), text.Append(ProjectFiles.Footer).ToString());
            foreach (ProtoFile file in root.Files)
            {
                BenchProject.WriteFile(ProtoOnDisk(root, file), file.Text);
            }

            projectDirectories.Add(projectDirectory);
        }

        BenchProject.WriteFile(Path.Combine(directory, ProjectFiles.ProjectName, ProjectFiles.EditableSource), ProjectFiles.Source(0));

        string OnDisk(string logicalPath)
        {
            (ProtoRoot root, ProtoFile file, _) = layout.Files.Single(f => f.LogicalPath == logicalPath);
            return ProtoOnDisk(root, file);
        }

        return new LibrarySolution(variant, projectDirectories, Path.Combine(directory, ProjectFiles.ProjectName), OnDisk(layout.LeafLogicalPath), OnDisk(layout.MostImportedLogicalPath));
    }

    public void Clean()
    {
        foreach (string project in _projectDirectories)
        {
            BenchProject.CleanProject(project);
        }
    }

    public void TouchLeaf(int edit) => BenchProject.AppendTouchLine(_leafProto, edit);

    public void TouchMostImported(int edit) => BenchProject.AppendTouchLine(_mostImportedProto, edit);

    public void EditSource(int edit) => BenchProject.WriteFile(Path.Combine(_appDirectory, ProjectFiles.EditableSource), ProjectFiles.Source(edit));

    public GeneratedCode MeasureGeneratedCode()
    {
        GeneratedCode[] projects = [.. _projectDirectories.Select(BenchProject.MeasureGeneratedCode)];
        return new GeneratedCode(projects.Sum(p => p.Files), projects.Sum(p => p.Bytes), projects.Sum(p => p.Lines));
    }

    /// <summary>The other roots whose protos the root's protos import.</summary>
    private static ProtoRoot[] DirectImports(ProtoLayout layout, ProtoRoot root)
    {
        var owners = layout.Files.ToDictionary(f => f.LogicalPath, f => f.Root, StringComparer.Ordinal);
        return [.. root.Files.SelectMany(f => ProtoLayout.Imports(f.Text))
            .Select(path => owners.GetValueOrDefault(path))
            .OfType<ProtoRoot>()
            .Where(r => r != root)
            .Distinct()
            .OrderBy(r => r.ImportPrefix, StringComparer.Ordinal)];
    }

    /// <summary>The roots a root reaches through its references, directly or not (what protoc must find).</summary>
    private static IEnumerable<ProtoRoot> Closure(ProtoRoot root, Dictionary<ProtoRoot, ProtoRoot[]> references)
    {
        var seen = new HashSet<ProtoRoot>();
        var pending = new Stack<ProtoRoot>(references[root]);
        while (pending.TryPop(out ProtoRoot? next))
        {
            if (seen.Add(next))
            {
                foreach (ProtoRoot further in references[next])
                {
                    pending.Push(further);
                }
            }
        }

        return seen.OrderBy(r => r.ImportPrefix, StringComparer.Ordinal);
    }

    /// <summary>Whether a namespace rule's prefix lies in a root (the root's library carries the rule).</summary>
    private static bool Covers(string importPrefix, string rulePrefix) =>
        rulePrefix == importPrefix || rulePrefix.StartsWith(importPrefix + "/", StringComparison.Ordinal);
}
