using System;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Tasks;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Build.Tests;

public sealed class ProtoGenWriteWrapperManifestTests : IDisposable
{
    private const string RouteGuide = "syntax = \"proto3\";\npackage routeguide;\nmessage P { int32 a = 1; }\nservice RouteGuide { rpc Get(P) returns (P); }\nservice Admin { rpc Reset(P) returns (P); }\n";

    private readonly TempDirectory _temp = new();
    private readonly MockEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    private string Manifest => _temp["obj/protogen/App.protogen-wrappers"];

    private ProtoGenWriteWrapperManifest Task(ITaskItem[] protobuf, bool clientWrappers = false, string defaultTimeout = "", ITaskItem[]? sources = null) => new()
    {
        BuildEngine = _engine,
        Protobuf = protobuf,
        SourceProtobuf = sources ?? [],
        ManifestPath = Manifest,
        ClientWrappers = clientWrappers,
        DefaultTimeout = defaultTimeout,
    };

    private TaskItem Proto(string relative, string text, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(_temp.Write(relative, text));
        item.SetMetadata("GrpcServices", "Both");
        item.SetMetadata("Access", "Public");
        foreach ((string name, string value) in metadata)
        {
            item.SetMetadata(name, value);
        }

        return item;
    }

    private string[] Lines() => File.ReadAllText(Manifest).TrimEnd('\n').Split('\n')[1..];

    [Fact]
    public void Item_settings_list_every_service_of_the_proto_with_them()
    {
        TaskItem item = Proto("protos/route_guide.proto", RouteGuide, ("DefaultTimeout", "30s"), ("MethodTimeouts", "Get=2s"), ("DefaultMetadata", "x-client=billing"));

        Assert.True(Task([item]).Execute());

        Assert.Equal(
            [
                "service\trouteguide.RouteGuide\tenabled=true\tdefaultTimeout=30s\tmethodTimeouts=Get=2s\tdefaultMetadata=x-client=billing\taccess=Public",
                "service\trouteguide.Admin\tenabled=true\tdefaultTimeout=30s\tmethodTimeouts=Get=2s\tdefaultMetadata=x-client=billing\taccess=Public",
            ],
            Lines());
    }

    [Fact]
    public void Project_default_applies_and_ClientWrapper_false_opts_out()
    {
        TaskItem on = Proto("protos/a.proto", "syntax = \"proto3\";\nservice Lonely { }\n");
        TaskItem off = Proto("protos/b.proto", "syntax = \"proto3\";\npackage b.v1;\nservice Quiet { }\n", ("ClientWrapper", "false"));

        Assert.True(Task([on, off], clientWrappers: true, defaultTimeout: "5s").Execute());

        Assert.Equal(
            ["service\tLonely\tenabled=true\tdefaultTimeout=5s\taccess=Public", "service\tb.v1.Quiet\tenabled=false\tdefaultTimeout=5s\taccess=Public"],
            Lines());
    }

    [Fact]
    public void Protos_without_a_generated_client_or_without_settings_are_not_listed()
    {
        TaskItem server = Proto("protos/s.proto", RouteGuide, ("GrpcServices", "Server"), ("ClientWrapper", "true"));
        TaskItem plain = Proto("protos/p.proto", RouteGuide.Replace("routeguide", "plain", StringComparison.Ordinal));

        Assert.True(Task([server, plain]).Execute());

        Assert.Empty(Lines());
    }

    [Fact]
    public void Staged_items_are_read_from_their_original_file_and_settings_point_at_the_project_line()
    {
        string project = _temp.Write("App.csproj", "<Project>\n  <ItemGroup>\n    <Protobuf Include=\"protos/x.proto\" DefaultTimeout=\"1m\" />\n  </ItemGroup>\n</Project>\n");
        string original = _temp.Write("protos/x.proto", RouteGuide);
        TaskItem staged = Proto("obj/stage/acme/x.proto", "this staged text is not read", ("DefaultTimeout", "1m"), ("ProtoGenOriginalPath", original), ("ProtoGenOriginalItemSpec", "protos/x.proto"));
        var source = new FakeTaskItem("protos/x.proto", original, project);

        Assert.True(Task([staged], sources: [source]).Execute());

        Assert.Equal(
            [
                "service\trouteguide.RouteGuide\tenabled=true\tdefaultTimeout=1m\taccess=Public\tsource=" + project + "\tline=3",
                "service\trouteguide.Admin\tenabled=true\tdefaultTimeout=1m\taccess=Public\tsource=" + project + "\tline=3",
            ],
            Lines());
    }

    [Fact]
    public void Unchanged_manifest_keeps_its_timestamp()
    {
        TaskItem item = Proto("protos/route_guide.proto", RouteGuide, ("ClientWrapper", "true"));
        Assert.True(Task([item]).Execute());
        DateTime stamp = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(Manifest, stamp);

        Assert.True(Task([item]).Execute());

        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Manifest));
        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public void Service_cache_rescans_a_proto_only_when_its_timestamp_changes()
    {
        TaskItem item = Proto("protos/route_guide.proto", RouteGuide, ("ClientWrapper", "true"));
        string cache = _temp["obj/protogen/services.cache"];
        ProtoGenWriteWrapperManifest task = Task([item]);
        task.CachePath = cache;
        Assert.True(task.Execute());
        DateTime stamp = File.GetLastWriteTimeUtc(item.ItemSpec);

        // Same timestamp: the cached services are used, the file is not read.
        File.WriteAllText(item.ItemSpec, RouteGuide.Replace("service Admin", "service Renamed", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(item.ItemSpec, stamp);
        ProtoGenWriteWrapperManifest cached = Task([item]);
        cached.CachePath = cache;
        Assert.True(cached.Execute());
        Assert.Contains(Lines(), l => l.StartsWith("service\trouteguide.Admin\t", StringComparison.Ordinal));

        // A newer timestamp: rescanned.
        File.SetLastWriteTimeUtc(item.ItemSpec, stamp.AddSeconds(5));
        ProtoGenWriteWrapperManifest rescanned = Task([item]);
        rescanned.CachePath = cache;
        Assert.True(rescanned.Execute());
        Assert.Contains(Lines(), l => l.StartsWith("service\trouteguide.Renamed\t", StringComparison.Ordinal));
    }
}
