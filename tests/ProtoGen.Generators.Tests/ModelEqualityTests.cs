using System;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using ProtoGen.Generators.Model;
using ProtoGen.Generators.Parser;
using Xunit;

namespace ProtoGen.Generators.Tests;

/// <summary>Pipeline models compare by value, which is what makes the generator's caching work.</summary>
public sealed class ModelEqualityTests
{
    private const string Manifest =
        "service\trouteguide.RouteGuide\tdefaultTimeout=5s\tmethodTimeouts=GetFeature=1s\tdefaultMetadata=x-a=1\tsource=/p/r.proto\tline=3\n" +
        "service\ta.B\tdefaultTimeout=oops\n";

    [Fact]
    public void EquatableArray_ComparesElements()
    {
        EquatableArray<string> a = new[] { "x", "y" }.ToEquatableArray();
        EquatableArray<string> b = new[] { "x", "y" }.ToEquatableArray();
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new[] { "y", "x" }.ToEquatableArray());
        Assert.Equal(EquatableArray<string>.Empty, Array.Empty<string>().ToEquatableArray());
        Assert.Equal(EquatableArray<string>.Empty, default);
    }

    [Fact]
    public void ManifestFiles_ParsedTwice_AreEqual()
    {
        ManifestFile first = ManifestParser.Parse("/m.protogen-wrappers", SourceText.From(Manifest));
        ManifestFile second = ManifestParser.Parse("/m.protogen-wrappers", SourceText.From(Manifest));
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, ManifestParser.Parse("/m.protogen-wrappers", SourceText.From(Manifest.Replace("5s", "6s", StringComparison.Ordinal))));
    }

    [Fact]
    public void ClientModels_FromTwoCompilations_AreEqual()
    {
        ClientModel[] first = Clients();
        ClientModel[] second = Clients();
        Assert.Equal(4, first.Single(c => c.ServiceName == "routeguide.RouteGuide").Methods.Count);
        Assert.Equal(first, second);
        Assert.Equal(first.Select(c => c.GetHashCode()), second.Select(c => c.GetHashCode()));
    }

    [Fact]
    public void WrapperResults_ForEqualInputs_AreEqual_AndHoldNoLocationInTheSpec()
    {
        ClientModel client = Clients().Single(c => c.ServiceName == "routeguide.RouteGuide");
        ManifestFile manifest = ManifestParser.Parse("/m.protogen-wrappers", SourceText.From(Manifest));
        var settings = new GlobalSettings(false, null, EquatableArray<DiagnosticInfo>.Empty);
        var features = new CompilationFeatures(true, true, true, true);

        WrapperResult first = WrapperSpecBuilder.Build(client, manifest.Entries, settings, features);
        WrapperResult second = WrapperSpecBuilder.Build(client, manifest.Entries, settings, features);
        Assert.Equal(first, second);
        Assert.NotNull(first.Spec);

        // Moving the line within the manifest changes the entry, but not the spec that is emitted.
        ManifestFile moved = ManifestParser.Parse("/m.protogen-wrappers", SourceText.From("# moved\n\n" + Manifest));
        Assert.NotEqual(manifest.Entries, moved.Entries);
        Assert.Equal(first.Spec, WrapperSpecBuilder.Build(client, moved.Entries, settings, features).Spec);
    }

    /// <summary>The client models the pipeline produced (read from the tracked step, no reflection needed).</summary>
    private static ClientModel[] Clients()
    {
        Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation = GeneratorHarness.Compilation(
            GeneratorHarness.Fixture("route_guide").Concat(GeneratorHarness.Fixture("multi_service")));
        Microsoft.CodeAnalysis.GeneratorRunResult result = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();
        return result.TrackedSteps[TrackingNames.Clients]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value)
            .Cast<ClientModel>()
            .ToArray();
    }
}
