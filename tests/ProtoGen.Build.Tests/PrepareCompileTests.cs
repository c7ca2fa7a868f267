using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Protoc;
using ProtoGen.Build.Tasks;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Build.Tests;

/// <summary>ProtoGen's share of Grpc.Tools' prepare step: its prediction mapped back to the workspace's items, and Grpc.Tools' up-to-date rule over the dependency files.</summary>
public sealed class PrepareCompileTests : IDisposable
{
    private static readonly DateTime Base = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _temp = new();
    private readonly MockEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Dependency_reader_reads_what_Format_writes_and_protoc_style_files()
    {
        string ours = _temp.Write("obj/a.protodep", DependencyFiles.Format(["obj/A.cs", "obj/AGrpc.cs"], ["obj/stage/a.proto", "/inc/google/protobuf/empty.proto", "dir with space/b.proto"]));
        string windows = _temp.Write("obj/w.protodep", "C:\\p\\obj\\W.cs \\\nC:\\p\\obj\\WGrpc.cs: C:/inc/any.proto\\\n C:/p/w.proto\n");

        Assert.Equal(["obj/stage/a.proto", "/inc/google/protobuf/empty.proto", "dir with space/b.proto"], DependencyFiles.ReadInputs(ours));
        Assert.Equal(["C:/inc/any.proto", "C:/p/w.proto"], DependencyFiles.ReadInputs(windows));
        Assert.Null(DependencyFiles.ReadInputs(_temp["obj/missing.protodep"]));
        Assert.Null(DependencyFiles.ReadInputs(_temp.Write("obj/broken.protodep", "no separator here\n")));
    }

