using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProtoGen.Breaking.Engine;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Breaking.Tests;

/// <summary>
/// A directory baseline as the tasks compile it: with the workspace's import directories (<c>dir</c> and
/// <c>prefix=dir</c>), within protoc's timeout, laid out by its own buf.yaml or buf.work.yaml, and every mistake in
/// that layout at its line.
/// </summary>
public sealed class DirectoryBaselineTests
{
    private const string Ledger = "syntax = \"proto3\";\npackage acme.ledger.v1;\n\nimport \"acme/common/money.proto\";\n\nmessage Entry {\n  acme.common.Money amount = 1;\n  string memo = 2;\n}\n";
    private const string Money = "syntax = \"proto3\";\npackage acme.common;\n\nmessage Money {\n  int64 units = 1;\n}\n";
    private const string Note = "syntax = \"proto3\";\npackage acme.ledger.v1;\n\nmessage Note {}\n";

    [Theory]
    [InlineData("extra", "extra/acme/common/money.proto")]
    [InlineData("acme/common=vendor/money", "vendor/money/money.proto")]
    public void The_baseline_imports_from_the_workspaces_import_directories(string importDirectory, string moneyFile)
    {
        using var directory = new TempDirectory();
        directory.Write("project/protos/acme/ledger/v1/ledger.proto", Ledger);
        directory.Write("project/" + moneyFile, Money);
        directory.Write("baseline/acme/ledger/v1/ledger.proto", Ledger);

        BreakingOutcome unchanged = Check(directory, [importDirectory]);

        Assert.Empty(unchanged.Diagnostics);
        Assert.Empty(unchanged.Result!.Findings);

        // A real change is still found, at the current file.
        directory.Write("project/protos/acme/ledger/v1/ledger.proto", Ledger.Replace("string memo = 2;", "bytes memo = 2;", StringComparison.Ordinal));
        BreakingOutcome changed = Check(directory, [importDirectory]);

        Assert.Equal("protos/acme/ledger/v1/ledger.proto(8,3): PGB3002", Describe(directory, changed));
    }

    [Fact]
    public void Without_the_import_directories_the_baselines_import_is_not_found()
    {
        // What every build did before the targets passed the workspace's import directories: PGB3107 at the import.
        using var directory = new TempDirectory();
        directory.Write("project/protos/acme/ledger/v1/ledger.proto", Ledger);
        directory.Write("project/extra/acme/common/money.proto", Money);
        directory.Write("baseline/acme/ledger/v1/ledger.proto", Ledger);

        BreakingRequest request = Request(directory, ["extra"]);
        BreakingOutcome outcome = BreakingRun.Run(request with { ImportDirectories = [.. request.ImportDirectories.Skip(1)] });

        Assert.Contains("baseline/acme/ledger/v1/ledger.proto(4,1): PGB3107", Describe(directory, outcome).Split('\n'));
        Assert.Contains(outcome.Diagnostics, d => d.Line == 4 && d.Message.Contains("Import \"acme/common/money.proto\" was not found", StringComparison.Ordinal));
        Assert.Null(outcome.Result);
    }

    [Fact]
    public void Protoc_that_outlives_its_timeout_is_PGB3116_at_the_baseline()
    {
        using var directory = new TempDirectory();
        directory.Write("project/protos/acme/ledger/v1/note.proto", Note);
        directory.Write("baseline/acme/ledger/v1/note.proto", Note);
        string slow = SlowProtoc(directory);

        BreakingOutcome outcome = Workspaces.CheckProject(directory["project"], directory["baseline"], directory["obj"], ["protos"], [], ["FILE"], slow, TimeSpan.FromSeconds(1));

        BuildDiagnostic timedOut = Assert.Single(outcome.Diagnostics);
        Assert.Equal(("PGB3116", directory["baseline"]), (timedOut.Descriptor.Code, timedOut.File));
        Assert.Contains("protoc ran longer than 1 s compiling the 1 proto(s) of baseline directory", timedOut.Message, StringComparison.Ordinal);
        Assert.Contains("$(ProtoGenProtocTimeout)", timedOut.Message, StringComparison.Ordinal);
        Assert.Null(outcome.Result);
    }

