using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Protoc;
using ProtoGen.Build.Tasks;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
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
        GrpcToolsProtoc.Run("--proto_path=" + _temp["protos"], "--proto_path=" + GrpcToolsProtoc.StandardImports, "--descriptor_set_out=" + set, "--include_imports", "--include_source_info", _temp["protos/b.proto"]);

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
        // The first 16 hex digits of the SHA-1 of the proto's folder, '_', the file name: `printf '/src/protos' | sha1sum`
        // is 44bf21d482c19691d25a..., `printf '/src/other' | sha1sum` is d645b78b1df51d22... (on Windows the folder is '\src\protos').
        string protos = OperatingSystem.IsWindows() ? "ed7515154d763906" : "44bf21d482c19691";
        string path = DependencyFiles.PathFor("obj", "/src/protos/ledger.proto");

        Assert.Equal(Path.Combine("obj", protos + "_ledger.protodep"), path);
        Assert.Equal(Path.Combine("obj", protos + "_other.protodep"), DependencyFiles.PathFor("obj", "/src/protos/other.proto"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(Path.Combine("obj", "d645b78b1df51d22_ledger.protodep"), DependencyFiles.PathFor("obj", "/src/other/ledger.proto"));
        }

        // The name Grpc.Tools' own up-to-date check looks for.
        Assert.Equal(GrpcToolsDependencyFile("obj", "/src/protos/ledger.proto"), path);
        Assert.Equal(GrpcToolsDependencyFile(_temp["deps"], _temp["protos/v1/b.proto"]), DependencyFiles.PathFor(_temp["deps"], _temp["protos/v1/b.proto"]));

        string text = DependencyFiles.Format(["out/Ledger.cs", "out/LedgerGrpc.cs"], ["/s/ledger.proto", "/s/money.proto"]);

        Assert.Equal("out/Ledger.cs \\\nout/LedgerGrpc.cs: /s/ledger.proto\\\n /s/money.proto\n", text);
    }

    /// <summary>The dependency file name Grpc.Tools derives and its up-to-date check reads.</summary>
    private static string GrpcToolsDependencyFile(string directory, string proto) =>
        (string)GrpcToolsDepFileUtil("GetDepFilenameForProto", directory, proto);

    /// <summary>Calls Grpc.Tools' internal <c>DepFileUtil</c> (in its task assembly) as its targets do.</summary>
    private static object GrpcToolsDepFileUtil(string method, params object[] arguments)
    {
        Assembly tasks = Assembly.LoadFrom(Path.Combine(Repo.GrpcToolsPackage, "build", "_protobuf", "netstandard2.0", "Protobuf.MSBuild.dll"));
        MethodInfo call = tasks.GetType("Grpc.Tools.DepFileUtil", throwOnError: true)!
            .GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new MissingMethodException("Grpc.Tools.DepFileUtil", method);
        return call.Invoke(null, arguments)!;
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
            ProtocPath = GrpcToolsProtoc.FullPath,
            StandardImportsPath = GrpcToolsProtoc.StandardImports,
            DependencyDirectory = "deps",
            WorkDirectory = _temp["obj/gen"],
            ProjectDirectory = _temp.Path,
        };

        Assert.True(task.Execute(), _engine.Describe());

        Assert.Single(_engine.Messages, m => m.Message!.StartsWith("ProtoGen: protoc run 1 of 1 compiles 2 proto(s)", StringComparison.Ordinal));
        Assert.Contains("class B", File.ReadAllText(_temp["out/acme/v1/B.cs"]), StringComparison.Ordinal);
        Assert.Contains("class S", File.ReadAllText(_temp["out/acme/v1/BGrpc.cs"]), StringComparison.Ordinal);
        Assert.Empty(File.ReadAllBytes(_temp["out/acme/v1/AGrpc.cs"])); // No service: created empty, as Grpc.Tools does.
        Assert.Equal(expected.Select(o => o.ItemSpec), task.GeneratedFiles.Select(o => o.ItemSpec));
        string deps = File.ReadAllText(DependencyFiles.PathFor(_temp["deps"], b));
        // Relative to the project, as protoc writes them for Grpc.Tools; the separator is the platform's.
        string[] inputs = [Path.Combine("obj", "stage", "acme", "v1", "b.proto"), Path.Combine("obj", "stage", "acme", "v1", "a.proto")];
        Assert.Equal("out/acme/v1/B.cs \\\nout/acme/v1/BGrpc.cs: " + inputs[0] + "\\\n " + inputs[1] + "\n", deps);
        // Grpc.Tools' own reader finds the same inputs in it.
        Assert.Equal(inputs, (string[])GrpcToolsDepFileUtil("ReadDependencyInputs", _temp["deps"], b, new TaskLoggingHelper(_engine, "Test")));
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
            ProtocPath = GrpcToolsProtoc.FullPath,
            StandardImportsPath = GrpcToolsProtoc.StandardImports,
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
        item.SetMetadata("GrpcPluginExe", GrpcToolsProtoc.GrpcPlugin);
        return item;
    }

    private static TaskItem Output(string path, string source)
    {
        var item = new TaskItem(path);
        item.SetMetadata("Source", source);
        return item;
    }
}
