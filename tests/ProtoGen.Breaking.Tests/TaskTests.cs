using System.IO;
using System.Linq;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.Build.Framework;
using ProtoGen.Breaking.Baseline;
using ProtoGen.Breaking.Tasks;
using ProtoGen.Build.Tests;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Breaking.Tests;

/// <summary>The three tasks with a mock build engine, over a project directory with real protoc output.</summary>
public sealed class TaskTests
{
    private const string V1 = "syntax = \"proto3\";\npackage acme.ledger.v1;\n\nmessage Entry {\n  int64 amount = 2;\n  string memo = 3;\n}\n";
    private const string V2 = "syntax = \"proto3\";\npackage acme.ledger.v1;\n\n\nmessage Entry {\n  string amount = 2;\n  string memo = 3;\n}\n";
    private const string Logical = "acme/ledger/v1/ledger.proto";
    private const string Spec = "protos/v1/ledger.proto";

    [Fact]
    public void A_baseline_file_catches_a_change_at_the_protos_line_until_a_suppression_accepts_it()
    {
        using var project = new TempDirectory();
        string set = Compile(project, V1);
        Assert.True(Run(new ProtoGenWriteBaseline { CurrentDescriptorSets = [new Microsoft.Build.Utilities.TaskItem(set)], CurrentProtos = [Item(project)], OutputFile = BaselineFile.DefaultFileName, ProjectDirectory = project.Path }).Result);
        Assert.True(File.Exists(project[BaselineFile.DefaultFileName]));

        set = Compile(project, V2);
        (bool failed, MockEngine engine) = Run(Check(project, set, BaselineFile.DefaultFileName));
        Assert.False(failed);
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal(
            "PGB3002 protos/v1/ledger.proto(6,3): Field \"2\" with name \"amount\" on message \"Entry\" changed type from \"int64\" to \"string\". [FIELD_SAME_TYPE]",
            $"{error.Code} {error.File}({error.LineNumber},{error.ColumnNumber}): {error.Message}");
        Assert.Equal("https://github.com/protogen-dotnet/protogen/blob/main/docs/diagnostics.md#pgb3002", error.HelpLink);

        var writer = new ProtoGenWriteBreakingSuppressions { CurrentDescriptorSets = [new Microsoft.Build.Utilities.TaskItem(set)], CurrentProtos = [Item(project)], Against = BaselineFile.DefaultFileName, ProjectDirectory = project.Path };
        Assert.True(Run(writer).Result);
        Assert.Equal(1, writer.SuppressionCount);
        string suppressions = File.ReadAllText(project["ProtoGen.BreakingSuppressions.xml"]);
        Assert.Contains("Subject=\"acme.ledger.v1.Entry#2\"", suppressions, System.StringComparison.Ordinal);
        File.WriteAllText(project["ProtoGen.BreakingSuppressions.xml"], suppressions.Replace("Reason=\"\"", "Reason=\"amounts are decimal strings\"", System.StringComparison.Ordinal));

        ProtoGenCheckBreaking again = Check(project, set, BaselineFile.DefaultFileName);
        again.SuppressionsFile = "ProtoGen.BreakingSuppressions.xml";
        (bool passed, MockEngine accepted) = Run(again);
        Assert.True(passed, accepted.Describe());
        Assert.Empty(accepted.Errors);
        Assert.Contains(accepted.Messages, m => m.Importance == MessageImportance.Normal
            && m.Message!.Contains("accepted a breaking change (suppressions file", System.StringComparison.Ordinal)
            && m.Message.Contains("amounts are decimal strings", System.StringComparison.Ordinal)
            && m.Message.Contains("[FIELD_SAME_TYPE]", System.StringComparison.Ordinal));
        Assert.Empty(again.Findings);
    }

