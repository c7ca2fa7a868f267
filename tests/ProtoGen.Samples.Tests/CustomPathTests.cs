using System;
using System.Threading.Tasks;
using ProtoGen.Samples.Tests.Infrastructure;
using Xunit;

namespace ProtoGen.Samples.Tests;

/// <summary>samples/CustomPath: the tutorial's <c>-Igrpc/example/custom/path=../../protos</c> recipe.</summary>
[Collection(SharedSamples.Name)]
public sealed class CustomPathTests
{
    [Fact]
    public async Task Program_uses_the_types_under_their_logical_path()
    {
        RunResult result = await SamplesFixture.RunAsync(SamplesFixture.CSharp("CustomPath"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("namespace: Grpc.Example.Custom.Path\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("file: grpc/example/custom/path/route_summary.proto\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("imports: grpc/example/custom/path/route_guide.proto\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("round trip: ok", result.Output, StringComparison.Ordinal);
    }
}
