using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Protoc;
using ProtoGen.Build.Tasks;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Build.Tests;

/// <summary>
/// The workspace compile with the real protoc of the referenced Grpc.Tools package, in a temp project: the protos are
/// planned and staged by the workspace tasks first, as the targets do.
/// </summary>
public sealed class ProtoGenCompileTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly MockEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    private string StageDirectory => _temp["obj/protogen/stage"];

    private string Stamp => _temp["obj/protogen/check.stamp"];

    /// <summary>The planned workspace: what the compile task gets from the targets.</summary>
    private sealed record Workspace(ITaskItem[] Compile, ITaskItem[] Staged, string ImportDirs);

    /// <summary>
    /// Plans and stages <paramref name="items"/> (relative path, root, prefix), each with the gRPC plugin, as the targets
    /// do; returns the items to compile with the compiled file as ItemSpec and Source, as Grpc.Tools' prediction leaves them.
    /// </summary>
    private Workspace Plan(params (string Path, string Root, string Prefix)[] items)
    {
        var resolve = new ProtoGenResolveWorkspace
        {
            BuildEngine = _engine,
            Protobuf = [.. items.Select(i => new FakeTaskItem(i.Path, _temp[i.Path], _temp["App.csproj"], ("ProtoRoot", i.Root), ("ImportPrefix", i.Prefix)))],
            ProjectDirectory = _temp.Path,
            StageDirectory = StageDirectory,
        };
        Assert.True(resolve.Execute(), _engine.Describe());
        Assert.True(new ProtoGenStageProtobuf { BuildEngine = _engine, StagedProtobuf = resolve.StagedProtobuf, StageDirectory = StageDirectory, StampPath = _temp["obj/protogen/stage.stamp"] }.Execute(), _engine.Describe());
        ITaskItem[] compile = [.. resolve.CompileProtobuf.Select(planned =>
        {
            var item = new TaskItem(planned.GetMetadata("Source"));
            planned.CopyMetadataTo(item);
            item.SetMetadata("GrpcPluginExe", GrpcToolsProtoc.GrpcPlugin);
            return item;
        })];
        return new Workspace(compile, resolve.StagedProtobuf, resolve.ImportDirs);
    }

    private ProtoGenCompile Task(Workspace workspace, params (string Output, int Proto)[] outputs) => new()
    {
        BuildEngine = _engine,
        Protobuf = workspace.Compile,
        ExpectedOutputs = [.. outputs.Select(o => new TaskItem(o.Output, new Dictionary<string, string> { ["Source"] = workspace.Compile[o.Proto].ItemSpec }))],
        StagedProtobuf = workspace.Staged,
        WorkspaceImportDirs = workspace.ImportDirs,
        StandardImportsPath = GrpcToolsProtoc.StandardImports,
        ProtocPath = GrpcToolsProtoc.FullPath,
        DependencyDirectory = "obj/deps",
        IntermediateDirectory = "obj/",
        WorkDirectory = _temp["obj/protogen/gen"],
        ProjectDirectory = _temp.Path,
    };

    /// <summary>A check run (Grpc.Tools compiles): protoc parses and links the protos, writes the stamp on success.</summary>
    private ProtoGenCompile Check(Workspace workspace)
    {
        ProtoGenCompile task = Task(workspace);
        task.Generate = false;
        task.StampPath = Stamp;
        return task;
    }

    [Fact]
    public void Protos_of_several_roots_mapped_or_not_compile_in_one_run_importing_each_other_by_logical_path()
    {
        _temp.Write("third_party/pgv/validate/validate.proto", "syntax = \"proto3\";\npackage validate;\nmessage Rules { uint32 min_len = 1; }\n");
        _temp.Write("teams/common/v1/money.proto", "syntax = \"proto3\";\npackage acme.common.v1;\nmessage Money { int64 units = 1; }\n");
        _temp.Write("api/acme/api/v1/ledger.proto", """
            syntax = "proto3";
            package acme.api.v1;
            import "validate/validate.proto";
            import "acme/common/v1/money.proto";
            import "google/protobuf/timestamp.proto";
            message Entry { acme.common.v1.Money amount = 1; validate.Rules rules = 2; google.protobuf.Timestamp at = 3; }
            service Ledger { rpc Post (Entry) returns (Entry); }
            """);
        Workspace workspace = Plan(
            ("third_party/pgv/validate/validate.proto", "third_party/pgv", string.Empty),
            ("teams/common/v1/money.proto", "teams/common", "acme/common"),
            ("api/acme/api/v1/ledger.proto", "api", string.Empty));
        Assert.Empty(workspace.Staged); // acme.common.v1 gives Acme.Common.V1, what the prefix asks for: compiled in place.

        ProtoGenCompile task = Task(
            workspace,
            ("obj/validate/Validate.cs", 0), ("obj/validate/ValidateGrpc.cs", 0),
            ("obj/acme/common/v1/Money.cs", 1), ("obj/acme/common/v1/MoneyGrpc.cs", 1),
            ("obj/acme/api/v1/Ledger.cs", 2), ("obj/acme/api/v1/LedgerGrpc.cs", 2));
        Assert.True(task.Execute(), _engine.Describe());

        Assert.Single(_engine.Messages, m => m.Message!.StartsWith("ProtoGen: protoc run 1 of 1 compiles 3 proto(s): validate/validate.proto acme/common/v1/money.proto acme/api/v1/ledger.proto", StringComparison.Ordinal));
        Assert.Contains("global::Acme.Common.V1.Money Amount", File.ReadAllText(_temp["obj/acme/api/v1/Ledger.cs"]), StringComparison.Ordinal);
        Assert.Contains("class LedgerClient", File.ReadAllText(_temp["obj/acme/api/v1/LedgerGrpc.cs"]), StringComparison.Ordinal);
        Assert.Empty(File.ReadAllBytes(_temp["obj/validate/ValidateGrpc.cs"])); // No service: created empty under obj/, as Grpc.Tools does.
        Assert.Equal(6, task.Written.Length);
        Assert.Empty(task.ExpectedNotGenerated);

        // The dependency file lists the proto and every file it imports, relative to the project where they are under it.
        string deps = File.ReadAllText(DependencyFiles.PathFor(_temp["obj/deps"], "api/acme/api/v1/ledger.proto"));
        string[] inputs =
        [
            "api/acme/api/v1/ledger.proto",
            Path.Combine("third_party", "pgv", "validate", "validate.proto"),
            Path.Combine("teams", "common", "v1", "money.proto"),
            Path.Combine(GrpcToolsProtoc.StandardImports, "google", "protobuf", "timestamp.proto"),
        ];
        Assert.Equal(DependencyFiles.Format(["obj/acme/api/v1/Ledger.cs", "obj/acme/api/v1/LedgerGrpc.cs"], inputs), deps);

        // Grpc.Tools' own reader finds the same file under the same name, and the same inputs in it (but the proto itself).
        Assert.Equal(GrpcToolsDepFiles.FileName(_temp["obj/deps"], "api/acme/api/v1/ledger.proto"), DependencyFiles.PathFor(_temp["obj/deps"], "api/acme/api/v1/ledger.proto"));
        Assert.Equal(inputs[1..], GrpcToolsDepFiles.ReadInputs(_temp["obj/deps"], "api/acme/api/v1/ledger.proto", new TaskLoggingHelper(_engine, "Test")));
    }

    [Fact]
    public void A_staged_proto_compiles_from_its_copy_and_importers_see_its_namespace()
    {
        _temp.Write("teams/common/v1/money.proto", "syntax = \"proto3\";\npackage legacy.money;\nmessage Money { int64 units = 1; }\n");
        _temp.Write("app/app.proto", "syntax = \"proto3\";\npackage app;\nimport \"acme/common/v1/money.proto\";\nmessage Order { legacy.money.Money total = 1; }\n");
        Workspace workspace = Plan(("teams/common/v1/money.proto", "teams/common", "acme/common"), ("app/app.proto", "app", string.Empty));
        Assert.Single(workspace.Staged);

        Assert.True(Task(workspace, ("obj/acme/common/v1/Money.cs", 0), ("obj/App.cs", 1)).Execute(), _engine.Describe());

        Assert.Contains("namespace Acme.Common.V1 {", File.ReadAllText(_temp["obj/acme/common/v1/Money.cs"]), StringComparison.Ordinal);
        Assert.Contains("global::Acme.Common.V1.Money Total", File.ReadAllText(_temp["obj/App.cs"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Protos_with_one_file_name_share_a_run_and_other_options_go_to_another()
    {
        _temp.Write("a/v1/common.proto", "syntax = \"proto3\";\npackage a;\nmessage A {}\nservice SA { rpc Get(A) returns (A); }\n");
        _temp.Write("b/v1/common.proto", "syntax = \"proto3\";\npackage b;\nmessage B {}\nservice SB { rpc Get(B) returns (B); }\n");
        _temp.Write("c/other.proto", "syntax = \"proto3\";\npackage c;\nmessage C {}\n");
        Workspace workspace = Plan(("a/v1/common.proto", "a", "a"), ("b/v1/common.proto", "b", "b"), ("c/other.proto", "c", string.Empty));
        workspace.Compile[2].SetMetadata("Access", "Internal");
        workspace.Compile[2].SetMetadata("_OutputOptions", "internal_access");

        Assert.True(Task(workspace, ("obj/a/v1/Common.cs", 0), ("obj/a/v1/CommonGrpc.cs", 0), ("obj/b/v1/Common.cs", 1), ("obj/b/v1/CommonGrpc.cs", 1), ("obj/Other.cs", 2)).Execute(), _engine.Describe());

        Assert.Equal(
            ["ProtoGen: protoc run 1 of 2 compiles 2 proto(s): a/v1/common.proto b/v1/common.proto", "ProtoGen: protoc run 2 of 2 compiles 1 proto(s): other.proto"],
            _engine.Messages.Select(m => m.Message!).Where(m => m.Contains(" compiles ", StringComparison.Ordinal)));
        Assert.Contains("public sealed partial class A ", File.ReadAllText(_temp["obj/a/v1/Common.cs"]), StringComparison.Ordinal);
        Assert.Contains("public static partial class SA", File.ReadAllText(_temp["obj/a/v1/CommonGrpc.cs"]), StringComparison.Ordinal);
        Assert.Contains("public sealed partial class B ", File.ReadAllText(_temp["obj/b/v1/Common.cs"]), StringComparison.Ordinal);
        Assert.Contains("public static partial class SB", File.ReadAllText(_temp["obj/b/v1/CommonGrpc.cs"]), StringComparison.Ordinal);
        Assert.Contains("internal sealed partial class C", File.ReadAllText(_temp["obj/Other.cs"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Protos_with_one_file_name_in_one_namespace_go_to_other_runs()
    {
        _temp.Write("a/v1/common.proto", "syntax = \"proto3\";\npackage a;\noption csharp_namespace = \"Same\";\nmessage A {}\n");
        _temp.Write("b/v1/common.proto", "syntax = \"proto3\";\npackage b;\noption csharp_namespace = \"Same\";\nmessage B {}\n");
        Workspace workspace = Plan(("a/v1/common.proto", "a", "a"), ("b/v1/common.proto", "b", "b"));
        Assert.All(workspace.Compile, i => Assert.Equal("Same", i.GetMetadata("ProtoGenCSharpNamespace")));

        Assert.True(Task(workspace, ("obj/a/v1/Common.cs", 0), ("obj/b/v1/Common.cs", 1)).Execute(), _engine.Describe());

        Assert.Equal(2, _engine.Messages.Count(m => m.Message!.Contains(" compiles 1 proto(s)", StringComparison.Ordinal)));
        Assert.Contains("class A ", File.ReadAllText(_temp["obj/a/v1/Common.cs"]), StringComparison.Ordinal);
        Assert.Contains("class B ", File.ReadAllText(_temp["obj/b/v1/Common.cs"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dotted_proto_names_its_gRPC_file_as_Grpc_Tools_predicts_it()
    {
        _temp.Write("protos/hello.world.proto", "syntax = \"proto3\";\npackage dot;\nmessage M {}\nservice S { rpc Get(M) returns (M); }\n");
        Workspace workspace = Plan(("protos/hello.world.proto", "protos", string.Empty));

        // Grpc.Tools' names: the C# file protoc's way (HelloWorld.cs), the gRPC file the plugin's way in one folder.
        Assert.True(Task(workspace, ("obj/HelloWorld.cs", 0), ("obj/Hello.worldGrpc.cs", 0)).Execute(), _engine.Describe());

        Assert.Contains("public static partial class S", File.ReadAllText(_temp["obj/Hello.worldGrpc.cs"]), StringComparison.Ordinal);
        Assert.Contains("public sealed partial class M ", File.ReadAllText(_temp["obj/HelloWorld.cs"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_proto_whose_own_arguments_write_a_descriptor_set_is_compiled_alone_with_protocs_dependency_file()
    {
        _temp.Write("protos/a.proto", "syntax = \"proto3\";\npackage a;\nimport \"b.proto\";\nmessage A { b.B b = 1; }\n");
        _temp.Write("protos/b.proto", "syntax = \"proto3\";\npackage b;\nmessage B {}\n");
        Workspace workspace = Plan(("protos/a.proto", "protos", string.Empty), ("protos/b.proto", "protos", string.Empty));
        workspace.Compile[0].SetMetadata("AdditionalProtocArguments", "--descriptor_set_out=descriptors/a.pb;--include_imports");
        _temp.Write("descriptors/.keep", string.Empty);

        Assert.True(Task(workspace, ("obj/A.cs", 0), ("obj/B.cs", 1)).Execute(), _engine.Describe());

        Assert.Equal(2, _engine.Messages.Count(m => m.Message!.Contains(" compiles 1 proto(s)", StringComparison.Ordinal)));
        Assert.Equal(["a.proto", "b.proto"], DescriptorSetReader.Read(File.ReadAllBytes(_temp["descriptors/a.pb"])).Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Contains(_temp["protos/b.proto"], DependencyFiles.ReadInputs(DependencyFiles.PathFor(_temp["obj/deps"], "protos/a.proto"))!);
        Assert.True(File.Exists(_temp["obj/A.cs"]));
    }

    [Fact]
    public void A_missing_output_outside_obj_is_left_to_Grpc_Tools()
    {
        _temp.Write("protos/x.proto", "syntax = \"proto3\";\nmessage X {}\n");
        Workspace workspace = Plan(("protos/x.proto", "protos", string.Empty));

        ProtoGenCompile task = Task(workspace, ("generated/X.cs", 0), ("generated/XGrpc.cs", 0));
        Assert.True(task.Execute(), _engine.Describe());

        Assert.True(File.Exists(_temp["generated/X.cs"]));
        Assert.False(File.Exists(_temp["generated/XGrpc.cs"]));
        ITaskItem missing = Assert.Single(task.ExpectedNotGenerated);
        Assert.Equal("generated/XGrpc.cs", missing.ItemSpec);
        Assert.Equal("protos/x.proto", missing.GetMetadata("Source"));
    }

    [Fact]
    public void A_syntax_error_is_PGB1001_at_the_original_and_a_failed_run_writes_no_output_no_dependency_file_and_no_stamp()
    {
        string original = _temp.Write("protos/v1/x.proto", "syntax = \"proto3\";\npackage legacy;\n\nmessage X { int32 a = 1 }\n");
        Workspace workspace = Plan(("protos/v1/x.proto", "protos", "acme"));
        Assert.Single(workspace.Staged);

        ProtoGenCompile task = Task(workspace, ("obj/acme/v1/X.cs", 0));
        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1001", error.Code);
        Assert.Equal(original, error.File);
        Assert.Equal((4, 25), (error.LineNumber, error.ColumnNumber));
        Assert.Equal("Expected \";\".", error.Message);
        Assert.DoesNotContain(_engine.Errors.Concat<BuildEventArgs>(_engine.Warnings), e => e.Message!.Contains(StageDirectory, StringComparison.Ordinal));
        Assert.False(File.Exists(_temp["obj/acme/v1/X.cs"]));
        Assert.False(Directory.Exists(_temp["obj/deps"]));
        Assert.Empty(task.Written);

        // The check run of a project Grpc.Tools compiles reports the same and leaves no stamp; fixed, it writes the stamp.
        _engine.Errors.Clear();
        Assert.False(Check(workspace).Execute());
        Assert.Equal("PGB1001", Assert.Single(_engine.Errors).Code);
        Assert.False(File.Exists(Stamp));

        _temp.Write("protos/v1/x.proto", "syntax = \"proto3\";\npackage legacy;\n\nmessage X { int32 a = 1; }\n");
        _engine.Errors.Clear();
        workspace = Plan(("protos/v1/x.proto", "protos", "acme"));
        Assert.True(Check(workspace).Execute(), _engine.Describe());
        Assert.True(File.Exists(Stamp));
        Assert.False(File.Exists(_temp["obj/acme/v1/X.cs"])); // A check generates nothing.

        // A later successful check moves the stamp's time on, or the check target would run in every build.
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Stamp, old);
        Assert.True(Check(workspace).Execute(), _engine.Describe());
        Assert.True(File.GetLastWriteTimeUtc(Stamp) > old);
    }

    [Fact]
    public void An_error_in_a_proto_compiled_in_place_is_at_the_proto_itself()
    {
        string original = _temp.Write("protos/x.proto", "syntax = \"proto3\";\nmessage X { strin a = 1; }\n");
        Workspace workspace = Plan(("protos/x.proto", "protos", string.Empty));

        Assert.False(Check(workspace).Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1001", error.Code);
        Assert.Equal(original, error.File);
        Assert.Equal((2, 13), (error.LineNumber, error.ColumnNumber));
    }

    // protoc counts a tab as reaching the next multiple of 8 columns ("x.proto:2:33" here); MSBuild and IDEs read a
    // column as a character position (26 here).
    [Fact]
    public void A_column_after_a_tab_is_a_character_column()
    {
        string original = _temp.Write("protos/v1/x.proto", "syntax = \"proto3\";\n\tmessage X { int32 a = 1 }\n");
        Assert.False(Check(Plan(("protos/v1/x.proto", "protos", "acme"))).Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1001", error.Code);
        Assert.Equal(original, error.File);
        Assert.Equal((2, 26), (error.LineNumber, error.ColumnNumber));
    }

    [Fact]
    public void An_error_on_the_appended_option_line_points_at_the_last_original_line()
    {
        // The unterminated message swallows the appended option; protoc stops past the original's last line.
        string original = _temp.Write("protos/v1/x.proto", "syntax = \"proto3\";\nmessage X {\n  int32 a = 1;\n");
        Assert.False(Check(Plan(("protos/v1/x.proto", "protos", "acme"))).Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1001", error.Code);
        Assert.Equal(original, error.File);
        Assert.Equal(3, error.LineNumber);
    }

    [Fact]
    public void A_missing_import_is_PGB1002_at_the_import_with_the_logical_path_and_what_was_searched()
    {
        string original = _temp.Write("protos/v1/x.proto", "syntax = \"proto3\";\npackage legacy;\nimport \"acme/v1/missing.proto\";\nmessage X {}\n");
        Assert.False(Check(Plan(("protos/v1/x.proto", "protos", "acme"))).Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1002", error.Code);
        Assert.Equal(original, error.File);
        Assert.Equal((3, 1), (error.LineNumber, error.ColumnNumber));
        Assert.Contains("'acme/v1/missing.proto'", error.Message, StringComparison.Ordinal);
        Assert.Contains(StageDirectory, error.Message, StringComparison.Ordinal);
        Assert.Contains("acme=" + _temp["protos"], error.Message, StringComparison.Ordinal);
        Assert.Contains(GrpcToolsProtoc.StandardImports, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unused_import_is_a_PGB2001_warning_at_the_original_and_the_run_succeeds()
    {
        _temp.Write("protos/v1/a.proto", "syntax = \"proto3\";\nmessage A {}\n");
        string b = _temp.Write("protos/v1/b.proto", "syntax = \"proto3\";\nimport \"acme/v1/a.proto\";\nmessage B {}\n");

        Assert.True(Check(Plan(("protos/v1/a.proto", "protos", "acme"), ("protos/v1/b.proto", "protos", "acme"))).Execute(), _engine.Describe());

        BuildWarningEventArgs warning = Assert.Single(_engine.Warnings);
        Assert.Equal("PGB2001", warning.Code);
        Assert.Equal(b, warning.File);
        Assert.Equal((2, 1), (warning.LineNumber, warning.ColumnNumber));
        Assert.True(File.Exists(Stamp));
    }

    [Fact]
    public void An_error_in_an_import_only_staged_proto_points_at_its_original()
    {
        string imported = _temp.Write("lib/v1/types.proto", "syntax = \"proto3\";\npackage legacy;\nmessage T { int32 a = 1 }\n");
        _temp.Write("app/app.proto", "syntax = \"proto3\";\nimport \"acme/lib/v1/types.proto\";\nmessage App { legacy.T t = 1; }\n");
        var resolve = new ProtoGenResolveWorkspace
        {
            BuildEngine = _engine,
            Protobuf =
            [
                new FakeTaskItem("lib/v1/types.proto", imported, _temp["App.csproj"], ("ProtoRoot", "lib"), ("ImportPrefix", "acme/lib"), ("ProtoCompile", "false")),
                new FakeTaskItem("app/app.proto", _temp["app/app.proto"], _temp["App.csproj"], ("ProtoRoot", "app")),
            ],
            ProjectDirectory = _temp.Path,
            StageDirectory = StageDirectory,
        };
        Assert.True(resolve.Execute(), _engine.Describe());
        Assert.True(new ProtoGenStageProtobuf { BuildEngine = _engine, StagedProtobuf = resolve.StagedProtobuf, StageDirectory = StageDirectory, StampPath = _temp["s.stamp"] }.Execute());
        ITaskItem app = Assert.Single(resolve.CompileProtobuf);

        Assert.False(Check(new Workspace([app], resolve.StagedProtobuf, resolve.ImportDirs)).Execute());

        BuildErrorEventArgs error = _engine.Errors.First();
        Assert.Equal("PGB1001", error.Code);
        Assert.Equal(imported, error.File);
        Assert.Equal(3, error.LineNumber);
    }

    [Fact]
    public void An_output_folder_that_cannot_be_made_is_PGB1010_and_protoc_does_not_run()
    {
        _temp.Write("protos/x.proto", "syntax = \"proto3\";\npackage x;\nmessage X {}\n");
        _temp.Write("obj/protogen/gen", "a file where the compile's work folder goes");
        ProtoGenCompile task = Task(Plan(("protos/x.proto", "protos", string.Empty)), ("obj/X.cs", 0));

        Assert.False(task.Execute()); // Not an exception (MSB4018 in a build).

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1010", error.Code);
        Assert.StartsWith("Could not prepare protoc's output folder", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_engine.Messages, m => m.Message!.StartsWith("ProtoGen: protoc run", StringComparison.Ordinal));
        Assert.False(File.Exists(_temp["obj/X.cs"]));
    }

    [Fact]
    public void Outputs_that_cannot_be_placed_are_PGB1010_at_the_proto_and_leave_no_dependency_file()
    {
        _temp.Write("protos/x.proto", "syntax = \"proto3\";\npackage x;\nmessage X {}\n");
        _temp.Write("obj/deps", "a file where the dependency files' folder goes");
        ProtoGenCompile task = Task(Plan(("protos/x.proto", "protos", string.Empty)), ("obj/X.cs", 0));

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1010", error.Code);
        Assert.StartsWith("Could not place the outputs of protoc run 1 (x.proto)", error.Message, StringComparison.Ordinal);
        Assert.Equal(_temp["protos/x.proto"], error.File);
    }

    [Fact]
    public void A_protoc_that_cannot_start_is_PGB1009()
    {
        _temp.Write("protos/x.proto", "syntax = \"proto3\";\n");
        ProtoGenCompile task = Task(Plan(("protos/x.proto", "protos", string.Empty)), ("obj/X.cs", 0));
        task.ProtocPath = _temp["no/such/protoc"];

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1009", error.Code);
        Assert.Contains(_temp["no/such/protoc"], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_protoc_that_outlives_its_timeout_is_killed_PGB1011_and_nothing_is_written()
    {
        _temp.Write("protos/x.proto", "syntax = \"proto3\";\nmessage X {}\n");
        ProtoGenCompile task = Task(Plan(("protos/x.proto", "protos", string.Empty)), ("obj/X.cs", 0));
        task.ProtocPath = SlowProtoc(seconds: 311);
        task.TimeoutSeconds = 1;

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1011", error.Code);
        Assert.Contains("ProtoGenProtocTimeout", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["obj/X.cs"]));
        Assert.False(Directory.Exists(_temp["obj/deps"]));
        AssertNoSleeperLeft(311);
    }

    [Fact]
    public void A_cancelled_compile_kills_protoc_returns_false_and_writes_nothing()
    {
        _temp.Write("protos/x.proto", "syntax = \"proto3\";\nmessage X {}\n");
        ProtoGenCompile task = Task(Plan(("protos/x.proto", "protos", string.Empty)), ("obj/X.cs", 0));
        task.ProtocPath = SlowProtoc(seconds: 313);
        task.TimeoutSeconds = 0;
        bool? result = null;
        var thread = new Thread(() => result = task.Execute());
        thread.Start();
        WaitFor(() => File.Exists(_temp["sleeping"]));

        task.Cancel();

        // Bounded so that a cancel that does not kill protoc fails here rather than after its 313 s.
        Assert.True(thread.Join(TimeSpan.FromSeconds(60)), "The compile did not end after Cancel().");
        Assert.False(result);
        Assert.Empty(_engine.Errors);
        Assert.Contains(_engine.Messages, m => m.Message!.Contains("was cancelled", StringComparison.Ordinal));
        Assert.False(File.Exists(_temp["obj/X.cs"]));
        AssertNoSleeperLeft(313);
        task.Dispose();
    }

    /// <summary>A protoc that marks it started, then sleeps; its sleep is a child process, which a kill must reach too.</summary>
    private string SlowProtoc(int seconds)
    {
        string script = _temp.Write("slow-protoc.sh", $"#!/bin/sh\ntouch '{_temp["sleeping"]}'\nsleep {seconds}\nexec '{GrpcToolsProtoc.FullPath}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }

    /// <summary>No <c>sleep</c> of <paramref name="seconds"/> (a length no other test uses) outlived the kill.</summary>
    private static void AssertNoSleeperLeft(int seconds) =>
        WaitFor(() => !System.Diagnostics.Process.GetProcessesByName("sleep").Any(p => CommandLine(p.Id) == "sleep " + seconds + " "));

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty; // It exited in between.
        }
    }

    private static void WaitFor(Func<bool> condition)
    {
        DateTime until = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "Timed out waiting.");
            Thread.Sleep(50);
        }
    }
}
