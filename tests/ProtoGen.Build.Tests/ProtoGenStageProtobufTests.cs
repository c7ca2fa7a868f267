using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using ProtoGen.Build.Tasks;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Build.Tests;

/// <summary>The stage task, after the workspace task planned what to stage, in a temp project.</summary>
public sealed class ProtoGenStageProtobufTests : IDisposable
{
    private static readonly DateTime Old = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly TempDirectory _temp = new();
    private readonly MockEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    private string StageDirectory => _temp["obj/protogen/stage"];

    private string Stamp => _temp["obj/protogen/stage.stamp"];

    private string Staged(string logical) => Path.Combine(StageDirectory, logical.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Plans the protos under <c>protos/</c> with <paramref name="prefix"/>, as the targets do before staging.</summary>
    private ITaskItem[] Map(string prefix, params string[] relatives)
    {
        var map = new ProtoGenResolveWorkspace
        {
            BuildEngine = _engine,
            Protobuf = [.. relatives.Select(r => new FakeTaskItem("protos/" + r, _temp["protos/" + r], _temp["App.csproj"], ("ProtoRoot", "protos"), ("ImportPrefix", prefix)))],
            ProjectDirectory = _temp.Path,
            StageDirectory = StageDirectory,
        };
        Assert.True(map.Execute(), _engine.Describe());
        return map.StagedProtobuf;
    }

    private ProtoGenStageProtobuf Stage(ITaskItem[] staged) => new()
    {
        BuildEngine = _engine,
        StagedProtobuf = staged,
        StageDirectory = StageDirectory,
        StampPath = Stamp,
    };

    [Fact]
    public void Writes_staged_copies_with_the_namespace_option_and_the_stamp()
    {
        const string original = "syntax = \"proto3\";\npackage legacy.v1;\nmessage Entry { string id = 1; }\n";
        _temp.Write("protos/v1/entry.proto", original);

        ProtoGenStageProtobuf task = Stage(Map("acme", "v1/entry.proto"));
        Assert.True(task.Execute(), _engine.Describe());

        Assert.Equal(
            original + "option csharp_namespace = \"Acme.V1\"; // added by ProtoGen\n",
            File.ReadAllText(Staged("acme/v1/entry.proto")));
        Assert.Equal(string.Empty, File.ReadAllText(Stamp));
        Assert.Equal([Staged("acme/v1/entry.proto"), Stamp], task.FileWrites.Select(i => i.ItemSpec));
        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
    }

    [Fact]
    public void Only_protos_whose_namespace_changes_are_staged()
    {
        _temp.Write("protos/v1/same.proto", "syntax = \"proto3\";\npackage acme.v1;\nmessage S {}\n");
        _temp.Write("protos/v1/own.proto", "syntax = \"proto3\";\npackage x;\noption csharp_namespace = \"Own\";\nmessage O {}\n");
        _temp.Write("protos/v1/other.proto", "syntax = \"proto3\";\npackage legacy;\nmessage L {}\n");

        ITaskItem[] staged = Map("acme", "v1/same.proto", "v1/own.proto", "v1/other.proto");
        Assert.True(Stage(staged).Execute(), _engine.Describe());

        Assert.Equal([Staged("acme/v1/other.proto")], staged.Select(i => i.ItemSpec));
        Assert.Equal([Staged("acme/v1/other.proto")], Directory.GetFiles(StageDirectory, "*.proto", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_unchanged_second_run_rewrites_nothing()
    {
        _temp.Write("protos/v1/x.proto", "syntax = \"proto3\";\nmessage X {}\n");
        ITaskItem[] staged = Map("acme", "v1/x.proto");
        Assert.True(Stage(staged).Execute(), _engine.Describe());
        File.SetLastWriteTimeUtc(Staged("acme/v1/x.proto"), Old);

        Assert.True(Stage(staged).Execute(), _engine.Describe());

        Assert.Equal(Old, File.GetLastWriteTimeUtc(Staged("acme/v1/x.proto")));
    }

    [Fact]
    public void A_changed_original_rewrites_its_staged_copy()
    {
        _temp.Write("protos/v1/x.proto", "syntax = \"proto3\";\nmessage X {}\n");
        ITaskItem[] staged = Map("acme", "v1/x.proto");
        Assert.True(Stage(staged).Execute(), _engine.Describe());
        File.SetLastWriteTimeUtc(Staged("acme/v1/x.proto"), Old);

        _temp.Write("protos/v1/x.proto", "syntax = \"proto3\";\nmessage Y {}\n");
        Assert.True(Stage(staged).Execute(), _engine.Describe());

        Assert.NotEqual(Old, File.GetLastWriteTimeUtc(Staged("acme/v1/x.proto")));
        Assert.StartsWith("syntax = \"proto3\";\nmessage Y {}\n", File.ReadAllText(Staged("acme/v1/x.proto")), StringComparison.Ordinal);
    }

    [Fact]
    public void Stale_staged_files_are_deleted()
    {
        _temp.Write("protos/v1/x.proto", "syntax = \"proto3\";\nmessage X {}\n");
        string stale = _temp.Write("obj/protogen/stage/old/gone.proto", "syntax = \"proto3\";\n");
        string notProto = _temp.Write("obj/protogen/stage/old/readme.txt", "kept");

        Assert.True(Stage(Map("acme", "v1/x.proto")).Execute(), _engine.Describe());

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(notProto));
        Assert.True(File.Exists(Staged("acme/v1/x.proto")));
    }

    [Fact]
    public void A_missing_original_is_PGB1010()
    {
        _temp.Write("protos/v1/x.proto", "syntax = \"proto3\";\n");
        ITaskItem[] staged = Map("acme", "v1/x.proto");
        File.Delete(_temp["protos/v1/x.proto"]);

        Assert.False(Stage(staged).Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1010", error.Code);
        Assert.Equal(_temp["protos/v1/x.proto"], error.File);
    }
}
