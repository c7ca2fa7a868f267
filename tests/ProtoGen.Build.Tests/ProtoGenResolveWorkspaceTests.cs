using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Tasks;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Build.Tests;

public sealed class ProtoGenResolveWorkspaceTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly MockEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    private string StageDirectory => _temp["obj/protogen/stage"];

    private string PlanFile => _temp["obj/protogen/workspace.plan"];

    private string CachePath => _temp["obj/protogen/protos.cache"];

    private ProtoGenResolveWorkspace Task(ITaskItem[] protobuf, ITaskItem[]? rules = null) => new()
    {
        BuildEngine = _engine,
        Protobuf = protobuf,
        NamespaceRules = rules ?? [],
        ProjectDirectory = _temp.Path,
        StageDirectory = StageDirectory,
        PlanFile = PlanFile,
        CachePath = CachePath,
    };

    private FakeTaskItem Proto(string relative, params (string Name, string Value)[] metadata) => Proto(relative, "syntax = \"proto3\";\n", metadata);

    /// <summary>An item as the engine hands it over: the spec as written (relative to the project), its full path.</summary>
    private FakeTaskItem Proto(string relative, string text, params (string Name, string Value)[] metadata) =>
        new(relative, _temp.Write(relative, text), _temp["App.csproj"], metadata);

    [Fact]
    public void Without_mapping_metadata_an_item_is_compiled_as_written_and_known_by_its_path_under_its_root()
    {
        FakeTaskItem original = Proto("protos/a/x.proto", "syntax = \"proto3\";\npackage a.b;\nservice Greeter {}\nservice Other {}\n", ("ProtoRoot", "protos"), ("GrpcServices", "Both"));
        ProtoGenResolveWorkspace task = Task([original]);

        Assert.True(task.Execute(), _engine.Describe());

        ITaskItem item = Assert.Single(task.CompileProtobuf);
        Assert.Equal("protos/a/x.proto", item.ItemSpec);
        Assert.Equal("protos", item.GetMetadata("ProtoRoot"));
        Assert.Equal("protos/a/x.proto", item.GetMetadata("Source"));
        Assert.Equal("a/x.proto", item.GetMetadata("ProtoGenLogicalPath"));
        Assert.Equal(_temp["protos/a/x.proto"], item.GetMetadata("ProtoGenOriginalPath"));
        Assert.Equal("a.b", item.GetMetadata("ProtoGenPackage"));
        Assert.Equal("Greeter Other", item.GetMetadata("ProtoGenServices"));
        Assert.Equal("Both", item.GetMetadata("GrpcServices"));
        Assert.Equal(string.Empty, item.GetMetadata("AdditionalImportDirs"));
        Assert.Empty(task.StagedProtobuf);
        Assert.Equal(_temp["protos"], task.ImportDirs);
        Assert.Equal("# ProtoGen workspace plan v2\nimport\t" + _temp["protos"] + "\n", File.ReadAllText(PlanFile));
        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
    }

    [Fact]
    public void A_prefixed_item_whose_namespace_changes_is_compiled_from_its_staged_copy()
    {
        FakeTaskItem original = Proto("protos/v1/ledger.proto", ("ProtoRoot", "protos"), ("ImportPrefix", "acme/payments"), ("GrpcServices", "Server"), ("AdditionalImportDirs", "extra"));
        _temp.Write("extra/unused.proto", "syntax = \"proto3\";\n");
        ProtoGenResolveWorkspace task = Task([original]);

        Assert.True(task.Execute(), _engine.Describe());

        string stagedPath = Path.Combine(StageDirectory, "acme", "payments", "v1", "ledger.proto");
        Assert.Equal(StageDirectory + ";acme/payments=" + _temp["protos"], task.ImportDirs);

        ITaskItem compiled = Assert.Single(task.CompileProtobuf);
        Assert.Equal(stagedPath, compiled.ItemSpec);
        Assert.Equal(StageDirectory, compiled.GetMetadata("ProtoRoot"));
        Assert.Equal(stagedPath, compiled.GetMetadata("Source"));
        Assert.Equal("protos", compiled.GetMetadata("ProtoGenOriginalProtoRoot"));
        Assert.Equal("extra", compiled.GetMetadata("AdditionalImportDirs")); // ProtoGen builds the protoc list itself
        Assert.Equal(original.ItemSpec, compiled.GetMetadata("ProtoGenOriginalItemSpec"));
        Assert.Equal("acme/payments/v1/ledger.proto", compiled.GetMetadata("ProtoGenLogicalPath"));
        Assert.Equal("Server", compiled.GetMetadata("GrpcServices"));

        ITaskItem staged = Assert.Single(task.StagedProtobuf);
        Assert.Equal(stagedPath, staged.ItemSpec);
        Assert.Equal(_temp["protos/v1/ledger.proto"], staged.GetMetadata("ProtoGenOriginalPath"));
        Assert.Equal("Acme.Payments.V1", staged.GetMetadata("ProtoGenNamespace"));
        Assert.Equal("false", staged.GetMetadata("ProtoGenNamespaceOverride"));
        Assert.Equal([_temp["protos/v1/ledger.proto"]], task.StagedOriginals.Select(i => i.ItemSpec));
        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public void A_prefixed_item_whose_namespace_stays_is_compiled_in_place_and_predicted_at_its_logical_path()
    {
        FakeTaskItem original = Proto("protos/v1/ledger.proto", "syntax = \"proto3\";\npackage acme.payments.v1;\n", ("ProtoRoot", "protos"), ("ImportPrefix", "acme/payments"));
        ProtoGenResolveWorkspace task = Task([original]);

        Assert.True(task.Execute(), _engine.Describe());

        ITaskItem compiled = Assert.Single(task.CompileProtobuf);
        Assert.Equal(Path.Combine(StageDirectory, "acme", "payments", "v1", "ledger.proto"), compiled.ItemSpec);
        Assert.Equal(StageDirectory, compiled.GetMetadata("ProtoRoot"));
        Assert.Equal("protos/v1/ledger.proto", compiled.GetMetadata("Source")); // protoc reads the original
        Assert.Empty(task.StagedProtobuf);
        Assert.Equal("acme/payments=" + _temp["protos"], task.ImportDirs);
    }

    [Fact]
    public void When_Grpc_Tools_compiles_every_item_searches_the_workspace_first()
    {
        FakeTaskItem mapped = Proto("protos/v1/ledger.proto", "syntax = \"proto3\";\npackage acme.payments.v1;\n", ("ProtoRoot", "protos"), ("ImportPrefix", "acme/payments"));
        FakeTaskItem plain = Proto("other/x.proto", ("ProtoRoot", "other"), ("AdditionalImportDirs", "extra"));
        _temp.Write("extra/unused.proto", "syntax = \"proto3\";\n");
        ProtoGenResolveWorkspace task = Task([mapped, plain]);
        task.GrpcToolsCompiles = true;

        Assert.True(task.Execute(), _engine.Describe());

        string stagedPath = Path.Combine(StageDirectory, "acme", "payments", "v1", "ledger.proto");
        string workspace = StageDirectory + ";acme/payments=" + _temp["protos"] + ";" + _temp["other"];
        Assert.Equal(workspace, task.ImportDirs);
        Assert.Equal([stagedPath, "other/x.proto"], task.CompileProtobuf.Select(i => i.ItemSpec));
        Assert.Equal(workspace, task.CompileProtobuf[0].GetMetadata("AdditionalImportDirs"));
        // Its own root is left to Grpc.Tools (its ProtoRoot, as written): given twice, protoc would call the proto shadowed.
        Assert.Equal(StageDirectory + ";acme/payments=" + _temp["protos"] + ";extra", task.CompileProtobuf[1].GetMetadata("AdditionalImportDirs"));
        Assert.Equal(stagedPath, Assert.Single(task.StagedProtobuf).ItemSpec);
    }

    [Fact]
    public void An_import_only_item_is_in_the_workspace_but_not_compiled()
    {
        ProtoGenResolveWorkspace task = Task([Proto("a/x.proto", ("ProtoRoot", "a")), Proto("b/y.proto", ("ProtoRoot", "b"), ("ProtoCompile", "False"))]);
        Assert.True(task.Execute(), _engine.Describe());
        Assert.Equal(["a/x.proto"], task.CompileProtobuf.Select(i => i.ItemSpec));
        Assert.Equal(_temp["a"] + ";" + _temp["b"], task.ImportDirs);
    }

    [Fact]
    public void A_rule_maps_items_without_prefix_and_only_those_under_it()
    {
        var rule = new TaskItem("acme/payments");
        rule.SetMetadata("Namespace", "Contoso.Payments");
        rule.SetMetadata("Override", "True");
        FakeTaskItem under = Proto("protos/acme/payments/v1/ledger.proto", ("ProtoRoot", "protos"));
        FakeTaskItem other = Proto("protos/other/x.proto", ("ProtoRoot", "protos"));
        ProtoGenResolveWorkspace task = Task([under, other], [rule]);

        Assert.True(task.Execute(), _engine.Describe());

        ITaskItem staged = Assert.Single(task.StagedProtobuf);
        Assert.Equal(Path.Combine(StageDirectory, "acme", "payments", "v1", "ledger.proto"), staged.ItemSpec);
        Assert.Equal("Contoso.Payments.V1", staged.GetMetadata("ProtoGenNamespace"));
        Assert.Equal("true", staged.GetMetadata("ProtoGenNamespaceOverride"));
        Assert.Equal(StageDirectory + ";" + _temp["protos"], task.ImportDirs);
        Assert.Equal("protos/other/x.proto", task.CompileProtobuf[1].ItemSpec);
    }

    [Fact]
    public void A_rule_that_matches_no_item_puts_no_stage_among_the_import_dirs()
    {
        var rule = new TaskItem("other");
        rule.SetMetadata("Namespace", "Other");
        ProtoGenResolveWorkspace task = Task([Proto("protos/acme/x.proto", ("ProtoRoot", "protos"))], [rule]);

        Assert.True(task.Execute(), _engine.Describe());

        Assert.Empty(task.StagedProtobuf);
        Assert.Equal(_temp["protos"], task.ImportDirs);
    }

    [Fact]
    public void The_summaries_of_protos_are_cached_by_write_time()
    {
        FakeTaskItem item = Proto("protos/x.proto", "syntax = \"proto3\";\npackage first;\n", ("ProtoRoot", "protos"));
        Assert.True(Task([item]).Execute(), _engine.Describe());
        Assert.Contains("\tfirst\t", File.ReadAllText(CachePath), StringComparison.Ordinal);

        // Same write time: the cached summary is used, the file is not read again.
        DateTime time = File.GetLastWriteTimeUtc(_temp["protos/x.proto"]);
        File.WriteAllText(_temp["protos/x.proto"], "syntax = \"proto3\";\npackage second;\n");
        File.SetLastWriteTimeUtc(_temp["protos/x.proto"], time);
        ProtoGenResolveWorkspace cached = Task([item]);
        Assert.True(cached.Execute(), _engine.Describe());
        Assert.Equal("first", cached.CompileProtobuf[0].GetMetadata("ProtoGenPackage"));

        File.SetLastWriteTimeUtc(_temp["protos/x.proto"], time.AddMinutes(1));
        ProtoGenResolveWorkspace rescanned = Task([item]);
        Assert.True(rescanned.Execute(), _engine.Describe());
        Assert.Equal("second", rescanned.CompileProtobuf[0].GetMetadata("ProtoGenPackage"));
    }

    [Fact]
    public void A_relative_ProtoRoot_is_resolved_against_the_project_directory_not_the_current_one()
    {
        Assert.NotEqual(_temp.Path, Directory.GetCurrentDirectory());
        ProtoGenResolveWorkspace task = Task([Proto("protos/v1/x.proto", ("ProtoRoot", "protos/"), ("ImportPrefix", "p"))]);
        Assert.True(task.Execute(), _engine.Describe());
        Assert.Equal("p/v1/x.proto", Assert.Single(task.CompileProtobuf).GetMetadata("ProtoGenLogicalPath"));
    }

    [Fact]
    public void Without_ProtoRoot_the_file_directory_is_the_root()
    {
        ProtoGenResolveWorkspace task = Task([Proto("protos/v1/x.proto", ("CSharpNamespace", "Explicit"))]);
        Assert.True(task.Execute(), _engine.Describe());
        ITaskItem staged = Assert.Single(task.StagedProtobuf);
        Assert.Equal("x.proto", staged.GetMetadata("ProtoGenLogicalPath"));
        Assert.Equal("Explicit", staged.GetMetadata("ProtoGenNamespace"));
        Assert.Equal("true", staged.GetMetadata("ProtoGenNamespaceOverride"));
    }

    [Fact]
    public void The_plan_file_is_rewritten_only_when_the_plan_changes()
    {
        FakeTaskItem item = Proto("protos/v1/x.proto", ("ProtoRoot", "protos"), ("ImportPrefix", "acme"));
        Assert.True(Task([item]).Execute(), _engine.Describe());
        string first = File.ReadAllText(PlanFile);
        Assert.StartsWith("# ProtoGen workspace plan v2\n", first, StringComparison.Ordinal);
        Assert.Contains("stage\tacme/v1/x.proto\t" + _temp["protos/v1/x.proto"] + "\t" + Path.Combine(StageDirectory, "acme", "v1", "x.proto") + "\tAcme.V1\tkeep\n", first, StringComparison.Ordinal);

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
        ProtoGenResolveWorkspace task = Task([item]);

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1003", error.Code);
        Assert.Equal(project, error.File);
        Assert.Equal(3, error.LineNumber);
        Assert.Equal(62, error.ColumnNumber);
        Assert.Equal("https://github.com/protogen-dotnet/protogen/blob/main/docs/diagnostics.md#pgb1003", error.HelpLink);
        Assert.Contains("'../bad'", error.Message, StringComparison.Ordinal);
        Assert.Empty(task.StagedProtobuf);
        Assert.Empty(task.CompileProtobuf);
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
        ProtoGenResolveWorkspace task = Task([rooted]);
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
        ProtoGenResolveWorkspace task = Task([Proto("protos/acme/x.proto", ("ProtoRoot", "protos"))], [rule]);

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1004", error.Code);
        Assert.Equal(project, error.File);
        Assert.Equal((3, 36), (error.LineNumber, error.ColumnNumber));
    }

    [Fact]
    public void The_import_directory_lists_are_made_once_the_baselines_with_all_but_the_projects_own_roots()
    {
        Directory.CreateDirectory(_temp["extra"]);
        Directory.CreateDirectory(_temp["vendor"]);
        Directory.CreateDirectory(_temp["std"]);
        Directory.CreateDirectory(_temp["lib/deps"]);
        ProtoGenResolveWorkspace task = Task(
        [
            Proto("protos/a.proto", ("ProtoRoot", "protos"), ("AdditionalImportDirs", "extra;v=vendor")),
            Proto("protos/b.proto", ("ProtoRoot", "protos"), ("AdditionalImportDirs", "extra")),
        ]);
        task.StandardImportsPath = "std";
        task.ReferencedProtobuf =
        [
            new FakeTaskItem(_temp["lib/protos/common.proto"], _temp.Write("lib/protos/common.proto", "syntax = \"proto3\";\n"), _temp["lib/Lib.csproj"],
                ("ProtoRoot", _temp["lib/protos"]), ("ImportPrefix", "acme/lib"), ("MSBuildSourceProjectFile", _temp["lib/Lib.csproj"])),
            new FakeTaskItem(_temp["lib/deps"], _temp["lib/deps"], _temp["lib/Lib.csproj"],
                ("ProtoGenImportDirectory", _temp["lib/deps"]), ("MSBuildSourceProjectFile", _temp["lib/Lib.csproj"])),
        ];

        Assert.True(task.Execute(), _engine.Describe());

        Assert.Equal(string.Join(";", _temp["std"], _temp["lib/deps"]), task.StandardImportDirs);
        Assert.Equal(string.Join(";", "acme/lib=" + _temp["lib/protos"], _temp["extra"], "v=" + _temp["vendor"], _temp["std"], _temp["lib/deps"]), task.BaselineImportDirs);
        Assert.DoesNotContain(_temp["protos"], task.BaselineImportDirs.Split(';')); // The baseline stands for the project's own root.
    }

    [Fact]
    public void A_plan_file_that_cannot_be_written_is_PGB1010_not_an_exception()
    {
        Directory.CreateDirectory(PlanFile); // A folder where the plan goes.
        ProtoGenResolveWorkspace task = Task([Proto("protos/a.proto", ("ProtoRoot", "protos"))]);

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1010", error.Code);
        Assert.Equal(PlanFile, error.File);
    }
}
