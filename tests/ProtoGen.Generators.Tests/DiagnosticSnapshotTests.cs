using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ProtoGen.Testing;
using ProtoGen.Testing.Roslyn;
using Xunit;

namespace ProtoGen.Generators.Tests;

/// <summary>Snapshots of the diagnostics of a manifest with every kind of mistake, rendered as text.</summary>
public sealed class DiagnosticSnapshotTests
{
    [Fact]
    public async Task EveryManifestMistake()
    {
        string manifest = string.Join("\n",
            "# comment lines and empty lines are ignored",
            "",
            "service\trouteguide.RouteGuide\tdefaultTimeout=soon\tmethodTimeouts=GetFeature=1s;Nope=2s;ListFeatures=-1s\tdefaultMetadata=X-Team=maps;grpc-timeout=1;x-ok=fine;x-trace-bin=not base64\tsource=/repo/protos/route_guide.proto\tline=24",
            "service\tacme.inventory.v2.Inventory\tenabled=maybe\taccess=Protected\tcolour=blue\tdefaultTimeout=1s\tdefaultTimeout=2s",
            "services\tEcho",
            "service",
            "service\tunknown.Service\tdefaultTimeout=1d",
            "service\tacme.inventory.v2.Inventory\tenabled=false",
            "");
        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.Fixture("route_guide").Concat(GeneratorHarness.Fixture("inventory")),
            manifest,
            new Dictionary<string, string>
            {
                ["build_property.ProtoGenClientWrappers"] = "yes",
                ["build_property.ProtoGenDefaultTimeout"] = "0s",
            });

        // Invalid settings are skipped, never emitted: the output still compiles.
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        await Verifier.Verify(RoslynHarness.RenderDiagnostics(run.Diagnostics));
    }
}
