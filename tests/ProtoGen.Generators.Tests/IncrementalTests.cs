using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ProtoGen.Generators.Tests;

/// <summary>An unrelated edit leaves the emission steps cached (the generator does no repeated work).</summary>
public sealed class IncrementalTests
{
    private const string Manifest =
        "service\trouteguide.RouteGuide\tdefaultTimeout=5s\tsource=/p/route_guide.proto\tline=3\n" +
        "service\texamples.multi.v1.Greeter\tdefaultTimeout=1s\n";

    private static readonly string[] EmissionSteps = [TrackingNames.WrapperSpecs];

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
        foreach (string step in EmissionSteps)
        {
            ImmutableArray<IncrementalGeneratorRunStep> runs = result.TrackedSteps[step];
            Assert.NotEmpty(runs);
            Assert.All(
                runs.SelectMany(r => r.Outputs),
                output => Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"{step}: {output.Reason}"));
        }

        // The source outputs themselves did no work.
        IEnumerable<(object Value, IncrementalStepRunReason Reason)> sourceOutputs = result.TrackedOutputSteps
            .SelectMany(pair => pair.Value)
            .SelectMany(r => r.Outputs);
        Assert.All(sourceOutputs, output => Assert.True(
            output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"source output: {output.Reason}"));
    }
}
