using System;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ProtoGen.Samples.Tests.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Samples.Tests;

/// <summary>
/// samples/Gateway end to end: the HTTP gateway, its IRouteGuideClient from AddRouteGuideClient (defaults from
/// appsettings.json over the csproj's, capped by grpc_service_config.json at build time, a logging interceptor), in
/// front of the C# and the Python RouteGuide server. The servers print the x-client header and the deadline each
/// call arrived with; the gateway's interceptor prints the deadline each call left with.
/// </summary>
[Collection(SharedSamples.Name)]
public sealed partial class GatewayTests(SamplesFixture fixture)
{
    private const string Berkshire = "/feature?latitude=409146138&longitude=-746188906";
    private const string Rectangle = "/features?lo_lat=400000000&lo_lon=-750000000&hi_lat=420000000&hi_lon=-730000000";

    [Fact]
    public Task Gateway_calls_the_csharp_server() => RunAsync(SamplesFixture.CSharp("RouteGuide").With("server"));

    [Fact]
    public async Task Gateway_calls_the_python_server() => await RunAsync(await fixture.PythonAsync("route_guide_server.py"));

    private static async Task RunAsync(ProcessSpec routeGuideServer)
    {
        using ChildProcess server = SamplesFixture.Start(routeGuideServer.With("--port", "0"));
        string target = "127.0.0.1:" + (await server.WaitForOutputAsync(Listening(), SamplesFixture.Timeout)).Groups["port"].Value;
        using ChildProcess gateway = SamplesFixture.Start(SamplesFixture.CSharp("Gateway").With("--port", "0", "--target", target));
        var address = new Uri("http://127.0.0.1:" + (await gateway.WaitForOutputAsync(Listening(), SamplesFixture.Timeout)).Groups["port"].Value);
        using var http = new HttpClient { BaseAddress = address, Timeout = SamplesFixture.Timeout };

        // GetFeature: appsettings.json's 3s (over the csproj's 10s); the x-client header from appsettings.json.
        string feature = await http.GetStringAsync(new Uri(Berkshire, UriKind.Relative));
        Assert.Equal("""{"name":"Berkshire Valley Management Area Trail, Jefferson, NJ, USA","latitude":409146138,"longitude":-746188906}""", feature);
        await server.WaitForOutputAsync(ServerLine("GetFeature", "[23]"), SamplesFixture.Timeout);

        // ListFeatures: the csproj's 10s, capped at 6s by the service config (the min rule).
        Assert.Equal("""{"count":100}""", await http.GetStringAsync(new Uri(Rectangle, UriKind.Relative)));
        await server.WaitForOutputAsync(ServerLine("ListFeatures", "[56]"), SamplesFixture.Timeout);

        // A shorter budget for the HTTP request is propagated: it wins over the 6s.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Rectangle, UriKind.Relative)) { Headers = { { "x-timeout", "2s" } } };
        using HttpResponseMessage response = await http.SendAsync(request);
        Assert.Equal("""{"count":100}""", await response.Content.ReadAsStringAsync());
        await server.WaitForOutputAsync(ServerLine("ListFeatures", "[12]"), SamplesFixture.Timeout);

        // The interceptor saw the same deadlines, in order.
        Assert.Matches(
            @"\[gateway\] /routeguide.RouteGuide/GetFeature x-client=gateway deadline=[23]s\n" +
            @"\[gateway\] /routeguide.RouteGuide/ListFeatures x-client=gateway deadline=[56]s\n" +
            @"\[gateway\] /routeguide.RouteGuide/ListFeatures x-client=gateway deadline=[12]s\n",
            gateway.Output);
    }

    private static Regex ServerLine(string method, string seconds) => new($@"\[server\] {method}: x-client=gateway deadline={seconds}s\n");

    [GeneratedRegex(@"^listening on 127\.0\.0\.1:(?<port>[1-9][0-9]*)$", RegexOptions.Multiline)]
    private static partial Regex Listening();
}
