using System;
using System.Threading.Tasks;
using ProtoGen.Samples.Tests.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Samples.Tests;

/// <summary>samples/HelloWorld: the tutorial's Greeter, the C# client through the generated GreeterClientWrapper.</summary>
[Collection(SharedSamples.Name)]
public sealed class HelloWorldTests(SamplesFixture fixture)
{
    private static ProcessSpec CSharpServer => SamplesFixture.CSharp("HelloWorld").With("server");

    private static ProcessSpec CSharpClient => SamplesFixture.CSharp("HelloWorld").With("client");

    [Fact]
    public async Task Csharp_wrapper_client_calls_csharp_server()
    {
        PairResult result = await SamplesFixture.RunPairAsync(CSharpServer, CSharpClient);

        AssertGreeted(result, server: "csharp", client: "csharp");
    }

    [Fact]
    public async Task Csharp_wrapper_client_calls_python_server()
    {
        PairResult result = await SamplesFixture.RunPairAsync(await fixture.PythonAsync("helloworld_server.py"), CSharpClient);

        AssertGreeted(result, server: "python", client: "csharp");
    }

    [Fact]
    public async Task Python_client_calls_csharp_server()
    {
        PairResult result = await SamplesFixture.RunPairAsync(CSharpServer, await fixture.PythonAsync("helloworld_client.py"));

        AssertGreeted(result, server: "csharp", client: "python");
    }

    private static void AssertGreeted(PairResult result, string server, string client)
    {
        Assert.True(result.ClientExitCode == 0, result.ToString());
        Assert.Contains("Greeter client received: Hello world\n", result.ClientOutput, StringComparison.Ordinal);
        // Metadata both ways: the server's response header, the client's default header and deadline (5s).
        Assert.Contains($"x-server: helloworld-{server}\n", result.ClientOutput, StringComparison.Ordinal);
        Assert.Matches($@"\[server\] SayHello: name=world x-client=helloworld-{client} deadline=[345]s\n", result.ServerOutput);
    }
}
