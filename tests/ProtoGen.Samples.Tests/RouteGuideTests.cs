using System;
using System.IO;
using System.Threading.Tasks;
using ProtoGen.Samples.Tests.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Samples.Tests;

/// <summary>
/// samples/RouteGuide: all four RPC kinds and a deadline that expires, the C# client through the generated wrapper
/// whose deadlines (10s, GetFeature=5s, ListFeatures=3s) and x-client header come from the <c>Protobuf</c> item.
/// The C# client's expired deadline is a feature stream read too slowly; the Python client's, a route sent too slowly.
/// </summary>
[Collection(SharedSamples.Name)]
public sealed class RouteGuideTests(SamplesFixture fixture)
{
    private const string CSharpDeadlineExceeded = @"ListFeatures failed after [0-9.]+s \([0-9]+ features read\): DeadlineExceeded\n";

    private const string PythonDeadlineExceeded = @"RecordRoute failed after [0-9.]+s: DEADLINE_EXCEEDED\n";

    private static ProcessSpec CSharpServer => SamplesFixture.CSharp("RouteGuide").With("server");

    private static ProcessSpec CSharpClient => SamplesFixture.CSharp("RouteGuide").With("client");

    [Fact]
    public async Task Main_job_command_builds_and_runs_the_demo_and_exits_0()
    {
        // The README's command, as a user types it: builds through ProtoGen (up to date here), serves on
        // 127.0.0.1, runs the client, stops the server. The build's evaluation alone took over 120 s at a load of 15:
        // it gets a build's time.
        ProcessSpec command = SamplesFixture.DotNetCommand("dotnet run --project samples/RouteGuide", "run", "--project", Path.Combine("samples", "RouteGuide"));

        RunResult result = await SamplesFixture.RunAsync(command, DotNet.BuildTimeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^listening on 127\.0\.0\.1:[1-9][0-9]*$", result.Output);
        AssertClientOutput(result.Output, server: "csharp", deadlineExceeded: CSharpDeadlineExceeded);
        AssertServerOutput(result.Output, client: "csharp");
        Assert.EndsWith("done\nserver stopped\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csharp_wrapper_client_calls_csharp_server()
    {
        PairResult result = await SamplesFixture.RunPairAsync(CSharpServer, CSharpClient);

        Assert.True(result.ClientExitCode == 0, result.ToString());
        AssertClientOutput(result.ClientOutput, server: "csharp", deadlineExceeded: CSharpDeadlineExceeded);
        AssertServerOutput(result.ServerOutput, client: "csharp");
    }

    [Fact]
    public async Task Csharp_wrapper_client_calls_python_server()
    {
        PairResult result = await SamplesFixture.RunPairAsync(await fixture.PythonAsync("route_guide_server.py"), CSharpClient);

        Assert.True(result.ClientExitCode == 0, result.ToString());
        AssertClientOutput(result.ClientOutput, server: "python", deadlineExceeded: CSharpDeadlineExceeded);
        AssertServerOutput(result.ServerOutput, client: "csharp");
    }

    [Fact]
    public async Task Python_client_calls_csharp_server()
    {
        PairResult result = await SamplesFixture.RunPairAsync(CSharpServer, await fixture.PythonAsync("route_guide_client.py"));

        Assert.True(result.ClientExitCode == 0, result.ToString());
        AssertClientOutput(result.ClientOutput, server: "csharp", deadlineExceeded: PythonDeadlineExceeded);
        AssertServerOutput(result.ServerOutput, client: "python");
    }

    private static void AssertClientOutput(string output, string server, string deadlineExceeded)
    {
        // Unary, server streaming, client streaming, duplex.
        Assert.Contains("Found feature called \"Berkshire Valley Management Area Trail, Jefferson, NJ, USA\" at 40.9146138, -74.6188906\n", output, StringComparison.Ordinal);
        Assert.Contains("Found no feature at 0, 0\n", output, StringComparison.Ordinal);
        Assert.Contains("ListFeatures: 100 features\n", output, StringComparison.Ordinal);
        Assert.Contains("Finished trip with 10 points. Passed 10 features.", output, StringComparison.Ordinal);
        Assert.Contains("Got message \"First message\" at 0, 1\n", output, StringComparison.Ordinal);
        // The server's response header reached the client.
        Assert.Contains($"x-server: routeguide-{server}\n", output, StringComparison.Ordinal);
        // The slow reader (or sender) outlived its 3s deadline: the status code, whatever the detail says.
        Assert.Matches(deadlineExceeded, output);
        Assert.Contains("done\n", output, StringComparison.Ordinal);
    }

    private static void AssertServerOutput(string output, string client)
    {
        // The client's header and deadlines reached the server: per method from the Protobuf item (C#), or per call
        // (Python). Ranges, not exact values: a cold first call on a busy machine may arrive a second late.
        Assert.Matches($@"\[server\] GetFeature: x-client=routeguide-{client} deadline=[345]s\n", output);
        Assert.Matches($@"\[server\] ListFeatures: x-client=routeguide-{client} deadline=[123]s\n", output);
        Assert.Matches($@"\[server\] RecordRoute: x-client=routeguide-{client} deadline=([7-9]|10)s\n", output);
        Assert.Matches($@"\[server\] RouteChat: x-client=routeguide-{client} deadline=([7-9]|10)s\n", output);
    }
}
