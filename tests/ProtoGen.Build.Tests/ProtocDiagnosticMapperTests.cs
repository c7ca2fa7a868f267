using System;
using System.Collections.Generic;
using System.IO;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.Protoc;
using Xunit;

namespace ProtoGen.Build.Tests;

public sealed class ProtocDiagnosticMapperTests
{
    private static readonly string Work = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "mapper-work"));
    private static readonly string Stage = Path.Combine(Work, "obj", "stage");
    private static readonly string StagedX = Path.Combine(Stage, "a", "v1", "x.proto");
    private static readonly string OriginalX = Path.Combine(Work, "protos", "v1", "x.proto");
    private static readonly string StagedY = Path.Combine(Stage, "b", "y.proto");
    private static readonly string OriginalY = Path.Combine(Work, "other", "y.proto");
    private static readonly string[] ImportDirs = [Stage, "a=" + Path.Combine(Work, "protos"), Path.Combine(Work, "other")];

    private static IReadOnlyList<BuildDiagnostic> Map(string output, int exitCode = 1)
    {
        var mapper = new ProtocDiagnosticMapper(
            [new StagedFile(StagedX, "a/v1/x.proto", OriginalX, 10), new StagedFile(StagedY, "b/y.proto", OriginalY, 5)],
            ImportDirs,
            Work);
        return mapper.Map(ProtocOutputParser.Parse(output), exitCode);
    }

    private static void AssertDiagnostic(BuildDiagnostic d, string code, string file, int line, int column)
    {
        Assert.Equal(code, d.Descriptor.Code);
        Assert.Equal(file, d.File);
        Assert.Equal((line, column), (d.Line, d.Column));
    }

    [Fact]
    public void A_syntax_error_in_a_staged_copy_is_reported_at_the_original()
    {
        BuildDiagnostic d = Assert.Single(Map(StagedX + ":4:25: Expected \";\"."));
        AssertDiagnostic(d, "PGB1001", OriginalX, 4, 25);
        Assert.Equal("Expected \";\".", d.Message);
        Assert.Equal(DiagnosticSeverity.Error, d.Descriptor.Severity);
    }

    [Fact]
    public void A_staged_path_relative_to_the_working_directory_is_mapped_too()
    {
        BuildDiagnostic d = Assert.Single(Map("obj/stage/b/y.proto:2:3: Expected type name."));
        AssertDiagnostic(d, "PGB1001", OriginalY, 2, 3);
    }

    [Fact]
    public void A_message_by_logical_path_is_mapped_to_the_original()
    {
        BuildDiagnostic d = Assert.Single(Map("a/v1/x.proto:6:1: \"Foo\" is not defined."));
        AssertDiagnostic(d, "PGB1001", OriginalX, 6, 1);
    }

    [Fact]
    public void A_line_past_the_original_end_clamps_to_its_last_line()
    {
        BuildDiagnostic d = Assert.Single(Map(StagedX + ":11:1: Expected \";\"."));
        AssertDiagnostic(d, "PGB1001", OriginalX, 10, 0);
    }

    [Fact]
    public void The_last_original_line_is_not_clamped()
    {
        AssertDiagnostic(Assert.Single(Map(StagedX + ":10:7: Expected \"}\".")), "PGB1001", OriginalX, 10, 7);
    }

    [Fact]
    public void A_file_that_is_not_staged_keeps_its_path()
    {
        string other = Path.Combine(Work, "plain", "p.proto");
        AssertDiagnostic(Assert.Single(Map(other + ":2:1: Expected top-level statement.")), "PGB1001", other, 2, 1);
    }

    [Fact]
    public void A_warning_is_PGB2001_at_the_original()
    {
        BuildDiagnostic d = Assert.Single(Map(StagedY + ":3:1: warning: Import a/v1/x.proto is unused.", exitCode: 0));
        AssertDiagnostic(d, "PGB2001", OriginalY, 3, 1);
        Assert.Equal(DiagnosticSeverity.Warning, d.Descriptor.Severity);
    }

    [Fact]
    public void A_missing_import_is_PGB1002_at_the_import_naming_the_logical_path_and_the_searched_dirs()
    {
        BuildDiagnostic d = Assert.Single(Map(
            "a/v1/missing.proto: File not found.\n" +
            StagedY + ":3:1: Import \"a/v1/missing.proto\" was not found or had errors.\n"));
        AssertDiagnostic(d, "PGB1002", OriginalY, 3, 1);
        Assert.Contains("'a/v1/missing.proto'", d.Message, StringComparison.Ordinal);
        Assert.Contains("Searched: " + string.Join(", ", ImportDirs), d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_that_had_errors_is_a_plain_PGB1001()
    {
        IReadOnlyList<BuildDiagnostic> diagnostics = Map(
            StagedX + ":4:25: Expected \";\".\n" +
            StagedY + ":3:1: Import \"a/v1/x.proto\" was not found or had errors.\n");
        Assert.Collection(
            diagnostics,
            d => AssertDiagnostic(d, "PGB1001", OriginalX, 4, 25),
            d => AssertDiagnostic(d, "PGB1001", OriginalY, 3, 1));
    }

    [Fact]
    public void A_staged_file_not_found_is_reported_at_its_original()
    {
        BuildDiagnostic d = Assert.Single(Map("a/v1/x.proto: File not found."));
        AssertDiagnostic(d, "PGB1001", OriginalX, 0, 0);
    }

    [Fact]
    public void A_non_zero_exit_with_nothing_placed_is_PGB1009_with_protoc_text()
    {
        BuildDiagnostic d = Assert.Single(Map("Missing output directives.\n", exitCode: 1));
        Assert.Equal("PGB1009", d.Descriptor.Code);
        Assert.Equal(string.Empty, d.File);
        Assert.Contains("protoc exited with code 1: Missing output directives.", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_zero_exit_with_no_output_is_PGB1009()
    {
        BuildDiagnostic d = Assert.Single(Map(string.Empty, exitCode: 3));
        Assert.Equal("PGB1009", d.Descriptor.Code);
        Assert.Contains("code 3: no output", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_zero_exit_with_only_warnings_adds_PGB1009()
    {
        IReadOnlyList<BuildDiagnostic> diagnostics = Map(StagedY + ":3:1: warning: Import a/v1/x.proto is unused.\n", exitCode: 1);
        Assert.Equal(["PGB2001", "PGB1009"], [diagnostics[0].Descriptor.Code, diagnostics[1].Descriptor.Code]);
    }

    [Fact]
    public void Success_with_no_output_has_no_diagnostic()
    {
        Assert.Empty(Map(string.Empty, exitCode: 0));
    }

    [Fact]
    public void Every_code_has_a_help_link()
    {
        Assert.Equal("https://github.com/protogen-dotnet/protogen/blob/main/docs/diagnostics.md#pgb1002", BuildDiagnostics.ImportNotFound.HelpLink);
    }
}
