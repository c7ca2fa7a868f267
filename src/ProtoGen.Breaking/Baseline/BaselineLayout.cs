using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProtoGen.Breaking.Config;
using ProtoGen.Breaking.Diagnostics;
using ProtoGen.Build.Diagnostics;

namespace ProtoGen.Breaking.Baseline;

/// <summary>
/// One module root of a baseline directory: its protos are known by their paths relative to <see cref="Directory"/>
/// (absolute), except those under <see cref="Excludes"/> (absolute). <see cref="ConfigFile"/>, <see cref="Line"/> and
/// <see cref="Column"/> say where the root is written (null, 0, 0: the baseline directory itself, no buf.yaml), and
/// <see cref="Written"/> how.
/// </summary>
internal sealed record BaselineRoot(string Directory, IReadOnlyList<string> Excludes, string? ConfigFile, int Line, int Column, string Written);

/// <summary>
/// Where the protos of a baseline directory are, read as buf reads an <c>--against</c> directory: a
/// <c>buf.work.yaml</c> there lists module directories (each may hold a buf.yaml of its own); else a <c>buf.yaml</c>
/// there says where its modules are (v2 <c>modules[].path</c>, v1beta1 <c>build.roots</c>, v1: its own directory),
/// with the directories they leave out (<c>excludes</c>); else the directory is the one root. Only the layout is
/// read: rule selection is the current side's (the baseline's <c>breaking:</c> section is not read, as in buf).
/// </summary>
internal static class BaselineLayout
{
    public const string BufYaml = "buf.yaml";
    public const string BufWorkYaml = "buf.work.yaml";

    /// <summary>The roots of <paramref name="directory"/> (absolute), in the order buf's configuration lists them; null after reporting a malformed configuration.</summary>
    public static List<BaselineRoot>? Read(string directory, Action<BuildDiagnostic> report)
    {
        var diagnostics = new List<BuildDiagnostic>();
        var roots = new List<BaselineRoot>();
        string work = Path.Combine(directory, BufWorkYaml);
        if (File.Exists(work))
        {
            if (File.Exists(Path.Combine(directory, BufYaml)))
            {
                diagnostics.Add(new BuildDiagnostic(BreakingDiagnostics.InvalidBufYaml,
                    $"Baseline directory '{directory}' has both a buf.work.yaml and a buf.yaml: buf reads neither then. Keep one (a v2 buf.yaml lists modules itself).", work, 1, 1));
            }
            else if (BufYamlReader.ReadWorkspace(work, diagnostics) is { } workspace)
            {
                foreach (Located<string> entry in workspace.Roots)
                {
                    roots.AddRange(Module(Combine(directory, entry.Value), new BaselineRoot(Combine(directory, entry.Value), [], work, entry.Line, entry.Column, entry.Value), diagnostics));
                }
            }
        }
        else
        {
            roots.AddRange(Module(directory, null, diagnostics));
        }

        foreach (BuildDiagnostic diagnostic in diagnostics)
        {
            report(diagnostic);
        }

        return diagnostics.Count > 0 ? null : roots;
    }

    /// <summary>The roots of one module directory: its buf.yaml's, or the directory itself (<paramref name="listed"/> when a buf.work.yaml lists it).</summary>
    private static IEnumerable<BaselineRoot> Module(string directory, BaselineRoot? listed, List<BuildDiagnostic> diagnostics)
    {
        string yaml = Path.Combine(directory, BufYaml);
        if (!File.Exists(yaml))
        {
            return [listed ?? new BaselineRoot(directory, [], null, 0, 0, ".")];
        }

        if (BufYamlReader.ReadLayout(yaml, diagnostics) is not { } layout)
        {
            return [];
        }

        foreach (Located<string> exclude in layout.Excludes.Where(e => !layout.Roots.Any(r => IsUnder(e.Value, r.Value))))
        {
            diagnostics.Add(new BuildDiagnostic(BreakingDiagnostics.InvalidBufYaml,
                $"buf.yaml: exclude '{exclude.Value}' is not inside any module root ({string.Join(", ", layout.Roots.Select(r => "'" + r.Value + "'"))}); buf rejects it too.", yaml, exclude.Line, exclude.Column));
        }

        return [.. layout.Roots.Select(root => root.Line == 0 && listed is not null
            ? listed with { Excludes = Excluded(directory, root, layout) }
            : new BaselineRoot(Combine(directory, root.Value), Excluded(directory, root, layout), yaml, root.Line, root.Column, root.Value))];
    }

    private static List<string> Excluded(string directory, Located<string> root, BufLayout layout) =>
        [.. layout.Excludes.Where(e => IsUnder(e.Value, root.Value)).Select(e => Combine(directory, e.Value))];

    private static string Combine(string directory, string relative) =>
        relative == "." ? directory : Path.GetFullPath(Path.Combine(directory, relative.Replace('/', Path.DirectorySeparatorChar)));

    /// <summary>True when the normalized relative path <paramref name="path"/> is <paramref name="directory"/> or under it.</summary>
    private static bool IsUnder(string path, string directory) =>
        directory == "." || string.Equals(path, directory, StringComparison.Ordinal) || path.StartsWith(directory + "/", StringComparison.Ordinal);
}
