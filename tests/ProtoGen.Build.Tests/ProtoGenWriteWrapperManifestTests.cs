using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Proto;
using ProtoGen.Build.Tasks;
using ProtoGen.Shared;
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

    /// <summary>A compiled proto as the workspace task hands it on: with the package and services it read.</summary>
    private TaskItem Proto(string relative, string text, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(_temp.Write(relative, text));
        ProtoSummary summary = ProtoSummary.Of(text);
        item.SetMetadata("ProtoGenPackage", summary.Package);
        item.SetMetadata("ProtoGenServices", string.Join(" ", summary.Services));
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
    public void A_staged_item_is_listed_with_its_settings_at_the_project_line_of_its_original()
    {
        string project = _temp.Write("App.csproj", "<Project>\n  <ItemGroup>\n    <Protobuf Include=\"protos/x.proto\" DefaultTimeout=\"1m\" />\n  </ItemGroup>\n</Project>\n");
        string original = _temp.Write("protos/x.proto", RouteGuide);
        TaskItem staged = Proto("obj/stage/acme/x.proto", RouteGuide + "option csharp_namespace = \"Acme\"; // added by ProtoGen\n", ("DefaultTimeout", "1m"), ("ProtoGenOriginalPath", original), ("ProtoGenOriginalItemSpec", "protos/x.proto"));
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
    public void Without_a_wrapper_setting_on_an_item_or_the_project_no_manifest_is_written()
    {
        ProtoGenWriteWrapperManifest task = Task([Proto("protos/route_guide.proto", RouteGuide)]);

        Assert.True(task.Execute());

        Assert.Empty(task.Manifest);
        Assert.False(File.Exists(Manifest));
    }

    [Fact]
    public void The_manifest_is_the_task_output_for_AdditionalFiles()
    {
        ProtoGenWriteWrapperManifest task = Task([Proto("protos/route_guide.proto", RouteGuide)], clientWrappers: true);

        Assert.True(task.Execute());

        Assert.Equal(Manifest, Assert.Single(task.Manifest).ItemSpec);
        Assert.Equal(2, Lines().Length);
    }

    [Fact]
    public void A_manifest_that_cannot_be_written_is_PGB1010_at_its_path()
    {
        Directory.CreateDirectory(Manifest); // A folder where the manifest goes.
        ProtoGenWriteWrapperManifest task = Task([Proto("protos/route_guide.proto", RouteGuide, ("ClientWrapper", "true"))]);

        Assert.False(task.Execute()); // Not an exception (MSB4018 in a build).

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("PGB1010", error.Code);
        Assert.Equal(Manifest, error.File);
        Assert.Empty(task.Manifest);
    }

    [Fact]
    public void Values_keep_their_tabs_line_breaks_separators_and_unicode_and_read_back_as_the_item_has_them()
    {
        string project = _temp.Write("Zürich app;v2/App.csproj", "<Project>\n  <ItemGroup>\n    <Protobuf Include=\"../protos/greeter.proto\" />\n  </ItemGroup>\n</Project>\n");
        TaskItem item = Proto(
            "protos/greeter.proto",
            "syntax = \"proto3\";\nmessage M { int32 a = 1; }\nservice Greeter { rpc SayHello(M) returns (M); }\n",
            ("DefaultMetadata", "x-tab=a\tb;x-lines=one\r\ntwo;x-unicode=東京 100%;x-empty="),
            ("MethodTimeouts", "SayHello=1s"),
            ("Access", "Internal"),
            ("ProtoGenOriginalItemSpec", "../protos/greeter.proto"));

        Assert.True(Task([item], defaultTimeout: "2s", sources: [new FakeTaskItem("../protos/greeter.proto", item.ItemSpec, project)]).Execute());

        // One line: the tab and the line break are escaped, not turned into spaces as before.
        string line = Assert.Single(Lines());
        var problems = new List<string>();
        Assert.Equal(
            new WrapperManifestLine(
                "Greeter",
                Enabled: true,
                DefaultTimeout: "2s",
                MethodTimeouts: [new("SayHello", "1s")],
                DefaultMetadata: [new("x-tab", "a\tb"), new("x-lines", "one\r\ntwo"), new("x-unicode", "東京 100%"), new("x-empty", string.Empty)],
                Access: "Internal",
                Source: project,
                Line: 3),
            WrapperManifest.Read(line, problems, out string? error));
        Assert.Null(error);
        Assert.Empty(problems);
    }
}