    [Theory]
    [InlineData("v1beta1", "proto/acme/ledger/v1/note.proto")]
    [InlineData("v2", "src/proto/acme/ledger/v1/note.proto")]
    [InlineData("buf.work.yaml", "proto/acme/ledger/v1/note.proto")]
    public void A_file_deleted_since_a_baseline_with_moved_roots_is_reported_at_its_file_there(string layout, string noteFile)
    {
        using var directory = new TempDirectory();
        directory.Write("project/protos/acme/ledger/v1/ledger.proto", Ledger);
        directory.Write("project/extra/acme/common/money.proto", Money);
        string root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(noteFile))))!.Replace('\\', '/');
        directory.Write($"baseline/{root}/acme/ledger/v1/ledger.proto", Ledger);
        directory.Write("baseline/" + noteFile, Note);
        directory.Write(layout == "buf.work.yaml" ? "baseline/buf.work.yaml" : "baseline/buf.yaml", layout switch
        {
            "v1beta1" => "version: v1beta1\nbuild:\n  roots:\n    - proto\n",
            "v2" => "version: v2\nmodules:\n  - path: src/proto\n",
            _ => "version: v1\ndirectories:\n  - proto\n",
        });

        BreakingOutcome outcome = Check(directory, ["extra"]);

        Assert.Equal($"baseline/{noteFile}(0,0): PGB3001", Describe(directory, outcome));
        Assert.Contains("\"acme/ledger/v1/note.proto\"", Assert.Single(outcome.Result!.Findings).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("buf.yaml", "version: v2\nmodules:\n  - path: [proto\n", "buf.yaml(4,1): PGB3101")]
    [InlineData("buf.yaml", "version: v3\n", "buf.yaml(1,10): PGB3101")]
    [InlineData("buf.yaml", "version: v2\nmodules:\n  - path: proto\n  - path: nothere\n", "buf.yaml(4,11): PGB3101")]
    [InlineData("buf.yaml", "version: v2\nmodules:\n  - path: proto\n  - path: empty\n", "buf.yaml(4,11): PGB3101")]
    [InlineData("buf.yaml", "version: v2\nmodules:\n  - path: proto\n  - path: ../outside\n", "buf.yaml(4,11): PGB3101")]
    [InlineData("buf.yaml", "version: v2\nmodules:\n  - path: proto\n  - path: copy\n", "buf.yaml(4,11): PGB3101")]
    [InlineData("buf.yaml", "version: v1beta1\nbuild:\n  roots: [proto]\n  excludes: [acme/legacy]\n", "buf.yaml(4,14): PGB3101")]
    [InlineData("buf.yaml", "version: v2\nmodules:\n  - path: proto\n    excludes: [acme]\n", "buf.yaml(4,16): PGB3101")]
    [InlineData("buf.yaml", "version: v1\nbuild:\n  excludes: proto\n", "buf.yaml(3,13): PGB3101")]
    [InlineData("buf.work.yaml", "version: v1\ndirectories:\n  - proto\n  - missing\n", "buf.work.yaml(4,5): PGB3101")]
    [InlineData("buf.work.yaml", "directories:\n  - proto\n", "buf.work.yaml(1,1): PGB3101")]
    [InlineData("both", "version: v1\ndirectories:\n  - proto\n", "buf.work.yaml(1,1): PGB3101")]
    public void A_malformed_baseline_layout_is_PGB3101_at_its_line(string file, string text, string expected)
    {
        using var directory = new TempDirectory();
        directory.Write("project/protos/acme/ledger/v1/note.proto", Note);
        directory.Write("baseline/proto/acme/ledger/v1/note.proto", Note);
        directory.Write("baseline/copy/acme/ledger/v1/note.proto", Note);
        directory.Write("baseline/empty/README.md", "No protos here.\n");
        directory.Write(file == "both" ? "baseline/buf.work.yaml" : "baseline/" + file, text);
        if (file == "both")
        {
            directory.Write("baseline/buf.yaml", "version: v1\n");
        }

        BreakingOutcome outcome = Check(directory, []);

        Assert.Equal("baseline/" + expected, Describe(directory, outcome));
        Assert.Null(outcome.Result);
    }

    [Fact]
    public void The_baselines_breaking_section_is_not_read()
    {
        // buf reads only where an --against input's protos are; its rules, even ones it does not know, are no error.
        using var directory = new TempDirectory();
        directory.Write("project/protos/acme/ledger/v1/note.proto", Note.Replace("Note {}", "Note {\n  string text = 1;\n}", StringComparison.Ordinal));
        directory.Write("baseline/proto/acme/ledger/v1/note.proto", Note.Replace("Note {}", "Note {\n  int64 text = 1;\n}", StringComparison.Ordinal));
        directory.Write("baseline/buf.yaml", "version: v2\nmodules:\n  - path: proto\nbreaking:\n  use: [NOT_A_RULE]\n  except: [FIELD_SAME_TYPE]\n  frobnicate: true\n");

        BreakingOutcome outcome = Check(directory, []);

        Assert.Equal("protos/acme/ledger/v1/note.proto(5,3): PGB3002", Describe(directory, outcome));
        Assert.Equal("FIELD_SAME_TYPE", Assert.Single(outcome.Result!.Findings).RuleId);
    }

    private static BreakingOutcome Check(TempDirectory directory, IReadOnlyList<string> importDirectories) => BreakingRun.Run(Request(directory, importDirectories));

    private static BreakingRequest Request(TempDirectory directory, IReadOnlyList<string> importDirectories) =>
        Workspaces.ProjectRequest(directory["project"], directory["baseline"], directory["obj"], ["protos"], importDirectories, ["FILE"]);

    /// <summary>
    /// Each problem and finding of <paramref name="outcome"/> (as the task logs it) as "file(line,column): CODE", the
    /// file relative to <paramref name="directory"/>, one per line.
    /// </summary>
    private static string Describe(TempDirectory directory, BreakingOutcome outcome) =>
        string.Join("\n", outcome.Diagnostics.Concat(outcome.Result?.Findings.Select(f => outcome.ToDiagnostic(f, asWarning: false)) ?? []).Select(d =>
        {
            string file = Path.IsPathRooted(d.File) ? Path.GetRelativePath(directory.Path, d.File) : d.File;
            return $"{file.Replace('\\', '/')}({d.Line},{d.Column}): {d.Descriptor.Code}";
        }));

    /// <summary>A "protoc" that only waits: a shell script (a .cmd file on Windows) that sleeps for a minute.</summary>
    private static string SlowProtoc(TempDirectory directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return directory.Write("slow-protoc.cmd", "@ping -n 60 127.0.0.1 >nul\r\n");
        }

        string script = directory.Write("slow-protoc", "#!/bin/sh\nexec sleep 60\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }
}
