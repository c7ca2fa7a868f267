using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ProtoGen.Breaking.Acceptance;
using ProtoGen.Breaking.Config;
using ProtoGen.Breaking.Engine;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Testing;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Breaking.Tests;

/// <summary>Accepting a deliberate break: inline comments and the suppressions file, both reported with their reason.</summary>
public sealed class AcceptanceTests
{
    private const string Header = "syntax = \"proto3\";\npackage acme.v1;\n";

    private static readonly Dictionary<string, string> Before = Workspaces.One(Header + "message Entry {\n  int64 amount = 1;\n  int64 fee = 2;\n  string memo = 3;\n}\n");

    [Fact]
    public void A_comment_on_the_line_before_the_element_accepts_its_rule()
    {
        CheckResult result = Workspaces.Check(Before, Workspaces.One(Header +
            "message Entry {\n  // protogen:breaking:ignore FIELD_SAME_TYPE amounts are decimal strings from 2.0 on\n  string amount = 1;\n  int64 fee = 2;\n  string memo = 3;\n}\n"),
            "FIELD_SAME_TYPE");

        Assert.Empty(result.Findings);
        AcceptedFinding accepted = Assert.Single(result.Accepted);
        Assert.Equal(("inline comment", "amounts are decimal strings from 2.0 on", "a.proto(5,3)"), (accepted.How, accepted.Reason, accepted.Where));
    }

    [Fact]
    public void A_comment_after_the_element_on_its_line_accepts_its_rule()
    {
        CheckResult result = Workspaces.Check(Before, Workspaces.One(Header +
            "message Entry {\n  int64 amount = 1;\n  string fee = 2; // protogen:breaking:ignore FIELD_SAME_TYPE fees are strings\n  string memo = 3;\n}\n"),
            "FIELD_SAME_TYPE");

        Assert.Empty(result.Findings);
        Assert.Equal("fees are strings", Assert.Single(result.Accepted).Reason);
    }

    [Fact]
    public void A_comment_between_two_fields_belongs_to_the_one_after_it()
    {
        CheckResult result = Workspaces.Check(Before, Workspaces.One(Header +
            "message Entry {\n  string amount = 1;\n  // protogen:breaking:ignore FIELD_SAME_TYPE fees are strings\n  string fee = 2;\n  string memo = 3;\n}\n"),
            "FIELD_SAME_TYPE");

        Assert.Equal("acme.v1.Entry#1", Assert.Single(result.Findings).Subject);
        Assert.Equal("acme.v1.Entry#2", Assert.Single(result.Accepted).Finding.Subject);
    }

    [Fact]
    public void A_deletion_is_accepted_on_the_parent_it_is_reported_at()
    {
        CheckResult result = Workspaces.Check(Before, Workspaces.One(Header +
            "// protogen:breaking:ignore FIELD_NO_DELETE memo moved to the Note message\nmessage Entry {\n  int64 amount = 1;\n  int64 fee = 2;\n}\n"),
            "FIELD_NO_DELETE");

        Assert.Empty(result.Findings);
        Assert.Equal("memo moved to the Note message", Assert.Single(result.Accepted).Reason);
    }

    [Fact]
    public void A_file_level_change_is_accepted_on_the_package_statement()
    {
        CheckResult result = Workspaces.Check(Before, Workspaces.One(
            "syntax = \"proto3\";\n// protogen:breaking:ignore FILE_SAME_PACKAGE v2 is a new API\npackage acme.v2;\nmessage Entry {\n  int64 amount = 1;\n  int64 fee = 2;\n  string memo = 3;\n}\n"),
            "FILE_SAME_PACKAGE");

        Assert.Empty(result.Findings);
        Assert.Single(result.Accepted);
    }

    [Fact]
    public void An_option_no_longer_written_is_reported_at_the_file_and_accepted_on_its_statements()
    {
        // Reported at line 1, column 1 as buf does (the option has no place left); the syntax statement carries the comment.
        CheckResult result = Workspaces.Check(
            Workspaces.One(Header + "option java_package = \"com.acme.v1\";\noption go_package = \"acme/v1\";\nmessage Entry {}\n"),
            Workspaces.One("// protogen:breaking:ignore FILE_SAME_JAVA_PACKAGE Java clients are gone\nsyntax = \"proto3\";\npackage acme.v1;\noption go_package = \"acme/v2\";\nmessage Entry {}\n"),
            "FILE_SAME_JAVA_PACKAGE", "FILE_SAME_GO_PACKAGE");

        Assert.Equal("a.proto(4,1): FILE_SAME_GO_PACKAGE: File option \"go_package\" changed from \"acme/v1\" to \"acme/v2\".", Workspaces.Describe(result.Findings));
        AcceptedFinding accepted = Assert.Single(result.Accepted);
        Assert.Equal(("FILE_SAME_JAVA_PACKAGE", 1, 1, "Java clients are gone"), (accepted.Finding.RuleId, accepted.Finding.Line, accepted.Finding.Column, accepted.Reason));
    }