    [Fact]
    public void A_directory_baseline_is_compiled_by_protoc_and_its_deleted_files_are_reported_there()
    {
        using var project = new TempDirectory();
        project.Write("baseline/" + Logical, V1);
        project.Write("baseline/acme/ledger/v1/old.proto", "syntax = \"proto3\";\npackage acme.ledger.v1;\nmessage Old {}\n");
        string set = Compile(project, V2);

        ProtoGenCheckBreaking task = Check(project, set, "baseline");
        task.ProtocPath = GrpcToolsProtoc.FullPath;
        task.ImportDirectories = [new Microsoft.Build.Utilities.TaskItem(GrpcToolsProtoc.StandardImports)];
        task.IntermediateDirectory = "obj";
        (bool ok, MockEngine engine) = Run(task);

        Assert.False(ok);
        Assert.Equal(
            [$"PGB3001 {project["baseline/acme/ledger/v1/old.proto"]}(0,0) FILE_NO_DELETE", "PGB3002 protos/v1/ledger.proto(6,3) FIELD_SAME_TYPE"],
            engine.Errors.Select(e => $"{e.Code} {e.File}({e.LineNumber},{e.ColumnNumber}) {Rule(e.Message!)}").OrderBy(s => s, System.StringComparer.Ordinal));
        Assert.Equal(2, task.Findings.Length);
    }

    [Fact]
    public void A_directory_baselines_import_directories_may_be_relative_carry_a_virtual_prefix_and_come_as_one_list()
    {
        // protoc's prefix=dir: vendor/money/money.proto is known as acme/common/money.proto. Relative to the project.
        using var project = new TempDirectory();
        project.Write("baseline/" + Logical, V1.Replace("\n\nmessage", "\n\nimport \"acme/common/money.proto\";\n\nmessage", System.StringComparison.Ordinal));
        project.Write("vendor/money/money.proto", "syntax = \"proto3\";\npackage acme.common;\nmessage Money {}\n");
        string set = Compile(project, V2);

        ProtoGenCheckBreaking task = Check(project, set, "baseline");
        task.ProtocPath = GrpcToolsProtoc.FullPath;
        // One item holding the whole ';' list, as $(_ProtoGenBaselineImportDirs) (a task's output, escaped) reaches the task.
        task.ImportDirectories = [new Microsoft.Build.Utilities.TaskItem("acme/common=vendor/money%3B" + GrpcToolsProtoc.StandardImports)];
        task.IntermediateDirectory = "obj";
        task.TimeoutSeconds = 0;
        (bool ok, MockEngine engine) = Run(task);

        Assert.False(ok);
        Assert.Equal(
            ["PGB3002 protos/v1/ledger.proto(6,3) FIELD_SAME_TYPE"],
            engine.Errors.Select(e => $"{e.Code} {e.File}({e.LineNumber},{e.ColumnNumber}) {(e.Code == "PGB3002" ? Rule(e.Message!) : e.Message)}"));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("", true)]
    [InlineData("option csharp_namespace = \"Own.Ledger\";\n", false)]
    [InlineData("option csharp_namespace = \"Own.Ledger\";\n", true)]
    public void A_directory_baseline_of_a_staged_proto_gets_the_namespace_of_its_staged_copy(string ownOption, bool overrides)
    {
        using var project = new TempDirectory();
        string written = V1.Replace("\nmessage", "\n" + ownOption + "message", System.StringComparison.Ordinal);
        project.Write("baseline/" + Logical, written);
        // The current side is the staged copy: the mapped namespace where the proto has none of its own or the rule overrides it.
        bool mapped = overrides || ownOption.Length == 0;
        string set = Compile(project, mapped ? V1.Replace("\nmessage", "\noption csharp_namespace = \"Contoso.Ledger.V1\";\nmessage", System.StringComparison.Ordinal) : written);

        ProtoGenCheckBreaking Task(params (string, string)[] staging)
        {
            ProtoGenCheckBreaking task = Check(project, set, "baseline");
            task.CurrentProtos = [new FakeTaskItem(Spec, project[Spec], project["app.csproj"], [("ProtoGenLogicalPath", Logical), .. staging])];
            task.ProtocPath = GrpcToolsProtoc.FullPath;
            task.IntermediateDirectory = "obj";
            task.Rules = "FILE;CSHARP";
            return task;
        }

        (bool ok, MockEngine engine) = Run(Task(("ProtoGenNamespace", "Contoso.Ledger.V1"), ("ProtoGenNamespaceOverride", overrides ? "true" : "false")));
        Assert.True(ok, engine.Describe());
        Assert.Empty(engine.Errors);

        // Without the staging's namespace, the same baseline differs wherever the copy got one.
        MockEngine unmapped = Run(Task()).Engine;
        Assert.Equal(mapped ? "FILE_SAME_CSHARP_NAMESPACE" : string.Empty, string.Join(" ", unmapped.Errors.Select(e => Rule(e.Message!)).Where(r => r.StartsWith("FILE_", System.StringComparison.Ordinal))));
    }

