using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ProtoGen.IntegrationTests.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.IntegrationTests;

/// <summary>
/// The breaking-change check through real <c>dotnet build</c> runs (docs/breaking-changes.md): each baseline kind,
/// accepting a break, buf.yaml, severity, where and when the check runs, mapped protos and bad input. The rules
/// themselves are ProtoGen.Breaking.Tests' business; here the build is.
/// </summary>
public sealed class BreakingBuildTests
{
    private const string LedgerFile = "protos/acme/ledger/v1/ledger.proto";
    private const string LedgerLogicalPath = "acme/ledger/v1/ledger.proto";

    private const string Ledger = """
        syntax = "proto3";

        package acme.ledger.v1;

        // One line of the ledger.
        message Entry {
          string id = 1;
          int64 amount = 2;
        }
        """;

    /// <summary><see cref="Ledger"/> with field 2's type changed: FIELD_SAME_TYPE (PGB3002), reported at the field.</summary>
    private static readonly string LedgerWithStringAmount = Ledger.Replace("  int64 amount = 2;", "  string amount = 2;", StringComparison.Ordinal);

    private const string Reason = "amounts are decimal strings from 2.0 on";

    public enum BaselineKind
    {
        Directory,
        File,
    }

    public enum Acceptance
    {
        CommentOnTheLineBefore,
        CommentOnTheElement,
        SuppressionsFile,
    }

    [Theory]
    [InlineData(BaselineKind.Directory, Acceptance.CommentOnTheLineBefore)]
    [InlineData(BaselineKind.Directory, Acceptance.SuppressionsFile)]
    [InlineData(BaselineKind.File, Acceptance.CommentOnTheElement)]
    [InlineData(BaselineKind.File, Acceptance.SuppressionsFile)]
    public void A_breaking_change_fails_the_build_at_the_element_and_passes_once_accepted(BaselineKind baseline, Acceptance acceptance)
    {
        using TestProject project = LedgerProject("breaking-" + baseline + "-" + acceptance, baseline);

        BuildResult unchanged = project.Build();
        Assert.True(unchanged.Succeeded, unchanged.Output);
        Assert.Empty(Diagnostics(unchanged));

        project.Write(LedgerFile, LedgerWithStringAmount);
        BuildResult broken = project.Build();

        string finding = AssertSingleError(broken, "PGB3002");
        AssertFinding(project, finding, LedgerFile, "string amount = 2;", "FIELD_SAME_TYPE");
        Assert.Contains("Field \"2\" with name \"amount\" on message \"Entry\" changed type from \"int64\" to \"string\".", finding, StringComparison.Ordinal);

        string acceptedBy;
        switch (acceptance)
        {
            case Acceptance.CommentOnTheLineBefore:
                project.Write(LedgerFile, LedgerWithStringAmount.Replace("  string amount = 2;", $"  // protogen:breaking:ignore FIELD_SAME_TYPE {Reason}\n  string amount = 2;", StringComparison.Ordinal));
                acceptedBy = "inline comment " + At(project, LedgerFile, "string amount = 2;");
                break;
            case Acceptance.CommentOnTheElement:
                project.Write(LedgerFile, LedgerWithStringAmount.Replace("  string amount = 2;", $"  string amount = 2; // protogen:breaking:ignore FIELD_SAME_TYPE {Reason}", StringComparison.Ordinal));
                acceptedBy = "inline comment " + At(project, LedgerFile, "string amount = 2;");
                break;
            default:
                BuildResult write = project.Build(target: "ProtoGenWriteBreakingSuppressions");
                Assert.True(write.Succeeded, write.Output);
                Assert.Empty(Diagnostics(write));
                string suppressions = project.Read("ProtoGen.BreakingSuppressions.xml");
                Assert.Contains($"<Suppression Rule=\"FIELD_SAME_TYPE\" File=\"{LedgerLogicalPath}\" Subject=\"acme.ledger.v1.Entry#2\" Reason=\"\"", suppressions, StringComparison.Ordinal);
                // A reviewer gives the reason; the build logs it.
                project.Write("ProtoGen.BreakingSuppressions.xml", suppressions.Replace("Reason=\"\"", $"Reason=\"{Reason}\"", StringComparison.Ordinal));
                acceptedBy = "suppressions file " + Path.Combine(project.Directory, "ProtoGen.BreakingSuppressions.xml");
                break;
        }

        BuildResult accepted = project.Build();

        Assert.True(accepted.Succeeded, accepted.Output);
        Assert.Empty(Diagnostics(accepted));
        string logged = Assert.Single(LogLines(accepted, "ProtoGen accepted a breaking change ("));
        Assert.StartsWith("ProtoGen accepted a breaking change (" + acceptedBy, logged, StringComparison.Ordinal);
        Assert.Contains(": " + Reason + "): ", logged, StringComparison.Ordinal);
        Assert.Contains("): " + At(project, LedgerFile, "string amount = 2;") + ": Field \"2\"", logged, StringComparison.Ordinal);
        Assert.EndsWith("[FIELD_SAME_TYPE]", logged, StringComparison.Ordinal);
    }

