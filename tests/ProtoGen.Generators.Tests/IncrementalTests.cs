using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProtoGen.Testing.Roslyn;
using Xunit;

namespace ProtoGen.Generators.Tests;

/// <summary>An unrelated edit leaves the emission steps cached (the generator does no repeated work).</summary>
public sealed class IncrementalTests
{
    private const string Manifest =
        "service\trouteguide.RouteGuide\tdefaultTimeout=5s\tsource=/p/route_guide.proto\tline=3\n" +
        "service\texamples.multi.v1.Greeter\tdefaultTimeout=1s\n";

    /// <summary>The generated clients of the fixtures: route_guide's RouteGuide, multi_service's two services.</summary>
    private const int Clients = 3;

    /// <summary>The clients the manifest wraps: RouteGuide and Greeter.</summary>
    private const int Wrappers = 2;

    /// <summary>
    /// What the source outputs see: each wrapper, each client's diagnostics, the manifests' and the settings'
    /// diagnostics, the service config's source and diagnostics, and the DI registrations' diagnostics (no
    /// registration itself: these compilations do not reference Grpc.Net.ClientFactory).
    /// </summary>
    private const int SourceOutputs = Wrappers + Clients + 1 + 1 + 2 + 1;

    /// <summary>The steps that feed emission, with the runs each has: one per wrapper, one per client.</summary>
    private static readonly (string Step, int Runs)[] EmissionSteps = [(TrackingNames.WrapperSpecs, Wrappers), (TrackingNames.WrapperDiagnostics, Clients)];

    [Fact]
    public void UnrelatedCSharpEdit_LeavesEmissionCached()
    {
        SyntaxTree unrelated = GeneratorHarness.Source("/repo/src/Other.cs", "namespace App; public static class Other { public static int X => 1; }");
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun(unrelated);

        SyntaxTree edited = GeneratorHarness.Source("/repo/src/Other.cs", "namespace App; public static class Other { public static int X => 2; public static int Y => 3; }");
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(unrelated, edited));

        AssertEmissionCached(driver.GetRunResult());
    }

    [Fact]
    public void AddingAnUnrelatedFile_LeavesEmissionCached()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(GeneratorHarness.Source("/repo/src/New.cs", "namespace App; internal sealed class New { }")));
        AssertEmissionCached(driver.GetRunResult());
    }

    [Fact]
    public void EditingAnotherServicesManifestLine_LeavesThisServiceCached()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();
        var edited = new InMemoryAdditionalText(
            GeneratorHarness.ManifestPath,
            Manifest.Replace("defaultTimeout=5s\tsource", "defaultTimeout=9s\tsource", System.StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(OldManifest, edited).RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        IncrementalGeneratorRunStep[] specs = result.TrackedSteps[TrackingNames.WrapperSpecs].ToArray();
        var reasons = specs.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

        // Two wrappers: route_guide's changed (Modified), the other one stays Cached/Unchanged.
        Assert.Equal(2, reasons.Count);
        Assert.Single(reasons, r => r == IncrementalStepRunReason.Modified);
        Assert.Single(reasons, r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void MovingAServicesManifestLine_DoesNotReEmitIt()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();
        var edited = new InMemoryAdditionalText(GeneratorHarness.ManifestPath, "# a new comment line shifts every line\n" + Manifest);
        driver = driver.ReplaceAdditionalText(OldManifest, edited).RunGenerators(compilation);
        AssertEmissionCached(driver.GetRunResult());
    }

    private static readonly InMemoryAdditionalText OldManifest = new(GeneratorHarness.ManifestPath, Manifest);

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(params SyntaxTree[] extra)
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(
            GeneratorHarness.Fixture("route_guide").Concat(GeneratorHarness.Fixture("multi_service")).Concat(extra));
        GeneratorDriver driver = GeneratorHarness.CreateDriver([OldManifest]).RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        Assert.Equal(2, first.GeneratedSources.Length);
        Assert.Empty(first.Diagnostics);
        return (driver, compilation);
    }

    private static void AssertEmissionCached(GeneratorDriverRunResult runResult)
    {
        GeneratorRunResult result = runResult.Results.Single();
        foreach ((string step, int runs) in EmissionSteps)
        {
            AssertDidNoWork(result.TrackedSteps, step, runs);
        }

        // The source outputs themselves did no work.
        AssertDidNoWork(result.TrackedOutputSteps, WellKnownGeneratorOutputs.SourceOutput, SourceOutputs);
    }

    /// <summary>The step ran <paramref name="runs"/> times, each with outputs, and every output is Cached or Unchanged.</summary>
    private static void AssertDidNoWork(ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps, string step, int runs)
    {
        Assert.True(steps.TryGetValue(step, out ImmutableArray<IncrementalGeneratorRunStep> stepRuns), $"No step {step} among: {string.Join(", ", steps.Keys)}");
        Assert.Equal(runs, stepRuns.Length);
        Assert.All(stepRuns, run => Assert.NotEmpty(run.Outputs));
        Assert.All(
            stepRuns.SelectMany(r => r.Outputs),
            output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"{step}: {output.Reason}"));
    }
}
