using System;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Tasks;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Build.Tests;

public sealed class ProtoGenMapProtobufTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly MockEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    private string StageDirectory => _temp["obj/protogen/stage"];

    private string PlanFile => _temp["obj/protogen/mapping.plan"];

    private ProtoGenMapProtobuf Task(ITaskItem[] protobuf, ITaskItem[]? rules = null) => new()
    {
        BuildEngine = _engine,
        Protobuf = protobuf,
        NamespaceRules = rules ?? [],
        ProjectDirectory = _temp.Path,
        StageDirectory = StageDirectory,
        PlanFile = PlanFile,
    };

    private TaskItem Proto(string relative, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(_temp.Write(relative, "syntax = \"proto3\";\n"));
        foreach ((string name, string value) in metadata)
        {
            item.SetMetadata(name, value);
        }

        return item;
    }

    [Fact]
    public void Without_mapping_metadata_nothing_is_mapped_and_no_file_is_written()
    {
        ProtoGenMapProtobuf task = Task([Proto("protos/a/x.proto", ("ProtoRoot", "protos"), ("GrpcServices", "Both"))]);
        Assert.True(task.Execute());
        Assert.Empty(task.MappedProtobuf);
        Assert.Empty(task.StagedProtobuf);
        Assert.Equal(string.Empty, task.ImportDirs);
        Assert.False(File.Exists(PlanFile));
        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
    }

    [Fact]
    public void A_prefixed_item_becomes_a_staged_item()
    {
        TaskItem original = Proto("protos/v1/ledger.proto", ("ProtoRoot", "protos"), ("ImportPrefix", "acme/payments"), ("GrpcServices", "Server"), ("AdditionalImportDirs", "extra"));
        ProtoGenMapProtobuf task = Task([original]);

        Assert.True(task.Execute(), _engine.Describe());

        Assert.Same(original, Assert.Single(task.MappedProtobuf));
        ITaskItem staged = Assert.Single(task.StagedProtobuf);
        string stagedPath = Path.Combine(StageDirectory, "acme", "payments", "v1", "ledger.proto");
        string importDirs = StageDirectory + ";acme/payments=" + _temp["protos"];
        Assert.Equal(stagedPath, staged.ItemSpec);
        Assert.Equal(StageDirectory, staged.GetMetadata("ProtoRoot"));
        Assert.Equal(stagedPath, staged.GetMetadata("Source"));
        Assert.Equal(importDirs, task.ImportDirs);
        Assert.Equal(importDirs + ";extra", staged.GetMetadata("AdditionalImportDirs"));
        Assert.StartsWith(StageDirectory + ";", staged.GetMetadata("AdditionalImportDirs"), StringComparison.Ordinal);
        Assert.Equal(_temp["protos/v1/ledger.proto"], staged.GetMetadata("ProtoGenOriginalPath"));
        Assert.Equal(original.ItemSpec, staged.GetMetadata("ProtoGenOriginalItemSpec"));
        Assert.Equal("acme/payments/v1/ledger.proto", staged.GetMetadata("ProtoGenLogicalPath"));
        Assert.Equal("Acme.Payments.V1", staged.GetMetadata("ProtoGenNamespace"));
        Assert.Equal("false", staged.GetMetadata("ProtoGenNamespaceOverride"));
        Assert.Equal("Server", staged.GetMetadata("GrpcServices"));
        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public void A_rule_maps_items_without_prefix_and_only_those_under_it()
    {
        var rule = new TaskItem("acme/payments");
        rule.SetMetadata("Namespace", "Contoso.Payments");
        rule.SetMetadata("Override", "True");
        TaskItem under = Proto("protos/acme/payments/v1/ledger.proto", ("ProtoRoot", "protos"));
        TaskItem other = Proto("protos/other/x.proto", ("ProtoRoot", "protos"));
        ProtoGenMapProtobuf task = Task([under, other], [rule]);

        Assert.True(task.Execute(), _engine.Describe());

        Assert.Same(under, Assert.Single(task.MappedProtobuf));
        ITaskItem staged = Assert.Single(task.StagedProtobuf);
        Assert.Equal("Contoso.Payments.V1", staged.GetMetadata("ProtoGenNamespace"));
        Assert.Equal("true", staged.GetMetadata("ProtoGenNamespaceOverride"));
        Assert.Equal(StageDirectory + ";" + _temp["protos"], task.ImportDirs);
    }

    // BUG (reported): ImportDirs is documented "empty when nothing is mapped", but with a rule that matches no item it
    // is the stage directory. _ProtoGen_ApplyMapping then puts the stage first on every compile while _ProtoGen_Stage
    // (no staged items) deletes no stale copy, so a copy left by an earlier mapping shadows its original and protoc
    // fails with 'Input is shadowed in the --proto_path by "<stage>/acme/x.proto"'.
    [Fact]
    public void A_rule_that_matches_no_item_adds_no_import_dirs()
    {
        var rule = new TaskItem("other");
        rule.SetMetadata("Namespace", "Other");
        ProtoGenMapProtobuf task = Task([Proto("protos/acme/x.proto", ("ProtoRoot", "protos"))], [rule]);

        Assert.True(task.Execute(), _engine.Describe());

        Assert.Empty(task.StagedProtobuf);
        Assert.Empty(task.MappedProtobuf);
        Assert.Equal(string.Empty, task.ImportDirs);
    }

    [Fact]
    public void A_relative_ProtoRoot_is_resolved_against_the_project_directory_not_the_current_one()
    {
        Assert.NotEqual(_temp.Path, Directory.GetCurrentDirectory());
        ProtoGenMapProtobuf task = Task([Proto("protos/v1/x.proto", ("ProtoRoot", "protos/"), ("ImportPrefix", "p"))]);
        Assert.True(task.Execute(), _engine.Describe());
        Assert.Equal("p/v1/x.proto", Assert.Single(task.StagedProtobuf).GetMetadata("ProtoGenLogicalPath"));
    }

    [Fact]
    public void Without_ProtoRoot_the_file_directory_is_the_root()
    {
        ProtoGenMapProtobuf task = Task([Proto("protos/v1/x.proto", ("CSharpNamespace", "Explicit"))]);
        Assert.True(task.Execute(), _engine.Describe());
        ITaskItem staged = Assert.Single(task.StagedProtobuf);
        Assert.Equal("x.proto", staged.GetMetadata("ProtoGenLogicalPath"));
        Assert.Equal("Explicit", staged.GetMetadata("ProtoGenNamespace"));
        Assert.Equal("true", staged.GetMetadata("ProtoGenNamespaceOverride"));
    }

    [Fact]
    public void The_plan_file_is_rewritten_only_when_the_plan_changes()
    {
        TaskItem item = Proto("protos/v1/x.proto", ("ProtoRoot", "protos"), ("ImportPrefix", "acme"));
        Assert.True(Task([item]).Execute(), _engine.Describe());
        string first = File.ReadAllText(PlanFile);
        Assert.StartsWith("# ProtoGen mapping plan v1\n", first, StringComparison.Ordinal);
        Assert.Contains("proto\tacme/v1/x.proto\t" + _temp["protos/v1/x.proto"] + "\tAcme.V1\tkeep\n", first, StringComparison.Ordinal);

        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(PlanFile, old);
        Assert.True(Task([item]).Execute(), _engine.Describe());
        Assert.Equal(old, File.GetLastWriteTimeUtc(PlanFile));

        item.SetMetadata("Override", "true");
        Assert.True(Task([item]).Execute(), _engine.Describe());
        Assert.NotEqual(old, File.GetLastWriteTimeUtc(PlanFile));
        Assert.Contains("\tAcme.V1\toverride\n", File.ReadAllText(PlanFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Utilities_TaskItem_refuses_DefiningProjectFullPath_so_tests_use_an_engine_like_item()
    {
        // Documents why FakeTaskItem exists: the engine's items carry DefiningProjectFullPath, TaskItem cannot.
        var item = new TaskItem("x.proto");
        Assert.Throws<ArgumentException>(() => item.SetMetadata("DefiningProjectFullPath", "/p/App.csproj"));
        Assert.Equal(string.Empty, item.GetMetadata("DefiningProjectFullPath"));
    }

    [Fact]
    public void An_error_fails_the_task_with_its_code_project_file_line_and_help_link()
    {
        string project = _temp.Write("App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <Protobuf Include="protos/**/*.proto" ProtoRoot="protos" ImportPrefix="../bad" />
              </ItemGroup>
            </Project>
            """);
        string proto = _temp.Write("protos/x.proto", "syntax = \"proto3\";\n");
        var item = new FakeTaskItem("protos/x.proto", proto, project, ("ProtoRoot", "protos"), ("ImportPrefix", "../bad"));
        ProtoGenMapProtobuf task = Task([item]);

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1003", error.Code);
        Assert.Equal(project, error.File);
        Assert.Equal(3, error.LineNumber);
        Assert.Equal(62, error.ColumnNumber);
        Assert.Equal("https://github.com/protogen-dotnet/protogen/blob/main/docs/diagnostics.md#pgb1003", error.HelpLink);
        Assert.Contains("'../bad'", error.Message, StringComparison.Ordinal);
        Assert.Empty(task.StagedProtobuf);
        Assert.Empty(task.MappedProtobuf);
        Assert.Equal(string.Empty, task.ImportDirs);
        Assert.False(File.Exists(PlanFile));
    }

    [Fact]
    public void An_error_takes_the_defining_project_from_SourceProtobuf_when_the_item_was_recreated()
    {
        string project = _temp.Write("App.csproj", "<Project>\n  <ItemGroup>\n    <Protobuf Include=\"protos/x.proto\" ImportPrefix=\"a//b\" />\n  </ItemGroup>\n</Project>\n");
        string proto = _temp.Write("protos/x.proto", "syntax = \"proto3\";\n");

        // Grpc.Tools re-creates the items in its targets: they come defined by its targets file, not the project.
        var rooted = new FakeTaskItem("protos/x.proto", proto, "/nuget/grpc.tools/build/_protobuf/Google.Protobuf.Tools.targets", ("ProtoRoot", "protos"), ("ImportPrefix", "a//b"));
        var source = new FakeTaskItem("protos/x.proto", proto, project, ("ImportPrefix", "a//b"));
        ProtoGenMapProtobuf task = Task([rooted]);
        task.SourceProtobuf = [source];

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1003", error.Code);
        Assert.Equal(project, error.File);
        Assert.Equal((3, 40), (error.LineNumber, error.ColumnNumber));
    }

    [Fact]
    public void A_rule_error_points_at_the_project_that_defines_the_rule()
    {
        string project = _temp.Write("Rules.props", "<Project>\n  <ItemGroup>\n    <ProtoNamespace Include=\"acme\" Namespace=\"Acme.int\" />\n  </ItemGroup>\n</Project>\n");
        var rule = new FakeTaskItem("acme", "acme", project, ("Namespace", "Acme.int"));
        ProtoGenMapProtobuf task = Task([Proto("protos/acme/x.proto", ("ProtoRoot", "protos"))], [rule]);

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1004", error.Code);
        Assert.Equal(project, error.File);
        Assert.Equal((3, 36), (error.LineNumber, error.ColumnNumber));
    }
}
