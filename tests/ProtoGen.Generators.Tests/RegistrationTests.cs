using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ProtoGen.Testing;
using ProtoGen.Testing.Roslyn;
using Xunit;

namespace ProtoGen.Generators.Tests;

/// <summary>The DI registration files (AddXClient) and the service config file: when they are emitted, and what.</summary>
public sealed class RegistrationTests
{
    private const string ServiceConfig = """
        {
          "methodConfig": [
            {
              "name": [{ "service": "routeguide.RouteGuide", "method": "GetFeature" }],
              "timeout": "0.5s",
              "retryPolicy": { "maxAttempts": 3, "initialBackoff": "0.1s", "maxBackoff": "1s", "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE"] }
            }
          ]
        }
        """;

    [Fact]
    public async Task RouteGuide_registration()
    {
        GeneratorRun run = RegistrationHarness.Run(GeneratorHarness.Fixture("route_guide"));
        AssertCompiles(run);
        string registration = Sources(run, ".RouteGuideClientServiceCollectionExtensions.g.cs");
        await Verifier.Verify(registration).UseExtension("cs");
    }

    [Fact]
    public async Task With_a_service_config()
    {
        GeneratorRun run = RegistrationHarness.Run(GeneratorHarness.Fixture("route_guide"), serviceConfigs: (RegistrationHarness.ServiceConfigPath, ServiceConfig));
        AssertCompiles(run);

        // The service config once per compilation; the wrapper's generated defaults and the registration refer to it.
        string wrapper = Sources(run, ".RouteGuideClientWrapper.g.cs");
        Assert.Contains("defaults.ServiceConfig = global::ProtoGen.Generated.ProtoGenServiceConfig.Instance;", wrapper, System.StringComparison.Ordinal);
        Assert.Contains("global::ProtoGen.Generated.ProtoGenServiceConfig.Json);", Sources(run, ".RouteGuideClientServiceCollectionExtensions.g.cs"), System.StringComparison.Ordinal);
        await Verifier.Verify(Sources(run, "ProtoGen.ServiceConfig.g.cs")).UseExtension("cs");
    }

    [Fact]
    public void Nothing_is_emitted_without_Grpc_Net_ClientFactory()
    {
        GeneratorRun run = RegistrationHarness.Run(GeneratorHarness.Fixture("route_guide"), clientFactory: false, registrationRuntime: false);
        AssertCompiles(run);
        string[] hints = run.Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).ToArray();
        Assert.Equal(["Routeguide.RouteGuideClientWrapper.g.cs"], hints);
        Assert.DoesNotContain("internal RouteGuideClientWrapper(", run.Result.Results.Single().GeneratedSources.Single().SourceText.ToString(), System.StringComparison.Ordinal);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void ClientFactory_without_ProtoGen_Runtime_ClientFactory_is_PGEN1010_once()
    {
        GeneratorRun run = RegistrationHarness.Run(GeneratorHarness.Fixture("route_guide").Concat(GeneratorHarness.Fixture("multi_service")), registrationRuntime: false);
        AssertCompiles(run);
        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("PGEN1010", diagnostic.Id);
        // Info, not a warning: Grpc.AspNetCore brings Grpc.Net.ClientFactory to every gRPC server project.
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.DoesNotContain(run.Result.Results.SelectMany(r => r.GeneratedSources), s => s.HintName.Contains("ServiceCollectionExtensions", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_type_with_the_registration_class_name_is_PGEN1012_and_the_wrapper_is_still_generated()
    {
        SyntaxTree user = GeneratorHarness.Source("/repo/src/Taken.cs", "namespace Routeguide;\n\n/// <summary>Taken.</summary>\npublic static class RouteGuideClientServiceCollectionExtensions\n{\n}\n");
        GeneratorRun run = RegistrationHarness.Run(GeneratorHarness.Fixture("route_guide").Append(user));
        AssertCompiles(run);
        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("PGEN1012", diagnostic.Id);
        Assert.Equal(["Routeguide.RouteGuideClientWrapper.g.cs"], run.Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).ToArray());
    }

    [Theory]
    [InlineData("All")]
    [InlineData("Minimal")]
    public void Registrations_for_services_in_the_global_namespace_internal_clients_and_odd_names_compile(string overloads)
    {
        // odd_names has an RPC named CreateGeneratedDefaults: the registration names the wrapper's method as the wrapper does.
        GeneratorRun run = RegistrationHarness.Run(
            GeneratorHarness.Fixture("no_package").Concat(GeneratorHarness.Fixture("odd_names")).Concat(GeneratorHarness.Fixture("multi_service")),
            overloads: overloads);
        AssertCompiles(run);
        string echo = Sources(run, "_global_.EchoClientServiceCollectionExtensions.g.cs");
        Assert.Contains("internal static partial class EchoClientServiceCollectionExtensions", echo, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_the_service_config_re_emits_only_its_own_file()
    {
        var first = new InMemoryAdditionalText(RegistrationHarness.ServiceConfigPath, ServiceConfig);
        GeneratorDriver driver = RegistrationHarness.CreateDriver([first]);
        CSharpCompilationHolder holder = new(RegistrationHarness.Compilation(GeneratorHarness.Fixture("route_guide"), clientFactory: true, registrationRuntime: true));
        driver = driver.RunGenerators(holder.Compilation);

        var edited = new InMemoryAdditionalText(RegistrationHarness.ServiceConfigPath, ServiceConfig.Replace("0.5s", "0.75s", System.StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(first, edited).RunGenerators(holder.Compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.All(result.TrackedSteps[TrackingNames.WrapperSpecs].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Contains(result.TrackedSteps[TrackingNames.ServiceConfigSource].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("0.75s", result.GeneratedSources.Single(s => s.HintName == "ProtoGen.ServiceConfig.g.cs").SourceText.ToString(), System.StringComparison.Ordinal);
    }

    private static void AssertCompiles(GeneratorRun run)
        => Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

    private static string Sources(GeneratorRun run, string hintSuffix)
        => run.Result.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName.EndsWith(hintSuffix, System.StringComparison.Ordinal)).SourceText.ToString();

    private sealed record CSharpCompilationHolder(Microsoft.CodeAnalysis.CSharp.CSharpCompilation Compilation);
}
