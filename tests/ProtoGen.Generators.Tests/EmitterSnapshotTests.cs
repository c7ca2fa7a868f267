using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ProtoGen.Testing;
using ProtoGen.Testing.Roslyn;
using Xunit;

namespace ProtoGen.Generators.Tests;

/// <summary>Snapshots of the emitted wrappers, over real Grpc.Tools output.</summary>
public sealed class EmitterSnapshotTests
{
    private const string RouteGuideManifest =
        "# ProtoGen client wrapper manifest\n" +
        "service\trouteguide.RouteGuide\tenabled=true\tdefaultTimeout=5s\tmethodTimeouts=ListFeatures=30s;GetFeature=250ms\t" +
        "defaultMetadata=x-team=maps;x-trace-bin=AAEC/w==\tsource=/repo/protos/route_guide.proto\tline=24\n";

    [Fact]
    public async Task RouteGuide_AllRpcKinds()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Fixture("route_guide"), RouteGuideManifest, AllOverloads);
        Assert.Empty(run.Diagnostics);
        await Verifier.Verify(RoslynHarness.RenderSources(run.Result)).UseExtension("cs");
    }

    [Fact]
    public async Task RouteGuide_MinimalOverloads_TheDefault()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Fixture("route_guide"), RouteGuideManifest);
        Assert.Empty(run.Diagnostics);
        await Verifier.Verify(RoslynHarness.RenderSources(run.Result)).UseExtension("cs");
    }

    /// <summary>ProtoGenClientWrapperOverloads=All: the CallOptions overloads and the blocking unary calls too.</summary>
    private static System.Collections.Generic.Dictionary<string, string> AllOverloads => new() { ["build_property.ProtoGenClientWrapperOverloads"] = "All" };

    [Fact]
    public async Task SeveralServicesInOneFile()
    {
        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.Fixture("multi_service"),
            globalOptions: GeneratorHarness.WrapAll(defaultTimeout: "1.5s"));
        Assert.Empty(run.Diagnostics);
        await Verifier.Verify(RoslynHarness.RenderSources(run.Result)).UseExtension("cs");
    }

    [Fact]
    public async Task NestedPackages()
    {
        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.Fixture("health").Concat(GeneratorHarness.Fixture("reflection_v1alpha")),
            globalOptions: GeneratorHarness.WrapAll());
        Assert.Empty(run.Diagnostics);
        await Verifier.Verify(RoslynHarness.RenderSources(run.Result)).UseExtension("cs");
    }

    [Fact]
    public async Task CSharpNamespaceOption()
    {
        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.Fixture("inventory"),
            "service\tacme.inventory.v2.Inventory\tdefaultTimeout=00:00:10\tdefaultMetadata=x-warehouse=north\n");
        Assert.Empty(run.Diagnostics);
        await Verifier.Verify(RoslynHarness.RenderSources(run.Result)).UseExtension("cs");
    }

    [Fact]
    public async Task InternalAccess()
    {
        // route_guide's client is public but the manifest asks for an internal wrapper; Echo's client is
        // internal (Grpc.Tools internal_access) and in the global namespace, so its wrapper is internal too.
        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.Fixture("route_guide").Concat(GeneratorHarness.Fixture("no_package")),
            "service\trouteguide.RouteGuide\taccess=Internal\nservice\tEcho\tdefaultTimeout=2m\n");
        Assert.Empty(run.Diagnostics);
        await Verifier.Verify(RoslynHarness.RenderSources(run.Result)).UseExtension("cs");
    }

    [Fact]
    public async Task NameCollision()
    {
        SyntaxTree user = GeneratorHarness.Source(
            "/repo/src/Wrappers.cs",
            "namespace Routeguide;\n\npublic sealed class RouteGuideClientWrapper\n{\n}\n");
        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.Fixture("route_guide").Append(user).Concat(GeneratorHarness.Fixture("inventory")),
            globalOptions: GeneratorHarness.WrapAll());
        string text = RoslynHarness.RenderDiagnostics(run.Diagnostics) + "\n" + RoslynHarness.RenderSources(run.Result);
        await Verifier.Verify(text).UseExtension("cs");
    }
}
