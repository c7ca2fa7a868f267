using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ProtoGen.Testing;
using ProtoGen.Testing.Roslyn;
using Xunit;

namespace ProtoGen.Generators.Tests;

/// <summary>A malformed service config is a build error (PGEN1009) at the JSON file, line and column; one case per kind.</summary>
public sealed class ServiceConfigDiagnosticTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_service_config_is_PGEN1009_at_its_line_and_column(string description, string json, int line, int column, string message)
    {
        GeneratorRun run = RegistrationHarness.Run(GeneratorHarness.Fixture("route_guide"), serviceConfigs: (RegistrationHarness.ServiceConfigPath, json));

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("PGEN1009", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal(RegistrationHarness.ServiceConfigPath, span.Path);
        Assert.True((line, column) == (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1), $"{description}: at {span.StartLinePosition}");
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        // No wrapper uses it: the wrapper is generated without a service config, and the output compiles.
        Assert.DoesNotContain(run.Result.Results.SelectMany(r => r.GeneratedSources), s => s.HintName == "ProtoGen.ServiceConfig.g.cs");
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public async Task Every_error_of_one_file_is_reported_and_a_second_file_is_PGEN1011()
    {
        const string json = "{\n  \"methodConfig\": [\n    { \"name\": [{ \"method\": \"GetFeature\" }], \"timeout\": \"1\" },\n    { \"name\": [{ \"service\": \"a.B\" }, { \"service\": \"a.B\" }] }\n  ]\n}\n";
        GeneratorRun run = RegistrationHarness.Run(
            GeneratorHarness.Fixture("route_guide"),
            serviceConfigs: [("/repo/a/grpc_service_config.json", json), ("/repo/b/grpc_service_config.json", "{}")]);
        await Verifier.Verify(RoslynHarness.RenderDiagnostics(run.Diagnostics));
    }

    /// <summary>The runtime tests' cases (tests/ProtoGen.Runtime.Tests/ServiceConfigCases.cs), compiled in here too: build and run time agree.</summary>
    public static IEnumerable<object[]> Cases() => ProtoGen.Runtime.Tests.ServiceConfigCases.Malformed();
}