    [Fact]
    public void A_check_with_no_baseline_is_PGB3111_naming_the_property()
    {
        using var project = new TempDirectory();
        (bool ok, MockEngine engine) = Run(Check(project, Compile(project, V1), string.Empty));

        Assert.False(ok);
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("PGB3111", error.Code);
        Assert.Contains("ProtoGenBreakingAgainst", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_protoc_error_in_a_baseline_directory_is_reported_at_its_file_and_line()
    {
        using var project = new TempDirectory();
        project.Write("baseline/a.proto", "syntax = \"proto3\";\nmessage A {\n  int32 a = 1\n}\n");
        ProtoGenCheckBreaking task = Check(project, Compile(project, V1), "baseline");
        task.ProtocPath = GrpcToolsProtoc.FullPath;
        task.IntermediateDirectory = "obj";

        (bool ok, MockEngine engine) = Run(task);

        Assert.False(ok);
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal(("PGB3107", project["baseline/a.proto"], 4), (error.Code, error.File, error.LineNumber));
    }

    [Fact]
    public void Severity_warning_downgrades_findings()
    {
        using var project = new TempDirectory();
        File.WriteAllBytes(project[BaselineFile.DefaultFileName], BaselineFile.Create(Set(Compile(project, V1)), _ => true));
        ProtoGenCheckBreaking task = Check(project, Compile(project, V2), BaselineFile.DefaultFileName);
        task.Severity = "warning";

        (bool ok, MockEngine engine) = Run(task);

        Assert.True(ok);
        Assert.Empty(engine.Errors);
        Assert.Equal("PGB3002", Assert.Single(engine.Warnings).Code);
    }

    [Fact]
    public void Rules_and_buf_yaml_are_honoured_and_a_broken_buf_yaml_stops_the_check_at_its_line()
    {
        using var project = new TempDirectory();
        File.WriteAllBytes(project[BaselineFile.DefaultFileName], BaselineFile.Create(Set(Compile(project, V1)), _ => true));
        string set = Compile(project, V2);

        ProtoGenCheckBreaking wire = Check(project, set, BaselineFile.DefaultFileName);
        wire.Rules = "WIRE;CSHARP";
        (bool ok, MockEngine engine) = Run(wire);
        Assert.False(ok);
        Assert.Equal(["CSHARP_PROPERTY_SAME_TYPE", "FIELD_WIRE_COMPATIBLE_TYPE"], wire.Findings.Select(f => f.GetMetadata("Rule")).OrderBy(r => r, System.StringComparer.Ordinal));

        project.Write("buf.yaml", "version: v1\nbreaking:\n  use: [FILE]\n  except:\n    - FIELD_SAME_TYPE\n");
        ProtoGenCheckBreaking configured = Check(project, set, BaselineFile.DefaultFileName);
        configured.BufConfigFiles = [new Microsoft.Build.Utilities.TaskItem("buf.yaml")];
        (ok, engine) = Run(configured);
        Assert.True(ok, engine.Describe());

        project.Write("buf.yaml", "version: v1\nbreaking:\n  use: [FILE\n");
        (ok, engine) = Run(configured);
        Assert.False(ok);
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal(("PGB3101", project["buf.yaml"], 4), (error.Code, error.File, error.LineNumber));
    }

    [Theory]
    [InlineData("missing", "PGB3103")]
    [InlineData("broken", "PGB3103")]
    [InlineData("plain", "PGB3104")]
    [InlineData("other-version", "PGB3104")]
    [InlineData("Acme.Protos@1.2.0", "PGB3111")]
    public void A_baseline_that_cannot_be_used_is_a_coded_error_naming_it(string kind, string code)
    {
        using var project = new TempDirectory();
        string set = Compile(project, V1);
        string against = kind;
        switch (kind)
        {
            case "broken":
                File.WriteAllBytes(project["broken"], [0xFF, 0xFF, 0xFF, 0x07]);
                break;
            case "plain":
                File.Copy(set, project["plain"]);
                break;
            case "other-version":
                File.WriteAllBytes(project["other-version"], [.. File.ReadAllBytes(set), .. Marker(1, "0.0.1")]);
                break;
        }

        (bool ok, MockEngine engine) = Run(Check(project, set, against));

        Assert.False(ok);
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal(code, error.Code);
        Assert.Contains(against, error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_workspace_proto_missing_from_the_descriptor_set_and_a_bad_severity_are_coded_errors()
    {
        using var project = new TempDirectory();
        string set = Compile(project, V1);
        File.WriteAllBytes(project[BaselineFile.DefaultFileName], BaselineFile.Create(Set(set), _ => true));

        ProtoGenCheckBreaking missing = Check(project, set, BaselineFile.DefaultFileName);
        missing.CurrentProtos = [.. missing.CurrentProtos, new FakeTaskItem("protos/other.proto", project["protos/other.proto"], project["app.csproj"], ("ProtoGenLogicalPath", "acme/other.proto"))];
        Assert.Equal(("PGB3106", "protos/other.proto"), Run(missing).Engine.Errors.Select(e => (e.Code, e.File)).Single());

        ProtoGenCheckBreaking severity = Check(project, set, BaselineFile.DefaultFileName);
        severity.Severity = "fatal";
        Assert.Equal("PGB3111", Assert.Single(Run(severity).Engine.Errors).Code);
    }

    [Fact]
    public void The_baseline_keeps_only_the_workspace_protos_with_source_info_and_is_rewritten_only_on_change()
    {
        using var project = new TempDirectory();
        project.Write("protos/common.proto", "syntax = \"proto3\";\npackage acme.common;\nmessage Money {}\n");
        project.Write("protos/v1/ledger.proto", "syntax = \"proto3\";\npackage acme.ledger.v1;\nimport \"common.proto\";\nmessage Entry {\n  acme.common.Money amount = 1;\n}\n");
        string set = project["current.protoset"];
        GrpcToolsProtoc.Run("--include_imports", "--include_source_info", "--descriptor_set_out=" + set, "-I" + project["protos"], "v1/ledger.proto");
        var item = new FakeTaskItem("protos/v1/ledger.proto", project["protos/v1/ledger.proto"], project["app.csproj"], ("ProtoRoot", "protos"));
        var task = new ProtoGenWriteBaseline { CurrentDescriptorSets = [new Microsoft.Build.Utilities.TaskItem(set)], CurrentProtos = [item], OutputFile = "out/" + BaselineFile.DefaultFileName, ProjectDirectory = project.Path };

        Assert.True(Run(task).Result);
        var diagnostics = new System.Collections.Generic.List<ProtoGen.Build.Diagnostics.BuildDiagnostic>();
        FileDescriptorSet baseline = BaselineFile.Read(project["out/" + BaselineFile.DefaultFileName], diagnostics.Add)!;
        Assert.Empty(diagnostics);
        FileDescriptorProto file = Assert.Single(baseline.File);
        Assert.Equal("v1/ledger.proto", file.Name);
        Assert.NotEmpty(file.SourceCodeInfo.Location);

        System.DateTime written = File.GetLastWriteTimeUtc(project["out/" + BaselineFile.DefaultFileName]);
        File.SetLastWriteTimeUtc(project["out/" + BaselineFile.DefaultFileName], written.AddMinutes(-5));
        Assert.True(Run(task).Result);
        Assert.Equal(written.AddMinutes(-5), File.GetLastWriteTimeUtc(project["out/" + BaselineFile.DefaultFileName]));
    }

    [Fact]
    public void Several_descriptor_sets_make_one_workspace_and_a_set_without_source_info_is_a_warning()
    {
        using var project = new TempDirectory();
        string ledger = Compile(project, V1);
        File.WriteAllBytes(project[BaselineFile.DefaultFileName], BaselineFile.Create(Set(ledger), _ => true));
        project.Write("protos/v1/notes.proto", "syntax = \"proto3\";\npackage acme.ledger.v1;\nimport \"acme/ledger/v1/ledger.proto\";\nmessage Note {\n  Entry entry = 1;\n}\n");
        string notes = project["obj/notes.protoset"];
        GrpcToolsProtoc.Run("--include_imports", "--descriptor_set_out=" + notes, "-Iacme/ledger/v1=" + project["protos/v1"], "acme/ledger/v1/notes.proto");

        ProtoGenCheckBreaking task = Check(project, ledger, BaselineFile.DefaultFileName);
        task.CurrentDescriptorSets = [new Microsoft.Build.Utilities.TaskItem(notes), new Microsoft.Build.Utilities.TaskItem(ledger)];
        task.CurrentProtos = [Item(project), new FakeTaskItem("protos/v1/notes.proto", project["protos/v1/notes.proto"], project["app.csproj"], ("ProtoGenLogicalPath", "acme/ledger/v1/notes.proto"))];
        (bool ok, MockEngine engine) = Run(task);

        Assert.True(ok, engine.Describe());
        BuildWarningEventArgs warning = Assert.Single(engine.Warnings);
        Assert.Equal("PGB3114", warning.Code);
        Assert.StartsWith("1 workspace proto(s) have no source info", warning.Message, System.StringComparison.Ordinal);
    }

    private static string Compile(TempDirectory project, string text)
    {
        project.Write(Spec, text);
        string set = project["obj/current.protoset"];
        Directory.CreateDirectory(project["obj"]);
        GrpcToolsProtoc.Run("--include_imports", "--include_source_info", "--descriptor_set_out=" + set, "-Iacme/ledger/v1=" + project["protos/v1"], Logical);
        return set;
    }

    private static string Rule(string message) => message[(message.LastIndexOf('[') + 1)..^1];

    private static FileDescriptorSet Set(string path) => FileDescriptorSet.Parser.ParseFrom(File.ReadAllBytes(path));

    private static FakeTaskItem Item(TempDirectory project) =>
        new(Spec, project[Spec], project["app.csproj"], ("ProtoGenLogicalPath", Logical));

    [Theory]
    [InlineData("Acme.Missing@1.0.0", "PGB3103", "Baseline package Acme.Missing 1.0.0 is not in the NuGet packages folder")]
    [InlineData("Acme.Bare@1.0.0", "PGB3115", "Baseline package Acme.Bare 1.0.0 ships no protos")]
    public void A_package_baseline_not_restored_or_without_protos_is_a_coded_error_naming_it(string against, string code, string message)
    {
        using var project = new TempDirectory();
        string set = Compile(project, V1);
        project.Write("packages/acme.bare/1.0.0/lib/netstandard2.0/_._", string.Empty);
        ProtoGenCheckBreaking task = Check(project, set, against);
        task.PackageRoot = project["packages"];

        (bool ok, MockEngine engine) = Run(task);

        Assert.False(ok);
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal(code, error.Code);
        Assert.StartsWith(message, error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_baseline_is_its_protos_folder_compared_as_a_directory()
    {
        using var project = new TempDirectory();
        string set = Compile(project, V1);
        project.Write("packages/acme.protos/1.2.0/protos/" + Logical, V1.Replace("int64", "string", System.StringComparison.Ordinal));
        ProtoGenCheckBreaking task = Check(project, set, "Acme.Protos@1.2.0");
        task.PackageRoot = project["packages"];
        task.ProtocPath = GrpcToolsProtoc.FullPath;
        task.ImportDirectories = [new Microsoft.Build.Utilities.TaskItem(GrpcToolsProtoc.StandardImports)];

        (bool ok, MockEngine engine) = Run(task);

        Assert.False(ok, engine.Describe());
        Assert.Contains(engine.Errors, e => e.Message!.EndsWith("[FIELD_SAME_TYPE]", System.StringComparison.Ordinal));
    }

    private static ProtoGenCheckBreaking Check(TempDirectory project, string set, string against) =>
        new() { CurrentDescriptorSets = [new Microsoft.Build.Utilities.TaskItem(set)], CurrentProtos = [Item(project)], Against = against, ProjectDirectory = project.Path };

    private static (bool Result, MockEngine Engine) Run(Microsoft.Build.Utilities.Task task)
    {
        var engine = new MockEngine();
        task.BuildEngine = engine;
        return (task.Execute(), engine);
    }

    /// <summary>A ProtoGen marker as another version of ProtoGen would write it.</summary>
    private static byte[] Marker(int format, string version)
    {
        var inner = new System.IO.MemoryStream();
        using (var output = new CodedOutputStream(inner, leaveOpen: true))
        {
            output.WriteTag(1, WireFormat.WireType.Varint);
            output.WriteInt32(format);
            output.WriteTag(2, WireFormat.WireType.LengthDelimited);
            output.WriteString(version);
        }

        var outer = new System.IO.MemoryStream();
        using (var output = new CodedOutputStream(outer, leaveOpen: true))
        {
            output.WriteTag(BaselineFile.MarkerField, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(inner.ToArray()));
        }

        return outer.ToArray();
    }
}
