using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProtoGen.Generators.Diagnostics;
using ProtoGen.Generators.Emitter;
using ProtoGen.Generators.Model;
using ProtoGen.Generators.Parser;

namespace ProtoGen.Generators;

/// <summary>
/// Generates typed wrappers (with default timeouts and default metadata) around the gRPC clients that
/// Grpc.Tools generated into the compilation. This file only wires the pipeline; see Parser/ and Emitter/.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ClientWrapperGenerator : IIncrementalGenerator
{
    /// <summary>The overload set generated without <c>ProtoGenClientWrapperOverloads</c>: <c>All</c> or <c>Minimal</c>.</summary>
    public static string DefaultOverloads => Shared.WrapperNaming.DefaultOverloads.ToString();

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ClientModel> clients = context.SyntaxProvider
            .ForAttributeWithMetadataName(ClientParser.GeneratedCodeAttribute, ClientParser.IsCandidateConstructor, ClientParser.Parse)
            .Where(static client => client is not null)
            .Select(static (client, _) => client!)
            .WithTrackingName(TrackingNames.Clients);

        IncrementalValuesProvider<ManifestFile> manifests = context.AdditionalTextsProvider
            .Where(static file => ManifestParser.IsManifest(file.Path))
            .Select(static (file, cancellationToken) => ManifestParser.Parse(file.Path, file.GetText(cancellationToken), cancellationToken))
            .WithTrackingName(TrackingNames.ManifestFiles);

        // All entries of all manifests, ordered by path so the first listing of a service wins deterministically.
        IncrementalValueProvider<EquatableArray<ManifestEntry>> entries = manifests
            .Collect()
            .Select(static (files, _) => files
                .OrderBy(static file => file.Path, System.StringComparer.Ordinal)
                .SelectMany(static file => file.Entries)
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.ManifestEntries);

        IncrementalValueProvider<GlobalSettings> settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GlobalSettingsParser.Parse(options.GlobalOptions))
            .WithTrackingName(TrackingNames.GlobalSettings);

        IncrementalValueProvider<CompilationFeatures> features = context.CompilationProvider
            .Combine(context.ParseOptionsProvider)
            .Select(static (pair, _) => new CompilationFeatures(
                pair.Left.GetTypeByMetadataName("ProtoGen.Runtime.GrpcCallDefaults") is not null,
                pair.Left.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1") is not null
                    && pair.Left.GetTypeByMetadataName("System.Runtime.CompilerServices.EnumeratorCancellationAttribute") is not null
                    && pair.Right is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 },
                pair.Right is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 },
                pair.Left.GetTypeByMetadataName("ProtoGen.Runtime.GrpcStreaming") is not null,
                pair.Left.GetTypeByMetadataName("Grpc.Net.ClientFactory.GrpcClientFactoryOptions") is not null,
                pair.Left.GetTypeByMetadataName("ProtoGen.Runtime.ClientFactory.GrpcWrapperRegistration") is not null))
            .WithTrackingName(TrackingNames.CompilationFeatures);

        // gRPC service configs: AdditionalFiles marked ProtoGenServiceConfig="true" (see build/ProtoGen.ClientWrappers.targets).
        IncrementalValuesProvider<ServiceConfigFile> serviceConfigFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => ServiceConfigParser.IsServiceConfig(pair.Right.GetOptions(pair.Left)))
            .Select(static (pair, cancellationToken) => ServiceConfigParser.Parse(pair.Left.Path, pair.Left.GetText(cancellationToken), cancellationToken))
            .WithTrackingName(TrackingNames.ServiceConfigFiles);

        IncrementalValueProvider<ServiceConfigChoice> serviceConfig = serviceConfigFiles
            .Collect()
            .Select(static (files, _) => ServiceConfigParser.Choose(files))
            .WithTrackingName(TrackingNames.ServiceConfig);

        IncrementalValueProvider<bool> hasServiceConfig = serviceConfig
            .Select(static (choice, _) => choice.Spec is not null)
            .WithTrackingName(TrackingNames.HasServiceConfig);

        IncrementalValuesProvider<WrapperResult> results = clients
            .Combine(entries)
            .Combine(settings)
            .Combine(features)
            .Combine(hasServiceConfig)
            .Select(static (input, _) => WrapperSpecBuilder.Build(input.Left.Left.Left.Left, input.Left.Left.Left.Right, input.Left.Left.Right, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.WrapperResults);

        IncrementalValuesProvider<WrapperSpec> specs = results
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(TrackingNames.WrapperSpecs);

        context.RegisterSourceOutput(specs, static (spc, spec) => spc.AddSource(spec.HintName, WrapperEmitter.Emit(spec)));

        // DI registrations (Grpc.Net.ClientFactory), each in its own file, only when the compilation can use them.
        IncrementalValuesProvider<WrapperSpec> registrations = specs
            .Where(static spec => spec.EmitsRegistration)
            .WithTrackingName(TrackingNames.Registrations);
        context.RegisterSourceOutput(registrations, static (spc, spec) => spc.AddSource(spec.RegistrationHintName, RegistrationEmitter.Emit(spec)));

        IncrementalValueProvider<ServiceConfigSpec?> serviceConfigSource = serviceConfig
            .Combine(features)
            .Select(static (pair, _) => pair.Right.HasRuntime ? pair.Left.Spec : null)
            .WithTrackingName(TrackingNames.ServiceConfigSource);
        context.RegisterSourceOutput(serviceConfigSource, static (spc, spec) =>
        {
            if (spec is not null)
            {
                spc.AddSource(ServiceConfigEmitter.HintName, ServiceConfigEmitter.Emit(spec));
            }
        });
        context.RegisterSourceOutput(serviceConfig, static (spc, choice) => Report(spc, choice.Diagnostics));

        IncrementalValueProvider<EquatableArray<DiagnosticInfo>> registrationDiagnostics = specs
            .Collect()
            .Combine(features)
            .Select(static (pair, _) => pair.Right.HasClientFactory && !pair.Right.HasRegistrationRuntime && pair.Left.Length > 0
                ? new[] { DiagnosticInfo.Create(DiagnosticDescriptors.RegistrationRuntimeMissing, null) }.ToEquatableArray()
                : EquatableArray<DiagnosticInfo>.Empty)
            .WithTrackingName(TrackingNames.RegistrationDiagnostics);
        context.RegisterSourceOutput(registrationDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));

        // Diagnostics are registered apart from the source, so only they are re-reported when they change.
        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> wrapperDiagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.WrapperDiagnostics);
        context.RegisterSourceOutput(wrapperDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));

        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> manifestDiagnostics = manifests
            .Combine(clients.Select(static (client, _) => client.ServiceName).Collect())
            .Select(static (pair, _) => WrapperSpecBuilder.OrphanEntryDiagnostics(pair.Left, pair.Right.ToEquatableArray()))
            .WithTrackingName(TrackingNames.ManifestDiagnostics);
        context.RegisterSourceOutput(manifestDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(settings, static (spc, value) => Report(spc, value.Diagnostics));
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
