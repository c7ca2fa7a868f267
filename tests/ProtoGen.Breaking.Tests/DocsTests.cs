using System;
using System.IO;
using System.Linq;
using System.Text;
using ProtoGen.Breaking.Rules;
using Xunit;

namespace ProtoGen.Breaking.Tests;

/// <summary>docs/breaking-changes.md keeps the rule table of the catalog, so the docs cannot drift from the code.</summary>
public sealed class DocsTests
{
    [Fact]
    public void The_rule_table_in_the_docs_is_the_catalogs()
    {
        string table = RuleTable();
        string docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "breaking-changes.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(docs.Contains(table, StringComparison.Ordinal), "docs/breaking-changes.md lacks the current rule table:\n\n" + table);
    }

    private static string RuleTable()
    {
        var text = new StringBuilder();
        text.Append("| rule | FILE | PACKAGE | WIRE_JSON | WIRE | CSHARP | code | checks that |\n");
        text.Append("| --- | :-: | :-: | :-: | :-: | :-: | --- | --- |\n");
        foreach (RuleInfo rule in RuleCatalog.All.Where(r => !r.IsDeprecated))
        {
            string[] categories = rule.V2 ?? [];
            text.Append("| `").Append(rule.Id).Append("` |");
            foreach (string category in new[] { RuleCatalog.File, RuleCatalog.Package, RuleCatalog.WireJson, RuleCatalog.Wire, RuleCatalog.CSharp })
            {
                text.Append(categories.Contains(category) ? " ✓ |" : "  |");
            }

            text.Append(' ').Append(rule.Descriptor.Code).Append(" | ").Append(rule.Purpose).Append(" |\n");
        }

        return text.ToString();
    }

    private static string RepositoryRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "ProtoGen.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("ProtoGen.sln not found above " + AppContext.BaseDirectory);
    }
}
