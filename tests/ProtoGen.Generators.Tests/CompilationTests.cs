using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProtoGen.Testing.Roslyn;
using Xunit;

namespace ProtoGen.Generators.Tests;

/// <summary>The generated code compiles cleanly: warnings as errors, nullable enabled, documentation checked.</summary>
public sealed class CompilationTests
{
    public static TheoryData<string> Fixtures => ["route_guide", "multi_service", "inventory", "no_package", "health", "reflection_v1alpha", "odd_names"];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void GeneratedCode_CompilesWithoutAnyDiagnostic(string fixture)
    {
        const string Manifest =
            "service\trouteguide.RouteGuide\tdefaultTimeout=5s\tmethodTimeouts=GetFeature=1s\tdefaultMetadata=x-a=b;x-b-bin=AQI=\n";

        // A caller using every member, so misuse of the API would show too.
        SyntaxTree usage = GeneratorHarness.Source("/repo/src/Usage.cs", """
            #nullable enable
            namespace Consumer;

            /// <summary>Uses the wrappers.</summary>
            public static class Usage
            {
                /// <summary>Uses route_guide's wrapper when it exists.</summary>
                /// <param name="channel">A channel.</param>
                public static void Touch(global::Grpc.Core.ChannelBase channel)
                {
                    _ = channel;
                }
            }
            """);

        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.Fixture(fixture).Append(usage),
            Manifest,
            GeneratorHarness.WrapAll(defaultTimeout: "30s"));

        Assert.Empty(run.Diagnostics);
        Assert.NotEmpty(run.Result.Results.Single().GeneratedSources);

