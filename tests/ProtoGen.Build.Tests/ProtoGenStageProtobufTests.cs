using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Tasks;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Build.Tests;

/// <summary>The stage task with the real protoc of the referenced Grpc.Tools package, in a temp project.</summary>
public sealed class ProtoGenStageProtobufTests : IDisposable
{
    private static readonly DateTime Old = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly TempDirectory _temp = new();
    private readonly MockEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    private string StageDirectory => _temp["obj/protogen/stage"];

    private string DescriptorSet => _temp["obj/protogen/staged.protoset"];

    private string Staged(string logical) => Path.Combine(StageDirectory, logical.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Maps the protos under <c>protos/</c> with <paramref name="prefix"/>, as the targets do before staging.</summary>
    private ITaskItem[] Map(string prefix, params string[] relatives)
    {
        var map = new ProtoGenMapProtobuf
        {
            BuildEngine = _engine,
            Protobuf = [.. relatives.Select(r =>
            {
                var item = new TaskItem(_temp["protos/" + r]);
                item.SetMetadata("ProtoRoot", "protos");
                item.SetMetadata("ImportPrefix", prefix);
                return item;
            })],
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
        StampPath = DescriptorSet,
        ProtocPath = GrpcToolsProtoc.FullPath,
        StandardImportsPath = GrpcToolsProtoc.StandardImports,
        ProjectDirectory = _temp.Path,
    };

    [Fact]
    public void Writes_staged_copies_with_the_namespace_option_and_the_stamp()
    {
        const string original = "syntax = \"proto3\";\npackage acme.v1;\nmessage Entry { string id = 1; }\n";
        _temp.Write("protos/v1/entry.proto", original);

        ProtoGenStageProtobuf task = Stage(Map("acme", "v1/entry.proto"));
        Assert.True(task.Execute(), _engine.Describe());

        Assert.Equal(
            original + "option csharp_namespace = \"Acme.V1\"; // added by ProtoGen\n",
            File.ReadAllText(Staged("acme/v1/entry.proto")));
        Assert.True(File.Exists(DescriptorSet));
        Assert.False(File.Exists(DescriptorSet + ".tmp"));
        Assert.Equal([Staged("acme/v1/entry.proto"), DescriptorSet], task.FileWrites.Select(i => i.ItemSpec));
        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
    }

    [Fact]
    public void Cross_file_imports_by_logical_path_and_well_known_types_resolve()
    {
        _temp.Write("protos/common/money.proto", "syntax = \"proto3\";\npackage acme.common;\nmessage Money { int64 units = 1; }\n");
        _temp.Write("protos/v1/ledger.proto", """
            syntax = "proto3";
            package acme.v1;
            import "acme/common/money.proto";
            import "google/protobuf/timestamp.proto";
            message Entry {
              acme.common.Money amount = 1;
              google.protobuf.Timestamp at = 2;
            }
            service Ledger { rpc Post (Entry) returns (Entry); }
            """);

        Assert.True(Stage(Map("acme", "common/money.proto", "v1/ledger.proto")).Execute(), _engine.Describe());

        Assert.True(File.Exists(Staged("acme/common/money.proto")));
        Assert.EndsWith("option csharp_namespace = \"Acme.V1\"; // added by ProtoGen\n", File.ReadAllText(Staged("acme/v1/ledger.proto")), StringComparison.Ordinal);
        Assert.True(File.Exists(DescriptorSet));
        Assert.Empty(_engine.Errors);
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
    public void A_syntax_error_is_PGB1001_at_the_original_file_line_and_column_and_writes_no_stamp()
    {
        string original = _temp.Write("protos/v1/x.proto", "syntax = \"proto3\";\npackage acme.v1;\n\nmessage X { int32 a = 1 }\n");
        ITaskItem[] staged = Map("acme", "v1/x.proto");

        ProtoGenStageProtobuf task = Stage(staged);
        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1001", error.Code);
        Assert.Equal(original, error.File);
        Assert.Equal((4, 25), (error.LineNumber, error.ColumnNumber));
        Assert.Equal("Expected \";\".", error.Message);
        Assert.DoesNotContain(_engine.Errors.Concat<BuildEventArgs>(_engine.Warnings), e => e.Message!.Contains(StageDirectory, StringComparison.Ordinal));
        Assert.False(File.Exists(DescriptorSet));
        Assert.False(File.Exists(DescriptorSet + ".tmp"));
        Assert.DoesNotContain(task.FileWrites, i => i.ItemSpec == DescriptorSet);

        // Fixed, the next run succeeds and writes the stamp.
        _temp.Write("protos/v1/x.proto", "syntax = \"proto3\";\npackage acme.v1;\n\nmessage X { int32 a = 1; }\n");
        _engine.Errors.Clear();
        Assert.True(Stage(staged).Execute(), _engine.Describe());
        Assert.True(File.Exists(DescriptorSet));
    }

    // BUG (reported): protoc counts a tab as reaching the next multiple of 8 columns ("x.proto:2:33" here); the
    // mapper passes that column on, but MSBuild and IDEs read a column as a character position (26 here).
    [Fact]
    public void A_column_after_a_tab_is_a_character_column()
    {
        string original = _temp.Write("protos/v1/x.proto", "syntax = \"proto3\";\n\tmessage X { int32 a = 1 }\n");
        Assert.False(Stage(Map("acme", "v1/x.proto")).Execute());

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
        Assert.False(Stage(Map("acme", "v1/x.proto")).Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1001", error.Code);
        Assert.Equal(original, error.File);
        Assert.Equal(3, error.LineNumber);
    }

    [Fact]
    public void An_error_in_an_overridden_file_keeps_its_line()
    {
        string original = _temp.Write("protos/v1/x.proto", "syntax = \"proto3\";\noption csharp_namespace = \"Own\";\nmessage X { strin a = 1; }\n");
        var item = new TaskItem(original);
        item.SetMetadata("ProtoRoot", "protos");
        item.SetMetadata("ImportPrefix", "acme");
        item.SetMetadata("CSharpNamespace", "Forced.Ns");
        var map = new ProtoGenMapProtobuf { BuildEngine = _engine, Protobuf = [item], ProjectDirectory = _temp.Path, StageDirectory = StageDirectory };
        Assert.True(map.Execute(), _engine.Describe());

        Assert.False(Stage(map.StagedProtobuf).Execute());

        Assert.Equal("syntax = \"proto3\";\noption csharp_namespace = \"Forced.Ns\";\nmessage X { strin a = 1; }\n", File.ReadAllText(Staged("acme/v1/x.proto")));
        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1001", error.Code);
        Assert.Equal(original, error.File);
        Assert.Equal((3, 13), (error.LineNumber, error.ColumnNumber));
    }

    [Fact]
    public void A_missing_import_is_PGB1002_at_the_import_with_the_logical_path()
    {
        string original = _temp.Write("protos/v1/x.proto", "syntax = \"proto3\";\npackage acme.v1;\nimport \"acme/v1/missing.proto\";\nmessage X {}\n");

        Assert.False(Stage(Map("acme", "v1/x.proto")).Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1002", error.Code);
        Assert.Equal(original, error.File);
        Assert.Equal((3, 1), (error.LineNumber, error.ColumnNumber));
        Assert.Contains("'acme/v1/missing.proto'", error.Message, StringComparison.Ordinal);
        Assert.Contains(StageDirectory, error.Message, StringComparison.Ordinal);
        Assert.Contains("acme=" + _temp["protos"], error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(DescriptorSet));
    }

    [Fact]
    public void An_unused_import_is_a_PGB2001_warning_at_the_original_and_the_stage_succeeds()
    {
        _temp.Write("protos/v1/a.proto", "syntax = \"proto3\";\nmessage A {}\n");
        string b = _temp.Write("protos/v1/b.proto", "syntax = \"proto3\";\nimport \"acme/v1/a.proto\";\nmessage B {}\n");

        Assert.True(Stage(Map("acme", "v1/a.proto", "v1/b.proto")).Execute(), _engine.Describe());

        BuildWarningEventArgs warning = Assert.Single(_engine.Warnings);
        Assert.Equal("PGB2001", warning.Code);
        Assert.Equal(b, warning.File);
        Assert.Equal((2, 1), (warning.LineNumber, warning.ColumnNumber));
        Assert.True(File.Exists(DescriptorSet));
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

    [Fact]
    public void Without_protoc_the_copies_are_staged_unchecked_and_the_stamp_is_an_empty_file()
    {
        _temp.Write("protos/v1/x.proto", "syntax = \"proto3\";\nmessage X { broken\n");
        ProtoGenStageProtobuf task = Stage(Map("acme", "v1/x.proto"));
        task.ProtocPath = string.Empty;

        Assert.True(task.Execute(), _engine.Describe());

        Assert.True(File.Exists(Staged("acme/v1/x.proto")));
        Assert.Empty(File.ReadAllBytes(DescriptorSet)); // The batched compile checks the protos.
        Assert.Equal([Staged("acme/v1/x.proto"), DescriptorSet], task.FileWrites.Select(i => i.ItemSpec));
    }
}
