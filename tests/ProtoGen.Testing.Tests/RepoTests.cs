using System;
using System.IO;
using System.Text.RegularExpressions;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Testing.Tests;

/// <summary>The shared Repo values (from ProtoGen.Testing's build) and protoc of the restored Grpc.Tools.</summary>
public sealed class RepoTests
{
    [Fact]
    public void Repo_points_at_this_repository()
    {
        Assert.True(File.Exists(Path.Combine(Repo.Root, "ProtoGen.sln")), Repo.Root);
        Assert.True(File.Exists(Path.Combine(Repo.BuildDirectory, "ProtoGen.targets")), Repo.BuildDirectory);
        Assert.True(Directory.Exists(Path.Combine(Repo.Protos, "fixtures")), Repo.Protos);
        Assert.True(Directory.Exists(Path.Combine(Repo.Samples, "RouteGuide")), Repo.Samples);
        Assert.StartsWith(Repo.Artifacts, AppContext.BaseDirectory, StringComparison.Ordinal);
    }

    [Fact]
    public void Versions_are_the_central_ones()
    {
        string packages = File.ReadAllText(Path.Combine(Repo.Root, "Directory.Packages.props"));
        string build = File.ReadAllText(Path.Combine(Repo.Root, "Directory.Build.props"));

        Assert.Equal(Regex.Match(packages, "<GrpcVersion>(.+?)</GrpcVersion>").Groups[1].Value, Repo.GrpcVersion);
        Assert.Equal(Regex.Match(packages, "Include=\"Google.Protobuf\" Version=\"(.+?)\"").Groups[1].Value, Repo.GoogleProtobufVersion);
        Assert.Equal(Regex.Match(build, "<Version>(.+?)</Version>").Groups[1].Value, Repo.Version);
        Assert.Equal(Path.Combine(Repo.NuGetPackageRoot, "grpc.tools", Repo.GrpcVersion), Repo.GrpcToolsPackage);
        Assert.True(Repo.Configuration is "Debug" or "Release", Repo.Configuration);
    }

    [Fact]
    public void Protoc_of_the_restored_Grpc_Tools_runs_with_its_plugin_and_well_known_types()
    {
        Assert.True(File.Exists(GrpcToolsProtoc.GrpcPlugin), GrpcToolsProtoc.GrpcPlugin);
        Assert.True(File.Exists(Path.Combine(GrpcToolsProtoc.StandardImports, "google", "protobuf", "empty.proto")), GrpcToolsProtoc.StandardImports);

        ProcessResult version = GrpcToolsProtoc.Run("--version");

        Assert.Matches(@"^libprotoc \d+\.\d+", version.Output);
    }

    [Fact]
    public void A_failing_protoc_run_throws_with_its_output()
    {
        var error = Assert.Throws<ProcessFailedException>(() => GrpcToolsProtoc.Run("no/such.proto"));

        Assert.Contains("failed with exit code 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("no/such.proto", error.Message, StringComparison.Ordinal);
    }
}
