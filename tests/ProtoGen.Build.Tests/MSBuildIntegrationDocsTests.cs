using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Build.Tests;

/// <summary>
/// docs/msbuild-integration.md is the map of build/: its Files table lists every props and targets file with every
/// target it defines, and its graphs show every target; no target the graphs name is gone.
/// </summary>
public sealed class MSBuildIntegrationDocsTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "msbuild-integration.md"));

    /// <summary>Every file under build/ with the targets it defines.</summary>
    private static readonly Dictionary<string, string[]> TargetsByFile = Directory.GetFiles(Repo.BuildDirectory)
        .Where(f => f.EndsWith(".targets", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal))
        .ToDictionary(
            f => "build/" + Path.GetFileName(f),
            f => XDocument.Load(f).Root!.Elements("Target").Select(t => (string)t.Attribute("Name")!).Order(StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal);

    /// <summary>The Files table: file → the targets its row lists.</summary>
    private static Dictionary<string, string[]> FilesTable()
    {
        string section = Doc.Substring(Doc.IndexOf("## Files", StringComparison.Ordinal));
        section = section.Substring(0, section.IndexOf("\n## ", 3, StringComparison.Ordinal));
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (Match row in Regex.Matches(section, @"^\| `(?<file>build/[^`]+)` \|[^|]*\|(?<targets>[^|]*)\|$", RegexOptions.Multiline))
        {
            rows.Add(row.Groups["file"].Value, Regex.Matches(row.Groups["targets"].Value, "`([^`]+)`").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToArray());
        }

        return rows;
    }

    /// <summary>The nodes of the doc's graphs: the names that begin a line or a branch.</summary>
    private static HashSet<string> GraphNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match block in Regex.Matches(Doc, "^```\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline))
        {
            foreach (string line in block.Groups["body"].Value.Split('\n'))
            {
                // A node: at the start of a line, or after a branch ("├─ ", "└─ "); continuation lines describe the node above.
                Match name = Regex.Match(line, @"^(?:[│ ]*[├└]─ )?(?<name>[A-Za-z_]\w*)");
                if (name.Success)
                {
                    names.Add(name.Groups["name"].Value);
                }
            }
        }

        return names;
    }

    [Fact]
    public void The_files_table_lists_every_file_under_build_with_every_target_it_defines()
    {
        Dictionary<string, string[]> table = FilesTable();

        Assert.Equal(TargetsByFile.Keys.Order(StringComparer.Ordinal), table.Keys.Order(StringComparer.Ordinal));
        foreach ((string file, string[] targets) in TargetsByFile)
        {
            Assert.True(targets.SequenceEqual(table[file]), $"{file} defines [{string.Join(", ", targets)}], the table lists [{string.Join(", ", table[file])}]");
        }

        Assert.True(TargetsByFile.Count >= 7); // The scan sees the split files.
    }

    [Fact]
    public void The_graphs_show_every_target_and_name_none_that_is_gone()
    {
        HashSet<string> shown = GraphNames();
        var defined = new HashSet<string>(TargetsByFile.Values.SelectMany(t => t), StringComparer.Ordinal);

        Assert.Empty(defined.Where(t => !shown.Contains(t)).Order(StringComparer.Ordinal));
        Assert.Empty(shown.Where(n => n.StartsWith("_ProtoGen_", StringComparison.Ordinal) || n.StartsWith("ProtoGen", StringComparison.Ordinal))
            .Where(n => !defined.Contains(n)).Order(StringComparer.Ordinal));
        Assert.Contains("Protobuf_Compile", shown); // Grpc.Tools' targets the graphs hang from are read too.
    }
}
