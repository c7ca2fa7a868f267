using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProtoGen.IntegrationTests.Infrastructure;
using Xunit;

namespace ProtoGen.IntegrationTests;

/// <summary>No-op builds do no proto work; an edit recompiles what depends on it; clean removes ProtoGen's files.</summary>
public sealed class IncrementalBuildTests
{
    [Fact]
    public void No_op_build_runs_neither_staging_nor_protoc_and_an_edit_recompiles_only_its_dependents()
    {
        using TestProject project = new TestProject("incremental")
            .CopyProtos("fixtures/custom_path", "protos")
            .WithProject("""<Protobuf Include="protos/*.proto" ProtoRoot="protos" ImportPrefix="grpc/example/custom/path" GrpcServices="Client" />""");
        Assert.True(project.Build().Succeeded);

        BuildResult noOp = project.Build(verbosity: "detailed");
        Assert.True(noOp.Succeeded, noOp.Output);
        Assert.Contains("Skipping target \"_ProtoGen_Stage\" because all output files are up-to-date", noOp.Output, StringComparison.Ordinal);
        Assert.Empty(noOp.ProtocCommands);
        Assert.Equal(0, noOp.BatchRuns);

        // route_summary.proto imports route_guide.proto: editing the leaf recompiles only the leaf.
        project.Write("protos/route_summary.proto", project.Read("protos/route_summary.proto") + "\nmessage Extra { int32 id = 1; }\n");
        BuildResult leafEdit = project.Build();
        Assert.True(leafEdit.Succeeded, leafEdit.Output);
        Assert.Equal(["grpc/example/custom/path/route_summary.proto"], ProtosCompiled(leafEdit));

        // Editing the imported file recompiles it and its dependent.
        project.Write("protos/route_guide.proto", project.Read("protos/route_guide.proto") + "\nmessage Other { int32 id = 1; }\n");
        BuildResult rootEdit = project.Build();
        Assert.True(rootEdit.Succeeded, rootEdit.Output);
        Assert.Equal(["grpc/example/custom/path/route_guide.proto", "grpc/example/custom/path/route_summary.proto"], ProtosCompiled(rootEdit));
    }

    [Fact]
    public void Mapped_and_unmapped_protos_are_batched_with_the_compile_options_Grpc_Tools_sets()
    {
        // route_guide.proto is mapped; route_summary.proto is not, and imports the mapped one by its logical path.
        using TestProject project = new TestProject("mixed")
            .CopyProtos("fixtures/custom_path", "protos")
            .CopyProtos("fixtures/custom_path", "plain")
            .WithProject("""
                <Protobuf Include="protos/route_guide.proto" ProtoRoot="protos" ImportPrefix="grpc/example/custom/path" GrpcServices="Client" Access="Internal" />
                <Protobuf Include="plain/route_summary.proto" ProtoRoot="plain" GrpcServices="None" Access="Internal" />
                """);

        BuildResult result = project.Build();

        Assert.True(result.Succeeded, result.Output);
        Assert.Empty(result.ProtocCommands); // Grpc.Tools runs protoc for none of them.
        Assert.Equal(2, result.BatchRuns); // Client and None are two option groups.
        Assert.Equal(["grpc/example/custom/path/route_guide.proto", "route_summary.proto"], result.BatchCompiled.Order(StringComparer.Ordinal));

        // Access="Internal" and GrpcServices="Client" reach the batched runs through Protobuf_PrepareCompileOptions.
        Assert.Contains("internal sealed partial class Point", project.Read("obj/Debug/net10.0/grpc/example/custom/path/RouteGuide.cs"), StringComparison.Ordinal);
        string grpc = project.Read("obj/Debug/net10.0/grpc/example/custom/path/RouteGuideGrpc.cs");
        Assert.Contains("internal static partial class RouteGuide", grpc, StringComparison.Ordinal);
        Assert.Contains("class RouteGuideClient", grpc, StringComparison.Ordinal);
        Assert.DoesNotContain("RouteGuideBase", grpc, StringComparison.Ordinal);
        Assert.Contains("internal sealed partial class RouteSummary", project.Read("obj/Debug/net10.0/RouteSummary.cs"), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(project.IntermediateDirectory, "RouteSummaryGrpc.cs")));

        BuildResult noOp = project.Build();
        Assert.True(noOp.Succeeded, noOp.Output);
        Assert.Empty(noOp.ProtocCommands);
        Assert.Equal(0, noOp.BatchRuns);
    }

    [Fact]
    public void Clean_removes_what_ProtoGen_wrote_and_a_rebuild_is_byte_identical()
    {
        using TestProject project = new TestProject("clean")
            .CopyProtos("fixtures/custom_path", "protos")
            .WithProject("""<Protobuf Include="protos/*.proto" ProtoRoot="protos" ImportPrefix="grpc/example/custom/path" GrpcServices="Client" />""");
        Assert.True(project.Build().Succeeded);
        Dictionary<string, byte[]> first = Snapshot(project);
        Assert.Contains("protogen/stage/grpc/example/custom/path/route_guide.proto", first.Keys);
        Assert.Contains("grpc/example/custom/path/RouteGuideGrpc.cs", first.Keys);

        BuildResult clean = project.Build(target: "Clean");

        Assert.True(clean.Succeeded, clean.Output);
        Assert.False(Directory.Exists(Path.Combine(project.IntermediateDirectory, "protogen")));
        Assert.Empty(Snapshot(project));

        Assert.True(project.Build().Succeeded);
        Dictionary<string, byte[]> second = Snapshot(project);
        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second.Keys.Order(StringComparer.Ordinal));
        foreach ((string file, byte[] bytes) in first)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(second[file]), file + " differs after a rebuild");
        }
    }

    /// <summary>What protoc compiled: ProtoGen batches every proto, so Grpc.Tools runs protoc for none.</summary>
    private static string[] ProtosCompiled(BuildResult result)
    {
        Assert.Empty(result.ProtocCommands);
        Assert.Equal(1, result.BatchRuns);
        return result.BatchCompiled.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The generated C# and staged protos, by path relative to obj/Debug/net10.0.</summary>
    private static Dictionary<string, byte[]> Snapshot(TestProject project)
    {
        string obj = project.IntermediateDirectory;
        if (!Directory.Exists(obj))
        {
            return [];
        }

        return Directory.EnumerateFiles(obj, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(obj, f).Replace('\\', '/'))
            .Where(f => f.StartsWith("grpc/", StringComparison.Ordinal) || f.StartsWith("protogen/stage/", StringComparison.Ordinal))
            .ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(obj, f)));
    }
}