    [Fact]
    public void Up_to_date_protos_are_skipped_and_each_reason_for_a_rebuild_is_found()
    {
        // a imports b; c has no dependency file (a compile stopped before writing it); d lost an output; e's import is gone.
        Proto("a", Base, outputsAt: Base.AddMinutes(1), deps: ["stage/b.proto"]);
        Proto("b", Base, outputsAt: Base.AddMinutes(1));
        Proto("c", Base, outputsAt: Base.AddMinutes(1), depFile: false);
        Proto("d", Base, outputsAt: Base.AddMinutes(1));
        File.Delete(_temp["obj/DGrpc.cs"]);
        Proto("e", Base, outputsAt: Base.AddMinutes(1), deps: ["stage/gone.proto"]);

        Assert.Equal(["c", "d", "e"], Run());
        Assert.Contains(_engine.Messages, m => m.Message!.Contains("c.proto is out of date: its dependency file", StringComparison.Ordinal));

        // Editing b (imported by a) makes both out of date.
        File.SetLastWriteTimeUtc(_temp["stage/b.proto"], Base.AddMinutes(2));
        File.SetLastWriteTimeUtc(_temp["stage/c.proto"], Base.AddMinutes(2));
        Assert.Equal(["a", "b", "c", "d", "e"], Run());
        Assert.Contains(_engine.Messages, m => m.Message!.Contains("a.proto is out of date: input 'stage/b.proto' is newer than its outputs", StringComparison.Ordinal));
        Assert.Contains(_engine.Messages, m => m.Message!.Contains("e.proto is out of date: input 'stage/gone.proto' does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void A_newer_project_file_makes_every_proto_out_of_date()
    {
        Proto("a", Base, outputsAt: Base.AddMinutes(1));
        Proto("b", Base, outputsAt: Base.AddMinutes(1));
        string project = _temp.Write("app.csproj", "<Project />");
        File.SetLastWriteTimeUtc(project, Base);
        Assert.Empty(Run(project));

        File.SetLastWriteTimeUtc(project, Base.AddMinutes(2));
        Assert.Equal(["a", "b"], Run(project));
    }

    [Fact]
    public void Outputs_go_to_Compile_once_unless_CompileOutputs_is_false_and_nothing_is_checked_when_asked_not_to()
    {
        Proto("a", Base, outputsAt: Base.AddMinutes(1));
        Proto("b", Base, outputsAt: Base.AddMinutes(1));
        var task = Task(find: false);
        task.Protobuf[1].SetMetadata("CompileOutputs", "False");
        task.PossibleOutputs = [.. task.PossibleOutputs, Output("a", "obj/A.cs")];

        Assert.True(task.Execute());

        Assert.Equal(["obj/A.cs", "obj/AGrpc.cs"], task.CompileOutputs.Select(o => o.ItemSpec));
        Assert.Equal(_temp["stage/a.proto"], task.CompileOutputs[0].GetMetadata("Source"));
        File.Delete(_temp["obj/A.cs"]);
        Assert.True(task.Execute());
        Assert.Empty(task.OutOfDate);
    }

    private string[] Run(params string[] projectFiles)
    {
        _engine.Messages.Clear();
        ProtoGenPrepareCompile task = Task(find: true);
        task.AdditionalInputs = [.. projectFiles.Select(f => new TaskItem(f))];
        Assert.True(task.Execute());
        return task.OutOfDate.Select(i => Path.GetFileNameWithoutExtension(i.ItemSpec)).ToArray();
    }

    private ProtoGenPrepareCompile Task(bool find)
    {
        string[] protos = Directory.GetFiles(_temp["stage"], "*.proto").Order(StringComparer.Ordinal).Where(p => !p.EndsWith("gone.proto", StringComparison.Ordinal)).ToArray();
        return new ProtoGenPrepareCompile
        {
            BuildEngine = _engine,
            Protobuf = [.. protos.Select(p => new TaskItem(p, new System.Collections.Hashtable { ["Source"] = p, ["CompileOutputs"] = "True" }))],
            PossibleOutputs = [.. protos.SelectMany(p => new[] { Output(Name(p), $"obj/{Name(p).ToUpperInvariant()}.cs"), Output(Name(p), $"obj/{Name(p).ToUpperInvariant()}Grpc.cs") })],
            DependencyDirectory = "obj",
            ProjectDirectory = _temp.Path,
            FindOutOfDate = find,
        };
    }

    private TaskItem Output(string proto, string path) => new TaskItem(path, new System.Collections.Hashtable { ["Source"] = _temp[$"stage/{proto}.proto"] });

    private static string Name(string path) => Path.GetFileNameWithoutExtension(path);

    /// <summary>A staged proto written at <paramref name="at"/>, its two outputs at <paramref name="outputsAt"/> and its dependency file.</summary>
    private void Proto(string name, DateTime at, DateTime outputsAt, string[]? deps = null, bool depFile = true)
    {
        string proto = _temp.Write($"stage/{name}.proto", "syntax = \"proto3\";\n");
        File.SetLastWriteTimeUtc(proto, at);
        string[] outputs = [$"obj/{name.ToUpperInvariant()}.cs", $"obj/{name.ToUpperInvariant()}Grpc.cs"];
        foreach (string output in outputs)
        {
            File.SetLastWriteTimeUtc(_temp.Write(output, "// generated\n"), outputsAt);
        }

        if (depFile)
        {
            File.WriteAllText(DependencyFiles.PathFor(_temp["obj"], proto), DependencyFiles.Format(outputs, [$"stage/{name}.proto", .. deps ?? []]));
        }
    }

    [Fact]
    public void Items_predicted_at_their_logical_path_come_back_as_the_file_protoc_compiles_with_their_own_root()
    {
        string predictAs = _temp["obj/stage/acme/payments/v1/ledger.proto"];
        var planned = new TaskItem(predictAs, new System.Collections.Hashtable
        {
            ["Source"] = "teams/payments/v1/ledger.proto",
            ["ProtoRoot"] = _temp["obj/stage"],
            ["ProtoGenOriginalProtoRoot"] = "teams/payments",
            ["OutputDir"] = "obj/acme/payments/v1",
            ["ProtoGenOriginalPath"] = _temp["teams/payments/v1/ledger.proto"],
        });
        var staged = new TaskItem(_temp["obj/stage/x.proto"], new System.Collections.Hashtable { ["Source"] = _temp["obj/stage/x.proto"], ["ProtoRoot"] = _temp["obj/stage"], ["ProtoGenOriginalProtoRoot"] = "protos" });
        var task = new ProtoGenPrepareCompile
        {
            BuildEngine = _engine,
            Protobuf = [planned, staged],
            PossibleOutputs = [new TaskItem("obj/acme/payments/v1/Ledger.cs", new System.Collections.Hashtable { ["Source"] = predictAs }), new TaskItem("obj/X.cs", new System.Collections.Hashtable { ["Source"] = _temp["obj/stage/x.proto"] })],
            ProjectDirectory = _temp.Path,
            FindOutOfDate = false,
        };

        Assert.True(task.Execute(), _engine.Describe());

        Assert.Equal(["teams/payments/v1/ledger.proto", _temp["obj/stage/x.proto"]], task.Workspace.Select(i => i.ItemSpec));
        Assert.Equal("teams/payments", task.Workspace[0].GetMetadata("ProtoRoot"));
        Assert.Equal("obj/acme/payments/v1", task.Workspace[0].GetMetadata("OutputDir"));
        Assert.Equal(_temp["obj/stage"], task.Workspace[1].GetMetadata("ProtoRoot")); // a staged copy keeps the stage as its root
        Assert.Equal(["teams/payments/v1/ledger.proto", _temp["obj/stage/x.proto"]], task.ExpectedOutputs.Select(o => o.GetMetadata("Source")));
        Assert.Equal(["obj/acme/payments/v1/Ledger.cs", "obj/X.cs"], task.CompileOutputs.Select(o => o.ItemSpec));
    }

    [Fact]
    public void PGB1013_two_protos_that_would_write_one_output_file()
    {
        var task = new ProtoGenPrepareCompile
        {
            BuildEngine = _engine,
            Protobuf =
            [
                new TaskItem("a/common.proto", new System.Collections.Hashtable { ["Source"] = "a/common.proto", ["ProtoGenOriginalPath"] = _temp["a/common.proto"] }),
                new TaskItem("b/common.proto", new System.Collections.Hashtable { ["Source"] = "b/common.proto", ["ProtoGenOriginalPath"] = _temp["b/common.proto"] }),
            ],
            PossibleOutputs = [new TaskItem("out/Common.cs", new System.Collections.Hashtable { ["Source"] = "a/common.proto" }), new TaskItem("out/Common.cs", new System.Collections.Hashtable { ["Source"] = "b/common.proto" })],
            ProjectDirectory = _temp.Path,
            FindOutOfDate = false,
        };

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1013", error.Code);
        Assert.Equal(_temp["b/common.proto"], error.File);
        Assert.Contains(_temp["a/common.proto"], error.Message, StringComparison.Ordinal);
        Assert.Contains(_temp["out/Common.cs"], error.Message, StringComparison.Ordinal);
    }
}
