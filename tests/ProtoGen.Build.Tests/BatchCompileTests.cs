using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Protoc;
using ProtoGen.Build.Tasks;
using Xunit;

namespace ProtoGen.Build.Tests;

/// <summary>The pieces of batched compiling: planning runs, reading descriptor sets, dependency files, the task with real protoc.</summary>
public sealed class BatchCompileTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly MockEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Runs_split_on_options_and_on_output_names_that_would_collide()
    {
        var items = new[] { ("a", "k1", "Common.cs"), ("b", "k1", "Ledger.cs"), ("c", "k1", "Common.cs"), ("d", "k2", "Common.cs") };

        var runs = BatchPlanner.Plan(items, i => i.Item2, i => [i.Item3]);

        Assert.Equal([["a", "b"], ["c"], ["d"]], runs.Select(r => r.Select(i => i.Item1).ToArray()).ToArray());
    }

    [Fact]
    public void Descriptor_set_reader_reads_names_and_imports_of_a_real_protoc_set()
    {
        _temp.Write("protos/a.proto", "syntax = \"proto3\";\npackage a;\nimport \"google/protobuf/timestamp.proto\";\nmessage A { google.protobuf.Timestamp at = 1; }\n");
        _temp.Write("protos/b.proto", "syntax = \"proto3\";\npackage b;\nimport \"a.proto\";\nmessage B { a.A a = 1; }\n");
        string set = _temp["set.pb"];
        Protoc.Run("--proto_path=" + _temp["protos"], "--proto_path=" + Protoc.StandardImports, "--descriptor_set_out=" + set, "--include_imports", "--include_source_info", _temp["protos/b.proto"]);

        var files = DescriptorSetReader.Read(File.ReadAllBytes(set));

        Assert.Equal(["google/protobuf/timestamp.proto", "a.proto", "b.proto"], files.Select(f => f.Name));
        Assert.Equal(["a.proto"], files[2].Dependencies);
        Assert.Equal(["google/protobuf/timestamp.proto"], files[1].Dependencies);
    }

    [Fact]
    public void Descriptor_set_reader_rejects_truncated_input()
    {
        Assert.Throws<FormatException>(() => DescriptorSetReader.Read([0x0a, 0x05, 0x0a]));
    }

    [Fact]
    public void Dependency_file_is_named_and_shaped_as_Grpc_Tools_reads_it()
    {
        // SHA-1 of "/src/protos" begins 7f1b...: the name is the first 16 hex digits, '_', the file name.
        string path = DependencyFiles.PathFor("obj", "/src/protos/ledger.proto");
        Assert.Matches(@"^obj[/\\][0-9a-f]{16}_ledger\.protodep$", path);
        Assert.Equal(DependencyFiles.PathFor("obj", "/src/protos/other.proto")[..21], path[..21]);

        string text = DependencyFiles.Format(["out/Ledger.cs", "out/LedgerGrpc.cs"], ["/s/ledger.proto", "/s/money.proto"]);

        Assert.Equal("out/Ledger.cs \\\nout/LedgerGrpc.cs: /s/ledger.proto\\\n /s/money.proto\n", text);
    }

    [Fact]
    public void Import_resolver_searches_entries_in_order_with_prefixes()
    {
        string common = _temp.Write("common/v1/money.proto", "");
        _temp.Write("stage/acme/pay/x.proto", "");
        var resolver = new ImportResolver([_temp["stage"], "acme/common=" + _temp["common"]], _temp.Path);

        Assert.Equal(common, resolver.Resolve("acme/common/v1/money.proto"));
        Assert.Equal(_temp["stage/acme/pay/x.proto"], resolver.Resolve("acme/pay/x.proto"));
        Assert.Null(resolver.Resolve("acme/common/v2/gone.proto"));
    }

    [Fact]
    public void Task_compiles_staged_protos_in_one_run_places_outputs_and_writes_dependency_files()
    {
        string stage = _temp["obj/stage"];
        string a = _temp.Write("obj/stage/acme/v1/a.proto", "syntax = \"proto3\";\npackage acme.v1;\nmessage A { int32 x = 1; }\n");
        string b = _temp.Write("obj/stage/acme/v1/b.proto", "syntax = \"proto3\";\npackage acme.v1;\nimport \"acme/v1/a.proto\";\nmessage B { A a = 1; }\nservice S { rpc Get(B) returns (A); }\n");
        ITaskItem[] protos = [Item(a, "acme/v1/a.proto", stage), Item(b, "acme/v1/b.proto", stage)];
        ITaskItem[] expected = [Output("out/acme/v1/A.cs", a), Output("out/acme/v1/AGrpc.cs", a), Output("out/acme/v1/B.cs", b), Output("out/acme/v1/BGrpc.cs", b)];
        var task = new ProtoGenCompileBatched
        {
            BuildEngine = _engine,
            Protobuf = protos,
            ExpectedOutputs = expected,
            ProtocPath = Protoc.FullPath,
            StandardImportsPath = Protoc.StandardImports,
            DependencyDirectory = "deps",
            WorkDirectory = _temp["obj/gen"],
            ProjectDirectory = _temp.Path,
        };

        Assert.True(task.Execute(), _engine.Describe());

        Assert.Single(_engine.Messages, m => m.Message!.StartsWith("ProtoGen: protoc run 1 of 1 compiles 2 proto(s)", StringComparison.Ordinal));
        Assert.Contains("class B", File.ReadAllText(_temp["out/acme/v1/B.cs"]), StringComparison.Ordinal);
        Assert.Contains("class S", File.ReadAllText(_temp["out/acme/v1/BGrpc.cs"]), StringComparison.Ordinal);
        Assert.Empty(File.ReadAllBytes(_temp["out/acme/v1/AGrpc.cs"])); // No service: created empty, as Grpc.Tools does.
        Assert.Equal(4, task.GeneratedFiles.Length);
        string deps = File.ReadAllText(DependencyFiles.PathFor(_temp["deps"], b));
        // Relative to the project, as protoc writes them for Grpc.Tools; the separator is the platform's.
        Assert.Contains(Path.Combine("obj", "stage", "acme", "v1", "b.proto") + "\\\n", deps, StringComparison.Ordinal);
        Assert.EndsWith(" " + Path.Combine("obj", "stage", "acme", "v1", "a.proto") + "\n", deps, StringComparison.Ordinal);
        Assert.DoesNotContain(_temp.Path, deps, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_reports_errors_at_the_original_file_and_writes_no_output()
    {
        string stage = _temp["obj/stage"];
        string original = _temp.Write("protos/a.proto", "syntax = \"proto3\";\nmessage A {\n\tint32 x = 1\n}\n");
        string staged = _temp.Write("obj/stage/acme/a.proto", File.ReadAllText(original));
        TaskItem item = Item(staged, "acme/a.proto", stage);
        item.SetMetadata("ProtoGenOriginalPath", original);
        var task = new ProtoGenCompileBatched
        {
            BuildEngine = _engine,
            Protobuf = [item],
            ExpectedOutputs = [Output("out/A.cs", staged)],
            ProtocPath = Protoc.FullPath,
            StandardImportsPath = Protoc.StandardImports,
            DependencyDirectory = "deps",
            WorkDirectory = _temp["obj/gen"],
            ProjectDirectory = _temp.Path,
        };

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1001", error.Code);
        Assert.Equal(original, error.File);
        Assert.Equal(4, error.LineNumber);
        Assert.False(File.Exists(_temp["out/A.cs"]));
    }

    private static TaskItem Item(string staged, string logical, string stage)
    {
        var item = new TaskItem(staged);
        item.SetMetadata("Source", staged);
        item.SetMetadata("ProtoRoot", stage);
        item.SetMetadata("AdditionalImportDirs", stage);
        item.SetMetadata("ProtoGenLogicalPath", logical);
        item.SetMetadata("ProtoGenOriginalPath", staged);
        item.SetMetadata("GrpcPluginExe", Protoc.GrpcPlugin);
        return item;
    }

    private static TaskItem Output(string path, string source)
    {
        var item = new TaskItem(path);
        item.SetMetadata("Source", source);
        return item;
    }
}