    [Fact]
    public void A_comment_for_another_rule_accepts_nothing_and_an_unknown_rule_is_a_warning()
    {
        CheckResult result = Workspaces.Check(Before, Workspaces.One(Header +
            "message Entry {\n  // protogen:breaking:ignore FIELD_SAME_NAME not this one\n  // protogen:breaking:ignore FIELD_SAME_TYP typo\n  string amount = 1;\n  int64 fee = 2;\n  string memo = 3;\n}\n"),
            "FIELD_SAME_TYPE");

        Assert.Single(result.Findings);
        Assert.Empty(result.Accepted);
        BuildDiagnostic warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("PGB3110", DiagnosticSeverity.Warning, 6, 3), (warning.Descriptor.Code, warning.Descriptor.Severity, warning.Line, warning.Column));
    }

    [Fact]
    public void The_suppressions_file_accepts_by_rule_file_and_subject_whatever_line_the_change_moves_to()
    {
        var suppressions = new List<Suppression> { new("FIELD_SAME_TYPE", "a.proto", "acme.v1.Entry#1", "amounts are strings", Line: 3) };
        CheckResult result = Check(Before, Workspaces.One(Header + "\n\n\nmessage Entry {\n  string amount = 1;\n  string fee = 2;\n  string memo = 3;\n}\n"), suppressions);

        Assert.Equal("acme.v1.Entry#2", Assert.Single(result.Findings).Subject);
        AcceptedFinding accepted = Assert.Single(result.Accepted);
        Assert.Equal(("suppressions file", "amounts are strings", "ProtoGen.BreakingSuppressions.xml(3)"), (accepted.How, accepted.Reason, accepted.Where));
        Assert.Same(suppressions[0], Assert.Single(result.UsedSuppressions));
    }

    [Fact]
    public async Task The_suppressions_file_is_written_sorted_and_read_back()
    {
        Suppression[] suppressions =
        [
            new("FIELD_SAME_TYPE", "b.proto", "acme.v1.Entry#2", string.Empty, "Field \"2\" … changed type. [FIELD_SAME_TYPE]"),
            new("FIELD_NO_DELETE", "a.proto", "acme.v1.Entry#3", "memo moved & renamed <on purpose>", "Previously present field \"3\" … [FIELD_NO_DELETE]"),
            new("FIELD_NO_DELETE", "a.proto", "acme.v1.Entry#3", "a duplicate is dropped"),
        ];
        string text = SuppressionsFile.Format(suppressions);

        var diagnostics = new List<BuildDiagnostic>();
        List<Suppression> read = SuppressionsFile.Parse(text, "s.xml", diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(["a.proto FIELD_NO_DELETE memo moved & renamed <on purpose>", "b.proto FIELD_SAME_TYPE "], read.Select(s => $"{s.File} {s.RuleId} {s.Reason}"));
        await Verifier.Verify(text);
    }

    [Theory]
    [InlineData("<Suppressions/>", "PGB3105 (1,2)")]
    [InlineData("<ProtoGenBreakingSuppressions Version=\"1\">\n  <Suppression Rule=\"FILE_NO_DELETE\" />\n</ProtoGenBreakingSuppressions>", "PGB3105 (2,4)")]
    [InlineData("<ProtoGenBreakingSuppressions Version=\"2\"/>", "PGB3105 (1,2)")]
    [InlineData("<ProtoGenBreakingSuppressions>\n  <Suppression", "PGB3105 (2,15)")]
    public void A_broken_suppressions_file_is_reported_at_its_line(string text, string expected)
    {
        var diagnostics = new List<BuildDiagnostic>();
        SuppressionsFile.Parse(text, "s.xml", diagnostics);
        BuildDiagnostic d = Assert.Single(diagnostics);
        Assert.Equal(expected, $"{d.Descriptor.Code} ({d.Line},{d.Column})");
    }

    private static CheckResult Check(Dictionary<string, string> before, Dictionary<string, string> after, List<Suppression> suppressions)
    {
        using var directory = new TempDirectory();
        var previous = Workspaces.Compile(directory, "before", before).Workspace;
        var current = Workspaces.Compile(directory, "after", after).Workspace;
        return BreakingChecker.Check(previous, current, BreakingPolicy.Default(new BreakingSettings(["FIELD_SAME_TYPE"])), suppressions);
    }
}
