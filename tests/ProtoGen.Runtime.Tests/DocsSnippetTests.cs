using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Runtime.Tests;

/// <summary>
/// The code that docs/client-wrappers.md shows from these tests is the tests' code, verbatim: a test marks it between
/// <c>// docs/client-wrappers.md: &lt;what&gt;</c> and <c>// end of snippet</c>, and the doc must contain those lines
/// (without the test's indentation). So a snippet in the doc compiles and does what the test asserts.
/// </summary>
public sealed class DocsSnippetTests
{
    private const string Start = "// docs/client-wrappers.md: ";
    private const string End = "// end of snippet";

    [Fact]
    public void Every_snippet_marked_in_the_tests_is_in_the_docs_verbatim()
    {
        string docs = File.ReadAllText(Path.Combine(Repo.Root, "docs", "client-wrappers.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        List<(string Title, string Code)> snippets = Snippets(Path.Combine(Repo.Root, "tests", "ProtoGen.Runtime.Tests")).ToList();

        Assert.NotEmpty(snippets);
        Assert.All(snippets, snippet => Assert.True(
            docs.Contains(snippet.Code, StringComparison.Ordinal),
            $"docs/client-wrappers.md lacks the snippet '{snippet.Title}' as the test has it:\n\n{snippet.Code}"));
    }

    private static IEnumerable<(string Title, string Code)> Snippets(string directory)
    {
        foreach (string file in Directory.EnumerateFiles(directory, "*.cs").Where(f => Path.GetFileName(f) != nameof(DocsSnippetTests) + ".cs"))
        {
            string[] lines = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string start = lines[i].Trim();
                if (!start.StartsWith(Start, StringComparison.Ordinal))
                {
                    continue;
                }

                int end = Array.FindIndex(lines, i + 1, l => l.Trim() == End);
                Assert.True(end > i, $"{file}:{i + 1}: '{start}' has no '{End}'");
                string[] body = lines[(i + 1)..end];
                int indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
                yield return (start[Start.Length..], string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())) + "\n");
                i = end;
            }
        }
    }
}