    [Fact]
    public void The_baseline_file_is_written_with_its_default_name_next_to_the_project()
    {
        using TestProject project = LedgerProject("baseline-file-default-name", BaselineKind.Directory);

        BuildResult write = project.Build(target: "ProtoGenWriteBaseline");

        Assert.True(write.Succeeded, write.Output);
        string file = Path.Combine(project.Directory, "ProtoGen.baseline.binpb");
        Assert.True(File.Exists(file), write.Output);
        Assert.Contains("ProtoGen wrote the breaking-change baseline of 1 proto(s) to " + file, write.Output, StringComparison.Ordinal);
        // A descriptor set: file 1 is the proto by its logical path, with source info (the comment is in it).
        string text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
        Assert.Contains(LedgerLogicalPath, text, StringComparison.Ordinal);
        Assert.Contains(" One line of the ledger.", text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(project.Directory, "bin", "Debug", "net10.0", "TestApp.dll")), "writing the baseline compiles no C#");
    }

    [Fact]
    public void Buf_yaml_at_the_project_directory_chooses_the_rules_and_MSBuild_properties_win_over_it()
    {
        const string Legacy = """
            syntax = "proto3";

            package acme.legacy.v1;

            message Record {
              int32 count = 1;
            }
            """;
        const string LedgerWithMore = """
            syntax = "proto3";

            package acme.ledger.v1;

            option java_package = "com.acme.ledger.v1";

            message Entry {
              string id = 1;
              int64 amount = 2;
            }

            message Obsolete {
              string note = 1;
            }
            """;
        const string BufYaml = """
            version: v1
            breaking:
              use:
                - FILE
              except:
                - FILE_SAME_JAVA_PACKAGE
              ignore:
                - protos/acme/legacy
            """;
        using TestProject project = new TestProject("buf-yaml")
            .Write(LedgerFile, LedgerWithMore)
            .Write("baseline/" + LedgerLogicalPath, LedgerWithMore)
            .Write("protos/acme/legacy/v1/legacy.proto", Legacy)
            .Write("baseline/acme/legacy/v1/legacy.proto", Legacy)
            .Write("buf.yaml", BufYaml);
        project.WithProject(ProtosItem, Against("baseline"));

        // Three changes: a message deleted (MESSAGE_NO_DELETE, FILE only; PACKAGE_MESSAGE_NO_DELETE in PACKAGE), an
        // option changed (FILE_SAME_JAVA_PACKAGE, which buf.yaml excepts) and a type changed under an ignored path.
        project.Write(LedgerFile, LedgerWithMore
            .Replace("com.acme.ledger.v1", "com.acme.ledger.v2", StringComparison.Ordinal)
            .Replace("\n\nmessage Obsolete {\n  string note = 1;\n}", string.Empty, StringComparison.Ordinal));
        project.Write("protos/acme/legacy/v1/legacy.proto", Legacy.Replace("int32 count", "string count", StringComparison.Ordinal));

        BuildResult byBufYaml = project.Build();

        Assert.Equal(["MESSAGE_NO_DELETE"], RulesReported(byBufYaml));
        AssertFinding(project, AssertSingleError(byBufYaml, "PGB3001"), LedgerFile, null, "MESSAGE_NO_DELETE", code: "PGB3001");

        // ProtoGenBreakingExcept replaces buf.yaml's except: the option change is reported, the deletion is not; the ignore stays.
        project.WithProject(ProtosItem, Against("baseline") + "\n<ProtoGenBreakingExcept>MESSAGE_NO_DELETE</ProtoGenBreakingExcept>");
        BuildResult exceptWins = project.Build();

        Assert.Equal(["FILE_SAME_JAVA_PACKAGE"], RulesReported(exceptWins));
        AssertFinding(project, AssertSingleError(exceptWins, "PGB3002"), LedgerFile, "option java_package", "FILE_SAME_JAVA_PACKAGE");

        // ProtoGenBreakingRules replaces buf.yaml's use: PACKAGE reports the deletion by its package rule; buf.yaml's except and ignore stay.
        project.WithProject(ProtosItem, Against("baseline") + "\n<ProtoGenBreakingRules>PACKAGE</ProtoGenBreakingRules>");
        BuildResult rulesWin = project.Build();

        Assert.Equal(["PACKAGE_MESSAGE_NO_DELETE"], RulesReported(rulesWin));
        Assert.Contains("\"Obsolete\" was deleted from package \"acme.ledger.v1\"", AssertSingleError(rulesWin, "PGB3002"), StringComparison.Ordinal);
    }

    [Fact]
    public void Buf_yaml_that_does_not_parse_is_PGB3101_at_its_line()
    {
        using TestProject project = LedgerProject("buf-yaml-parse", BaselineKind.Directory)
            .Write("buf.yaml", "version: v1\nbreaking:\n  use: [FILE\n");

        string error = AssertSingleError(project.Build(), "PGB3101");

        Assert.StartsWith(Path.Combine(project.Directory, "buf.yaml") + "(", error, StringComparison.Ordinal);
        Assert.Matches(@"buf\.yaml\([34],\d+\): error PGB3101: ", error);
    }

    [Fact]
    public void Buf_yaml_naming_an_unknown_rule_is_PGB3102_at_its_line_and_column()
    {
        using TestProject project = LedgerProject("buf-yaml-rule", BaselineKind.Directory)
            .Write("buf.yaml", "version: v1\nbreaking:\n  use:\n    - FILE\n    - FIELD_SAME_TYPO\n");

        string error = AssertSingleError(project.Build(), "PGB3102");

        Assert.StartsWith(Path.Combine(project.Directory, "buf.yaml") + "(5,7): error PGB3102: ", error, StringComparison.Ordinal);
        Assert.Contains("'FIELD_SAME_TYPO'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_warning_reports_findings_as_warnings_and_the_build_succeeds()
    {
        // TestProject's TreatWarningsAsErrors is the compiler's; MSBuild's own (MSBuildTreatWarningsAsErrors) would turn
        // the finding back into an error. Both are on with only PGB3002 exempted: any other warning still fails the
        // build, and it passes only because the finding is a warning.
        using TestProject project = LedgerProject("severity-warning", BaselineKind.Directory, """
            <ProtoGenBreakingSeverity>warning</ProtoGenBreakingSeverity>
            <MSBuildTreatWarningsAsErrors>true</MSBuildTreatWarningsAsErrors>
            <WarningsNotAsErrors>$(WarningsNotAsErrors);PGB3002</WarningsNotAsErrors>
            <MSBuildWarningsNotAsErrors>$(MSBuildWarningsNotAsErrors);PGB3002</MSBuildWarningsNotAsErrors>
            """);
        project.Write(LedgerFile, LedgerWithStringAmount);

        BuildResult build = project.Build();

        Assert.True(build.Succeeded, build.Output);
        string warning = Assert.Single(Diagnostics(build));
        Assert.Contains(": warning PGB3002: ", warning, StringComparison.Ordinal);
        AssertFinding(project, warning, LedgerFile, "string amount = 2;", "FIELD_SAME_TYPE", severity: "warning");
        Assert.True(File.Exists(Path.Combine(project.Directory, "bin", "Debug", "net10.0", "TestApp.dll")));
    }

    [Fact]
    public void A_no_op_build_does_no_comparison_and_an_edited_proto_is_checked_again()
    {
        using TestProject project = LedgerProject("breaking-incremental", BaselineKind.Directory);
        BuildResult first = project.Build();
        Assert.True(first.Succeeded, first.Output);
        Assert.Contains($"ProtoGen: protoc run 1 of 1 checks 1 proto(s): {LedgerLogicalPath}", first.Output, StringComparison.Ordinal);

        BuildResult noOp = project.Build(verbosity: "detailed");

        Assert.True(noOp.Succeeded, noOp.Output);
        Assert.Contains("Skipping target \"_ProtoGen_DescribeWorkspace\" because all output files are up-to-date", noOp.Output, StringComparison.Ordinal);
        Assert.Contains("Skipping target \"_ProtoGen_CheckBreaking\" because all output files are up-to-date", noOp.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("protoc run 1 of 1 checks", noOp.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Task \"ProtoGenCheckBreaking\"", noOp.Output, StringComparison.Ordinal);

        project.Write(LedgerFile, LedgerWithStringAmount);
        BuildResult edited = project.Build(verbosity: "detailed");

        Assert.Contains("Task \"ProtoGenCheckBreaking\"", edited.Output, StringComparison.Ordinal);
        AssertFinding(project, AssertSingleError(edited, "PGB3002"), LedgerFile, "string amount = 2;", "FIELD_SAME_TYPE");

        // A failed check writes no stamp: the next build checks again and fails again.
        BuildResult again = project.Build();
        AssertFinding(project, AssertSingleError(again, "PGB3002"), LedgerFile, "string amount = 2;", "FIELD_SAME_TYPE");
    }

    [Fact]
    public void A_setting_given_on_the_command_line_is_checked_again()
    {
        // The docs' way of trying the check without failing, then the default again: the finding must come back.
        using TestProject project = LedgerProject("breaking-global-setting", BaselineKind.Directory);
        project.Write(LedgerFile, LedgerWithStringAmount);

        BuildResult asWarning = Build(project, "-p:ProtoGenBreakingSeverity=warning");
        Assert.True(asWarning.Succeeded, asWarning.Output);
        Assert.Contains(": warning PGB3002: ", Assert.Single(Diagnostics(asWarning)), StringComparison.Ordinal);

        BuildResult asError = project.Build();

        AssertFinding(project, AssertSingleError(asError, "PGB3002"), LedgerFile, "string amount = 2;", "FIELD_SAME_TYPE");
    }

    [Fact]
    public void A_design_time_build_runs_no_check()
    {
        using TestProject project = LedgerProject("breaking-design-time", BaselineKind.Directory);
        project.Write(LedgerFile, LedgerWithStringAmount);

        BuildResult designTime = Build(
            project,
            "-v:detailed", "-t:Compile;CoreCompile", "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true");

        Assert.True(designTime.Succeeded, designTime.Output);
        Assert.DoesNotMatch(@": (error|warning) PGB3\d{3}:", designTime.Output);
        Assert.DoesNotContain("Target \"_ProtoGen_CheckBreaking\"", designTime.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Task \"ProtoGenCheckBreaking\"", designTime.Output, StringComparison.Ordinal);

        // The same tree in a real build is checked.
        AssertFinding(project, AssertSingleError(project.Build(), "PGB3002"), LedgerFile, "string amount = 2;", "FIELD_SAME_TYPE");
    }

    [Fact]
    public void A_change_that_also_breaks_the_hand_written_CSharp_still_gets_its_finding()
    {
        using TestProject project = LedgerProject("breaking-before-compile", BaselineKind.Directory)
            .Write("Usage.cs", """
                namespace TestApp;

                public static class Usage
                {
                    public static global::Acme.Ledger.V1.Entry Make() => new() { Id = "e-1", Amount = 12L };
                }
                """);
        BuildResult first = project.Build();
        Assert.True(first.Succeeded, first.Output);

        // Amount is a string now: Usage.cs no longer compiles, and the check, before CoreCompile, reports why.
        project.Write(LedgerFile, LedgerWithStringAmount);
        BuildResult broken = project.Build();

        Assert.False(broken.Succeeded, broken.Output);
        string[] errors = Errors(broken);
        string finding = Assert.Single(errors, e => e.Contains(": error PGB3002: ", StringComparison.Ordinal));
        AssertFinding(project, finding, LedgerFile, "string amount = 2;", "FIELD_SAME_TYPE");
        Assert.All(errors, e => Assert.Matches(@": error (PGB3002|CS\d{4}): ", e));
    }

    [Fact]
    public void A_namespace_rule_changed_in_the_project_is_a_CSHARP_finding_with_no_proto_changed()
    {
        using TestProject project = new TestProject("breaking-csharp-namespace").Write(LedgerFile, Ledger);
        string Properties(string rules) => Against("ProtoGen.baseline.binpb") + $"\n<ProtoGenBreakingRules>{rules}</ProtoGenBreakingRules>";
        string Items(string ns) => ProtosItem + $"\n<ProtoNamespace Include=\"acme/ledger\" Namespace=\"{ns}\" />";
        project.WithProject(Items("Contoso.Ledger"), Properties("FILE;CSHARP"));
        BuildResult write = project.Build(target: "ProtoGenWriteBaseline");
        Assert.True(write.Succeeded, write.Output);
        BuildResult unchanged = project.Build();
        Assert.True(unchanged.Succeeded, unchanged.Output);
        byte[] proto = File.ReadAllBytes(Path.Combine(project.Directory, LedgerFile));

        // Only the csproj changes: Contoso.Ledger.V1 becomes Fabrikam.Ledger.V1.
        project.WithProject(Items("Fabrikam.Ledger"), Properties("CSHARP"));
        BuildResult csharpOnly = project.Build();

        Assert.Equal(proto, File.ReadAllBytes(Path.Combine(project.Directory, LedgerFile)));
        Assert.False(csharpOnly.Succeeded, csharpOnly.Output);
        Assert.All(Errors(csharpOnly), e => Assert.Contains(": error PGB3005: ", e, StringComparison.Ordinal));
        string ns = Assert.Single(Errors(csharpOnly), e => e.Contains("[CSHARP_SAME_NAMESPACE]", StringComparison.Ordinal));
        AssertFinding(project, ns, LedgerFile, null, "CSHARP_SAME_NAMESPACE", code: "PGB3005");
        Assert.Contains("\"Contoso.Ledger.V1\" to \"Fabrikam.Ledger.V1\"", ns, StringComparison.Ordinal);
        Assert.Contains(Errors(csharpOnly), e => e.Contains("\"Fabrikam.Ledger.V1.Entry\"", StringComparison.Ordinal) && e.Contains("[CSHARP_TYPE_NO_DELETE]", StringComparison.Ordinal));

        // With FILE too, the staged copy's csharp_namespace option is buf's FILE_SAME_CSHARP_NAMESPACE as well.
        project.WithProject(Items("Fabrikam.Ledger"), Properties("FILE;CSHARP"));
        BuildResult withFile = project.Build();

        Assert.Contains("CSHARP_SAME_NAMESPACE", RulesReported(withFile));
        Assert.Contains("FILE_SAME_CSHARP_NAMESPACE", RulesReported(withFile));
    }

    [Fact]
    public void The_projects_wrapper_overload_set_decides_the_wrapper_members_a_kind_change_removes()
    {
        const string Streaming = Ledger + "\n\nservice Ledgers {\n  rpc List(Entry) returns (stream Entry);\n}\n";
        using TestProject project = new TestProject("breaking-wrapper-overloads").Write(LedgerFile, Streaming);
        project.WithProject(ProtosItem, Against("ProtoGen.baseline.binpb") + "\n<ProtoGenBreakingRules>CSHARP_WRAPPER_MEMBER_NO_DELETE</ProtoGenBreakingRules>");
        BuildResult write = project.Build(target: "ProtoGenWriteBaseline");
        Assert.True(write.Succeeded, write.Output);
        BuildResult unchanged = project.Build();
        Assert.True(unchanged.Succeeded, unchanged.Output);

        // The setting reaches the check, and a changed one checks again though nothing else changed.
        Assert.Contains("ProtoGenClientWrapperOverloads 'Full'", AssertSingleError(Build(project, "-p:ProtoGenClientWrapperOverloads=Full"), "PGB3111"), StringComparison.Ordinal);

        // List becomes unary. Minimal (the default) has no blocking List, so the wrapper's List is gone; All has one.
        project.Write(LedgerFile, Streaming.Replace("returns (stream Entry)", "returns (Entry)", StringComparison.Ordinal));
        const string Wrapper = "client wrapper \"Acme.Ledger.V1.LedgersClientWrapper\"";
        string[] minimal = Errors(project.Build());
        Assert.Contains(minimal, e => e.Contains("\"List\" is gone from " + Wrapper, StringComparison.Ordinal));
        Assert.Contains(minimal, e => e.Contains("\"ListStreamAsync\" is gone from " + Wrapper, StringComparison.Ordinal));

        string[] all = Errors(Build(project, "-p:ProtoGenClientWrapperOverloads=All"));
        Assert.Contains(all, e => e.Contains("\"List\" of the generated client and " + Wrapper + " now returns TResponse, not AsyncServerStreamingCall<TResponse>", StringComparison.Ordinal));
        Assert.DoesNotContain(all, e => e.Contains("\"List\" is gone", StringComparison.Ordinal));
    }

    [Fact]
    public void Findings_in_mapped_protos_point_at_the_original_file_and_line_not_the_staged_copy()
    {
        const string MappedFile = "teams/payments/v1/ledger.proto";
        using TestProject project = new TestProject("breaking-mapped")
            .Write(MappedFile, Ledger.Replace("acme.ledger.v1", "acme.payments.v1", StringComparison.Ordinal))
            .WithProject(
                """
                <Protobuf Include="teams/payments/**/*.proto" ProtoRoot="teams/payments" ImportPrefix="acme/payments" GrpcServices="None" />
                <ProtoNamespace Include="acme/payments" Namespace="Contoso.Payments" />
                """,
                Against("ProtoGen.baseline.binpb") + "\n<ProtoGenBreakingRules>FILE;CSHARP</ProtoGenBreakingRules>");
        BuildResult write = project.Build(target: "ProtoGenWriteBaseline");
        Assert.True(write.Succeeded, write.Output);
        string staged = Path.Combine(project.IntermediateDirectory, "protogen", "stage", "acme", "payments", "v1", "ledger.proto");
        Assert.True(File.Exists(staged), "the proto is compiled from a staged copy");
        Assert.Contains("Contoso.Payments.V1", File.ReadAllText(staged), StringComparison.Ordinal);

        // One line more above the field, so a line taken from anywhere else would show.
        project.Write(MappedFile, project.Read(MappedFile)
            .Replace("// One line of the ledger.", "// One line of the ledger,\n// in the payments tree.", StringComparison.Ordinal)
            .Replace("  int64 amount = 2;", "  string amount = 2;", StringComparison.Ordinal));
        BuildResult broken = project.Build();

        Assert.False(broken.Succeeded, broken.Output);
        Assert.Equal(["CSHARP_PROPERTY_SAME_TYPE", "FIELD_SAME_TYPE"], RulesReported(broken));
        foreach (string error in Errors(broken))
        {
            AssertFinding(project, error, MappedFile, "string amount = 2;", error.Contains("[FIELD_SAME_TYPE]", StringComparison.Ordinal) ? "FIELD_SAME_TYPE" : "CSHARP_PROPERTY_SAME_TYPE", code: null);
        }

        Assert.All(Diagnostics(broken), d => Assert.DoesNotContain("protogen/stage", d.Replace('\\', '/'), StringComparison.Ordinal));
    }

    [Fact]
    public void A_directory_baseline_of_the_same_mapped_protos_reports_nothing()
    {
        // The baseline holds the protos as they were, by their logical paths; ProtoGen's mapping changed nothing.
        string ledger = Ledger.Replace("acme.ledger.v1", "acme.payments.v1", StringComparison.Ordinal);
        using TestProject project = new TestProject("breaking-mapped-directory")
            .Write("teams/payments/v1/ledger.proto", ledger)
            .Write("baseline/acme/payments/v1/ledger.proto", ledger)
            .WithProject(
                """
                <Protobuf Include="teams/payments/**/*.proto" ProtoRoot="teams/payments" ImportPrefix="acme/payments" GrpcServices="None" />
                <ProtoNamespace Include="acme/payments" Namespace="Contoso.Payments" />
                """,
                Against("baseline"));

        BuildResult build = project.Build();

        Assert.True(build.Succeeded, build.Output);
        Assert.Empty(Diagnostics(build));
    }

    [Fact]
    public void A_directory_baseline_is_compiled_with_the_import_directories_of_the_workspace()
    {
        // The proto imports acme/common/money.proto from AdditionalImportDirs="extra"; the baseline is a copy of protos/.
        const string Money = """
            syntax = "proto3";

            package acme.common;

            message Money {
              string currency = 1;
              int64 units = 2;
            }
            """;
        string ledger = Ledger
            .Replace("package acme.ledger.v1;\n", "package acme.ledger.v1;\n\nimport \"acme/common/money.proto\";\n", StringComparison.Ordinal)
            .Replace("int64 amount = 2;", "acme.common.Money amount = 2;\n  string memo = 3;", StringComparison.Ordinal);
        using TestProject project = new TestProject("breaking-import-dirs")
            .Write(LedgerFile, ledger)
            .Write("baseline/" + LedgerLogicalPath, ledger)
            .Write("extra/acme/common/money.proto", Money)
            .WithProject(
                """
                <Protobuf Include="protos/**/*.proto" ProtoRoot="protos" AdditionalImportDirs="extra" GrpcServices="None" />
                <Protobuf Include="extra/**/*.proto" ProtoRoot="extra" GrpcServices="None" />
                """,
                Against("baseline"));

        BuildResult unchanged = project.Build();

        Assert.True(unchanged.Succeeded, unchanged.Output);
        Assert.Empty(Diagnostics(unchanged));

        // A real change is still found, at the current file.
        project.Write(LedgerFile, ledger.Replace("  string memo = 3;", "  bytes memo = 3;", StringComparison.Ordinal));
        BuildResult broken = project.Build();

        AssertFinding(project, AssertSingleError(broken, "PGB3002"), LedgerFile, "bytes memo = 3;", "FIELD_SAME_TYPE");
    }

    [Theory]
    [InlineData("version: v1beta1\nbuild:\n  roots:\n    - proto\n", "buf.yaml", "proto/")]
    [InlineData("version: v2\nmodules:\n  - path: src/proto\n", "buf.yaml", "src/proto/")]
    [InlineData("version: v1\ndirectories:\n  - proto\n", "buf.work.yaml", "proto/")]
    public void A_baseline_whose_root_moved_is_read_by_its_own_buf_yaml_and_findings_point_at_the_current_file(string layout, string layoutFile, string root)
    {
        // The last release kept its protos under another root and said so in its buf.yaml: files pair by their paths
        // under the roots, so nothing is reported until a proto changes, and a file-level change points at its statement.
        using TestProject project = new TestProject("breaking-moved-root-" + layoutFile.Replace('.', '-') + "-" + root.Replace('/', '-'))
            .Write(LedgerFile, Ledger)
            .Write("release/" + root + LedgerLogicalPath, Ledger)
            .Write("release/" + layoutFile, layout)
            .WithProject(ProtosItem, Against("release"));

        BuildResult unchanged = project.Build();

        Assert.True(unchanged.Succeeded, unchanged.Output);
        Assert.Empty(Diagnostics(unchanged));

        project.Write(LedgerFile, Ledger.Replace("package acme.ledger.v1;", "package acme.ledger.v2;", StringComparison.Ordinal));
        BuildResult broken = project.Build();

        AssertFinding(project, AssertSingleError(broken, "PGB3004"), LedgerFile, "package acme.ledger.v2;", "FILE_SAME_PACKAGE", code: "PGB3004");
    }

    [Fact]
    public void A_baseline_buf_yaml_that_does_not_parse_is_PGB3101_at_its_line_and_a_fixed_one_is_read_again()
    {
        using TestProject project = new TestProject("breaking-baseline-buf-yaml")
            .Write(LedgerFile, Ledger)
            .Write("release/proto/" + LedgerLogicalPath, Ledger)
            .Write("release/buf.yaml", "version: v2\nmodules:\n  - path: [proto\n")
            .WithProject(ProtosItem, Against("release"));

        string error = AssertSingleError(project.Build(), "PGB3101");

        Assert.Matches(@"^" + Regex.Escape(Path.Combine(project.Directory, "release", "buf.yaml")) + @"\([34],\d+\): error PGB3101: ", error);

        // The baseline's buf.yaml is an input of the check: fixing it checks again.
        project.Write("release/buf.yaml", "version: v2\nmodules:\n  - path: proto\n");
        BuildResult fixedLayout = project.Build();

        Assert.True(fixedLayout.Succeeded, fixedLayout.Output);
        Assert.Empty(Diagnostics(fixedLayout));
    }

    [Theory]
    [InlineData("missing.binpb")]
    [InlineData("missing-directory/")]
    [InlineData("garbage.binpb")]
    public void A_baseline_that_is_missing_or_unreadable_is_PGB3103_naming_it(string against)
    {
        using TestProject project = LedgerProject("breaking-pgb3103", BaselineKind.Directory, againstOverride: against);
        File.WriteAllBytes(Path.Combine(project.Directory, "garbage.binpb"), [0x0A, 0xFF, 0xFF, 0xFF, 0x0F, 0x6E, 0x6F, 0x74, 0x20, 0x61, 0x20, 0x73, 0x65, 0x74]);

        string error = AssertSingleError(project.Build(), "PGB3103");

        string full = Path.Combine(project.Directory, against);
        Assert.StartsWith(full + " : error PGB3103: ", error, StringComparison.Ordinal);
        Assert.Contains("'" + full + "'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_file_of_another_ProtoGen_version_is_PGB3104_naming_it()
    {
        using TestProject project = LedgerProject("breaking-pgb3104", BaselineKind.File);
        string file = Path.Combine(project.Directory, "ProtoGen.baseline.binpb");
        // The marker is field 16000 of the descriptor set (docs/breaking-changes.md): a second one, as another
        // ProtoGen would write it (format 1, another version), is the one a reader sees last, so it wins.
        using (var stream = new FileStream(file, FileMode.Append))
        {
            byte[] version = Encoding.UTF8.GetBytes("0.0.1-other");
            byte[] marker = [0x08, 0x01, 0x12, (byte)version.Length, .. version];
            stream.Write([0x82, 0xE8, 0x07, (byte)marker.Length, .. marker]);
        }

        string error = AssertSingleError(project.Build(), "PGB3104");

        Assert.StartsWith(file + " : error PGB3104: ", error, StringComparison.Ordinal);
        Assert.Contains("'" + file + "'", error, StringComparison.Ordinal);
        Assert.Contains("ProtoGen 0.0.1-other", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ProtoGenCheckBreaking_target_on_its_own_checks_and_compiles_no_CSharp()
    {
        using TestProject project = LedgerProject("breaking-target", BaselineKind.Directory);
        project.Write(LedgerFile, LedgerWithStringAmount);

        BuildResult broken = project.Build(target: "ProtoGenCheckBreaking");

        AssertFinding(project, AssertSingleError(broken, "PGB3002"), LedgerFile, "string amount = 2;", "FIELD_SAME_TYPE");
        Assert.False(File.Exists(Path.Combine(project.IntermediateDirectory, "TestApp.dll")), "the check compiles no C#");

        project.Write(LedgerFile, Ledger);
        BuildResult fixedCheck = project.Build(target: "ProtoGenCheckBreaking");

        Assert.True(fixedCheck.Succeeded, fixedCheck.Output);
        Assert.Empty(Diagnostics(fixedCheck));
        Assert.False(File.Exists(Path.Combine(project.IntermediateDirectory, "TestApp.dll")), "the check compiles no C#");
    }

    [Fact]
    public void The_ProtoGenCheckBreaking_target_without_a_baseline_is_an_invalid_setting()
    {
        using TestProject project = new TestProject("breaking-target-unset").Write(LedgerFile, Ledger);
        project.WithProject(ProtosItem);

        // PGB3111 is the documented code of an invalid breaking-check setting (docs/diagnostics.md).
        string error = AssertSingleError(project.Build(target: "ProtoGenCheckBreaking"), "PGB3111");

        Assert.Contains("ProtoGenBreakingAgainst", error, StringComparison.Ordinal);
    }

    private const string ProtosItem = """<Protobuf Include="protos/**/*.proto" ProtoRoot="protos" GrpcServices="None" />""";

    private static string Against(string baseline) => $"<ProtoGenBreakingAgainst>{baseline}</ProtoGenBreakingAgainst>";

    /// <summary>
    /// <see cref="Ledger"/> in a project checked against a baseline of it: the directory <c>baseline/</c>, or the
    /// baseline file written by <c>-t:ProtoGenWriteBaseline</c> (its default name).
    /// </summary>
    private static TestProject LedgerProject(string name, BaselineKind kind, string properties = "", string? againstOverride = null)
    {
        var project = new TestProject(name).Write(LedgerFile, Ledger);
        string against = againstOverride ?? (kind == BaselineKind.Directory ? "baseline" : "ProtoGen.baseline.binpb");
        project.WithProject(ProtosItem, Against(against) + "\n" + properties);
        if (kind == BaselineKind.Directory)
        {
            project.Write("baseline/" + LedgerLogicalPath, Ledger);
        }
        else
        {
            BuildResult write = project.Build(target: "ProtoGenWriteBaseline");
            Assert.True(write.Succeeded, write.Output);
            Assert.True(File.Exists(Path.Combine(project.Directory, "ProtoGen.baseline.binpb")), write.Output);
        }

        return project;
    }

    /// <summary><c>dotnet build</c> with extra arguments (global properties, targets), read as <see cref="BuildResult"/>.</summary>
    private static BuildResult Build(TestProject project, params string[] arguments) =>
        new(DotNet.Run(project.Directory, DotNet.BuildTimeout, ["build", project.ProjectFile, "-nologo", "-nodeReuse:false", "-v:normal", "-clp:NoSummary", .. arguments]));

    /// <summary><paramref name="relativePath"/>'s full path with the line and column where <paramref name="text"/> starts: <c>file(line,column)</c>.</summary>
    private static string At(TestProject project, string relativePath, string text)
    {
        string[] lines = project.Read(relativePath).Split('\n');
        int line = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(line >= 0, $"'{text}' is not in {relativePath}");
        return $"{Path.Combine(project.Directory, relativePath)}({line + 1},{lines[line].IndexOf(text, StringComparison.Ordinal) + 1})";
    }

    /// <summary>
    /// A finding at <paramref name="relativePath"/> (at the line and column of <paramref name="text"/> when given;
    /// else anywhere in the file, or at the file as a whole, as a message deleted from it is),
    /// with its code, and its rule in brackets at the end of the message.
    /// </summary>
    private static void AssertFinding(TestProject project, string diagnostic, string relativePath, string? text, string rule, string? code = "PGB3002", string severity = "error")
    {
        string where = text is null ? Path.Combine(project.Directory, relativePath) : At(project, relativePath, text) + ": ";
        Assert.StartsWith(where, diagnostic, StringComparison.Ordinal);
        Assert.Matches(@"^[^:(]+(\(\d+,\d+\): | : )" + severity + " PGB300[1-5]: ", diagnostic.Replace(project.Directory, string.Empty, StringComparison.Ordinal));
        if (code is not null)
        {
            Assert.Contains($": {severity} {code}: ", diagnostic, StringComparison.Ordinal);
        }

        Assert.EndsWith($"[{rule}] [{project.ProjectFile}]", diagnostic, StringComparison.Ordinal);
    }

    /// <summary>
    /// Errors and warnings, once each: <see cref="BuildResult.Diagnostics"/> also for detailed logs, whose lines
    /// start with a node and context prefix (<c>1:7&gt;</c>).
    /// </summary>
    private static List<string> Diagnostics(BuildResult result) =>
        [.. LogLines(result, string.Empty).Where(l => Regex.IsMatch(l, @": (error|warning) [A-Z]+\d+")).Distinct()];

    private static string[] Errors(BuildResult result) =>
        [.. Diagnostics(result).Where(d => d.Contains(": error ", StringComparison.Ordinal))];

    private static string AssertSingleError(BuildResult result, string code)
    {
        Assert.False(result.Succeeded, result.Output);
        string[] errors = Errors(result);
        Assert.True(errors.Length == 1, "Expected exactly one error, got:\n" + string.Join("\n", errors) + "\n" + result.Output);
        Assert.Contains(": error " + code + ":", errors[0], StringComparison.Ordinal);
        return errors[0];
    }

    /// <summary>The rule IDs of the findings reported, sorted.</summary>
    private static List<string> RulesReported(BuildResult result) =>
        Diagnostics(result)
            .Where(d => Regex.IsMatch(d, @": (error|warning) PGB300[1-5]: "))
            .Select(d => Regex.Match(d, @"\[([A-Z0-9_]+)\] \[[^\]]+\]$").Groups[1].Value)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Log lines (trimmed, without MSBuild's node prefix) that start with <paramref name="start"/>.</summary>
    private static List<string> LogLines(BuildResult result, string start) =>
        result.Output.Split('\n')
            .Select(l => Regex.Replace(l.Trim(), @"^\d+(:\d+)?>", string.Empty))
            .Where(l => l.StartsWith(start, StringComparison.Ordinal))
            .ToList();
}
