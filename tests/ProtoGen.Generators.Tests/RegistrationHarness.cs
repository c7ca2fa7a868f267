using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ProtoGen.Testing.Roslyn;

namespace ProtoGen.Generators.Tests;

/// <summary>
/// Compilations for the registration and service config tests: GeneratorHarness's references plus, when asked,
/// Grpc.Net.ClientFactory (with what it brings) and ProtoGen.Runtime.ClientFactory; additional files with item
/// metadata (ProtoGenServiceConfig="true"), as build/ProtoGen.ClientWrappers.targets makes the compiler see them.
/// </summary>
internal static class RegistrationHarness
{
    public const string ServiceConfigPath = "/repo/grpc_service_config.json";

    private static readonly ImmutableArray<MetadataReference> Grpc =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(Google.Protobuf.IMessage).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Grpc.Core.ClientBase<>).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ProtoGen.Runtime.GrpcCallDefaults).Assembly.Location),
    ];

    private static readonly ImmutableArray<MetadataReference> ClientFactory =
    [
        MetadataReference.CreateFromFile(typeof(Grpc.Net.ClientFactory.GrpcClientFactoryOptions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Grpc.Net.Client.GrpcChannelOptions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
    ];

    private static readonly MetadataReference RegistrationRuntime =
        MetadataReference.CreateFromFile(typeof(ProtoGen.Runtime.ClientFactory.GrpcWrapperRegistration).Assembly.Location);

    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees, bool clientFactory, bool registrationRuntime)
        => CSharpCompilation.Create(
            "Consumer",
            trees,
            [.. Grpc, .. clientFactory ? ClientFactory : ImmutableArray<MetadataReference>.Empty, .. registrationRuntime ? [RegistrationRuntime] : Array.Empty<MetadataReference>()],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

    /// <summary>Runs the generator with everything wrapped (ProtoGenClientWrappers=true) and the given service configs.</summary>
    public static GeneratorRun Run(
        IEnumerable<SyntaxTree> trees,
        bool clientFactory = true,
        bool registrationRuntime = true,
        string? overloads = null,
        params (string Path, string Json)[] serviceConfigs)
    {
        CSharpCompilation compilation = Compilation(trees, clientFactory, registrationRuntime);
        GeneratorDriver driver = CreateDriver(serviceConfigs.Select(c => (AdditionalText)new InMemoryAdditionalText(c.Path, c.Json)).ToArray(), overloads)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorRun(driver, compilation, output, diagnostics);
    }

    public static GeneratorDriver CreateDriver(AdditionalText[] serviceConfigs, string? overloads = null)
        => CSharpGeneratorDriver.Create(
            [new ClientWrapperGenerator().AsSourceGenerator()],
            serviceConfigs,
            GeneratorHarness.Roslyn.ParseOptions,
            new ServiceConfigOptions(serviceConfigs.Select(t => t.Path).ToHashSet(StringComparer.Ordinal), overloads),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>The global property that wraps every client, and ProtoGenServiceConfig="true" on the given files.</summary>
    private sealed class ServiceConfigOptions(HashSet<string> serviceConfigPaths, string? overloads) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Marked = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ProtoGenServiceConfig"] = "true" });
        private static readonly Options None = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(WithOverloads(GeneratorHarness.WrapAll(), overloads));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => serviceConfigPaths.Contains(textFile.Path) ? Marked : None;

        private static Dictionary<string, string> WithOverloads(Dictionary<string, string> options, string? overloads)
        {
            if (overloads is not null)
            {
                options["build_property.ProtoGenClientWrapperOverloads"] = overloads;
            }

            return options;
        }

        private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
                => values.TryGetValue(key, out value);
        }
    }
}
