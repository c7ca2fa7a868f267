using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ProtoGen.Package.Tests.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Package.Tests;

/// <summary>
/// The design-time build an IDE runs right after restore, before any build: the global properties and targets of
/// Roslyn's MSBuildWorkspace (Microsoft.CodeAnalysis.Workspaces.MSBuild, used by C# Dev Kit), which match what the
/// Visual Studio project system sets for its design-time builds.
/// </summary>
public sealed class DesignTimeBuildTests
{
    private static readonly string[] DesignTimeProperties =
    [
        "-p:DesignTimeBuild=true",
        "-p:BuildingProject=false",
        "-p:BuildProjectReferences=false",
        "-p:SkipCompilerExecution=true",
        "-p:ProvideCommandLineArgs=true",
        "-p:NonExistentFile=__NonExistentSubDir__/__NonExistentFile__",
        "-p:ContinueOnError=ErrorAndContinue",
        "-p:ShouldUnsetParentConfigurationAndPlatform=false",
    ];

    [Fact]
    public void A_design_time_build_before_any_build_succeeds_and_lists_the_generated_files()
    {
        using var workspace = new ConsumerWorkspace("design time");
        workspace
            .WriteMappedTree("Lib/protos")
            .Write("Lib/Lib.csproj", workspace.MappedProject(
                """
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                """));

        workspace.DotNet("Lib", "restore", "-nodeReuse:false", "-tl:off", "-v:minimal").AssertSucceeded();
        Assert.False(workspace.Exists("Lib/obj/Debug"), "nothing but restore output exists before the design-time build");

        string results = workspace.Path("Lib/obj/design-time.json");
        ProcessResult designTime = workspace.DotNet(
            "Lib",
            ["msbuild", "Lib.csproj", "-nologo", "-nodeReuse:false", "-tl:off", "-v:minimal", "-t:Compile;CoreCompile",
             .. DesignTimeProperties, "-getItem:Compile", "-getItem:CscCommandLineArgs", "-getResultOutputFile:" + results]);
        designTime.AssertSucceeded();
        Assert.DoesNotMatch(@": error [A-Z]+[0-9]+", designTime.Output);

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(results));
        List<string> compile = Items(json, "Compile", "FullPath");
        List<string> arguments = Items(json, "CscCommandLineArgs", "Identity");

        // Grpc.Tools' predicted outputs of the mapped protos, under their logical folders.
        Assert.Contains(workspace.Path("Lib/obj/Debug/net10.0/acme/payments/v1/Ledger.cs"), compile);
        Assert.Contains(workspace.Path("Lib/obj/Debug/net10.0/acme/payments/v1/LedgerGrpc.cs"), compile);
        Assert.Contains(workspace.Path("Lib/obj/Debug/net10.0/acme/common/v1/Money.cs"), compile);

        // The compiler the IDE starts gets the generator, its manifest and the runtime (its netstandard2.1 build, which has GrpcStreaming) from the package.
        string version = workspace.Feed.Version;
        Assert.Contains(arguments, a => a.StartsWith("/analyzer:", System.StringComparison.Ordinal) && a.Contains($"/protogen/{version}/analyzers/dotnet/cs/ProtoGen.Generators.dll", System.StringComparison.Ordinal));
        Assert.Contains(arguments, a => a.StartsWith("/additionalfile:", System.StringComparison.Ordinal) && a.Contains("/protogen/Lib.protogen-wrappers", System.StringComparison.Ordinal));
        Assert.Contains(arguments, a => a.StartsWith("/reference:", System.StringComparison.Ordinal) && a.Contains($"/protogen.runtime/{version}/lib/netstandard2.1/ProtoGen.Runtime.dll", System.StringComparison.Ordinal));

        // The compiler did not run.
        Assert.False(workspace.Exists("Lib/bin/Debug/net10.0/Lib.dll"));
    }

    private static List<string> Items(JsonDocument json, string itemType, string metadata) =>
        json.RootElement.GetProperty("Items").GetProperty(itemType).EnumerateArray()
            .Select(item => item.GetProperty(metadata).GetString() ?? string.Empty)
            .ToList();
}