        Compilation strict = run.Output.WithOptions(((CSharpCompilationOptions)run.Output.Options)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
            .WithNullableContextOptions(NullableContextOptions.Enable));
        ImmutableArray<Diagnostic> diagnostics = strict.GetDiagnostics();
        IEnumerable<Diagnostic> visible = diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden);
        Assert.Empty(visible.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("Minimal", true)]
    [InlineData("All", false)]
    public void Defaults_IsOnTheInterfaceExactlyWhenTheWrapperHasIt(string overloads, bool property)
    {
        // odd_names has a unary RPC named Defaults: under Minimal it becomes DefaultsAsync only, so the property
        // stays; under All the blocking Defaults(...) methods take the name, and neither type has the property.
        Dictionary<string, string> options = GeneratorHarness.WrapAll();
        options["build_property.ProtoGenClientWrapperOverloads"] = overloads;
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Fixture("odd_names"), globalOptions: options);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        INamedTypeSymbol contract = run.Output.GetTypeByMetadataName("Examples.Odd.IOddClient")!;
        INamedTypeSymbol wrapper = run.Output.GetTypeByMetadataName("Examples.Odd.OddClientWrapper")!;
        Assert.Equal(property, contract.GetMembers("Defaults").OfType<IPropertySymbol>().Any());
        Assert.Equal(property, wrapper.GetMembers("Defaults").OfType<IPropertySymbol>().Any());
        Assert.Equal(!property, contract.GetMembers("Defaults").OfType<IMethodSymbol>().Any());

        // The property implements the interface's: code that has only IOddClient (DI, mocks) reads the same defaults.
        if (property)
        {
            ISymbol implementation = wrapper.FindImplementationForInterfaceMember(contract.GetMembers("Defaults").Single())!;
            Assert.Same(wrapper.GetMembers("Defaults").Single(), implementation);
        }

        // Client stays on the class only.
        Assert.Empty(contract.GetMembers("Client").OfType<IPropertySymbol>());
    }

    [Fact]
    public void GeneratedCode_CompilesAtCSharp73_TheDefaultOfNetStandard20()
    {
        // netstandard2.0 projects default to C# 7.3: no nullable annotations, no async iterators.
        RoslynHarness csharp73 = GeneratorHarness.Roslyn.WithParseOptions(new CSharpParseOptions(LanguageVersion.CSharp7_3, DocumentationMode.Diagnose));
        SyntaxTree[] trees = GeneratorHarness.Fixture("route_guide")
            .Select(t => csharp73.Parse(t.FilePath, t.GetText().ToString()))
            .ToArray();
        CSharpCompilation compilation = GeneratorHarness.Compilation(trees);
        compilation = compilation.WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable));
        GeneratorDriver driver = csharp73.CreateDriver()
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        string generated = string.Join("\n", driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()));
        Assert.DoesNotContain("#nullable", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("StreamAsync", generated, StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).Select(d => d.ToString()));
    }

    [Fact]
    public void StreamMethods_UseTheRuntimeIterator_OrTheirOwnWhereTheRuntimeHasNone()
    {
        // netstandard2.1 and later get ProtoGen.Runtime's GrpcStreaming: one iterator for the whole project.
        GeneratorRun current = GeneratorHarness.Run(GeneratorHarness.Fixture("route_guide"), globalOptions: GeneratorHarness.WrapAll());
        string withHelper = string.Join("\n", current.Result.GeneratedTrees.Select(t => t.ToString()));
        Assert.Contains("global::ProtoGen.Runtime.GrpcStreaming.ReadAllAsync(token => ListFeatures(request, headers, deadline, timeout, token), cancellationToken)", withHelper, StringComparison.Ordinal);
        Assert.DoesNotContain(" async ", withHelper, StringComparison.Ordinal);

        // The netstandard2.0 runtime has no IAsyncEnumerable; a C# 8 consumer that has the type gets an iterator per method.
        CSharpCompilation compilation = GeneratorHarness.Compilation(GeneratorHarness.Fixture("route_guide"), runtime: GeneratorHarness.NetStandard20RuntimeReference);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(globalOptions: GeneratorHarness.WrapAll())
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        string withoutHelper = string.Join("\n", driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()));

        Assert.Empty(diagnostics);
        Assert.DoesNotContain("GrpcStreaming", withoutHelper, StringComparison.Ordinal);
        Assert.Contains("public async global::System.Collections.Generic.IAsyncEnumerable<global::Routeguide.Feature> ListFeaturesStreamAsync(", withoutHelper, StringComparison.Ordinal);
        Assert.Contains("[global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken", withoutHelper, StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).Select(d => d.ToString()));
    }

    [Fact]
    public void RouteGuideWrapper_IsUsableAsWritten()
    {
        SyntaxTree usage = GeneratorHarness.Source("/repo/src/Usage.cs", """
            #nullable enable
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Grpc.Core;
            using ProtoGen.Runtime;
            using Routeguide;

            namespace Consumer;

            /// <summary>Uses the wrapper as a caller would.</summary>
            public static class Usage
            {
                /// <summary>Calls every kind of RPC.</summary>
                /// <param name="channel">A channel.</param>
                /// <returns>A task.</returns>
                public static async Task RunAsync(ChannelBase channel)
                {
                    IRouteGuideClient client = new RouteGuideClientWrapper(channel, new GrpcClientDefaults
                    {
                        DefaultTimeout = TimeSpan.FromSeconds(2),
                        MethodTimeouts = { ["ListFeatures"] = TimeSpan.FromSeconds(10) },
                        DefaultMetadata = { { "x-team", "maps" } },
                    });
                    Feature feature = await client.GetFeatureAsync(new Point(), timeout: TimeSpan.FromMilliseconds(250));
                    _ = client.GetFeature(new Point(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(1)));
                    await foreach (Feature item in client.ListFeaturesStreamAsync(new Rectangle(), headers: new Metadata { { "x-team", "other" } }))
                    {
                        _ = item;
                    }

                    using AsyncClientStreamingCall<Point, RouteSummary> record = client.RecordRoute(cancellationToken: CancellationToken.None);
                    await record.RequestStream.CompleteAsync();
                    using AsyncDuplexStreamingCall<RouteNote, RouteNote> chat = client.RouteChat(deadline: DateTime.UtcNow.AddSeconds(5));
                    _ = feature;
                    _ = new RouteGuideClientWrapper(new RouteGuide.RouteGuideClient(channel)).Defaults.DefaultTimeout;
                    _ = RouteGuideClientWrapper.CreateGeneratedDefaults();
                }
            }
            """);

        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.Fixture("route_guide").Append(usage),
            "service\trouteguide.RouteGuide\tdefaultTimeout=5s\n",
            new System.Collections.Generic.Dictionary<string, string> { ["build_property.ProtoGenClientWrapperOverloads"] = "All" });

        Compilation strict = run.Output.WithOptions(((CSharpCompilationOptions)run.Output.Options).WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        Assert.Empty(strict.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).Select(d => d.ToString()));
    }

    [Fact]
    public void TwoProjectsWithWrappers_ThatReferenceEachOther_DoNotCollide()
    {
        // Project A wraps route_guide; project B references A, wraps its own services and uses both.
        GeneratorRun a = GeneratorHarness.Run(GeneratorHarness.Fixture("route_guide"), globalOptions: GeneratorHarness.WrapAll("5s"));
        Compilation projectA = a.Output.WithAssemblyName("ProjectA");
        Assert.Empty(projectA.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));

        SyntaxTree usage = GeneratorHarness.Source("/b/Usage.cs", """
            namespace ProjectB;

            /// <summary>Uses wrappers of both projects with one options type.</summary>
            public static class Usage
            {
                /// <summary>Creates both wrappers.</summary>
                /// <param name="channel">A channel.</param>
                public static void Create(global::Grpc.Core.ChannelBase channel)
                {
                    var defaults = new global::ProtoGen.Runtime.GrpcClientDefaults();
                    _ = new global::Routeguide.RouteGuideClientWrapper(channel, defaults);
                    _ = new global::Examples.Multi.V1.GreeterClientWrapper(channel, defaults);
                }
            }
            """);
        CSharpCompilation projectB = GeneratorHarness.Compilation(GeneratorHarness.Fixture("multi_service").Append(usage))
            .WithAssemblyName("ProjectB")
            .AddReferences(projectA.ToMetadataReference());
        GeneratorDriver driver = GeneratorHarness.CreateDriver(globalOptions: GeneratorHarness.WrapAll())
            .RunGeneratorsAndUpdateCompilation(projectB, out Compilation outputB, out ImmutableArray<Diagnostic> generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        Assert.Equal(2, driver.GetRunResult().GeneratedTrees.Length);
        Compilation strict = outputB.WithOptions(((CSharpCompilationOptions)outputB.Options).WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        Assert.Empty(strict.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).Select(d => d.ToString()));
    }
}
