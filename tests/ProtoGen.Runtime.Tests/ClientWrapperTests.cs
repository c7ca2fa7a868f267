using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;
using Routeguide;
using Xunit;

namespace ProtoGen.Runtime.Tests;

/// <summary>
/// The generated RouteGuide wrapper against a real server. The manifest (RouteGuide.protogen-wrappers)
/// configures: default timeout 30 s, ListFeatures 60 s, metadata x-team=maps and x-trace-bin=00 01 02 FF.
/// Which deadline a call got is checked through what the server sees (time left to the deadline, within
/// <see cref="Timing.Slack"/>), and expiry through the status code, on calls the server stalls; elapsed times
/// only get generous upper bounds (<see cref="Timing"/>).
/// </summary>
public sealed class ClientWrapperTests(RouteGuideServer server) : IClassFixture<RouteGuideServer>
{
    private static readonly TimeSpan Default = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ListFeaturesDefault = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MethodDefault = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PerCall = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Explicit = TimeSpan.FromSeconds(45);

    private RouteGuideClientWrapper Wrapper(GrpcClientDefaults? defaults = null) => new(server.Channel, defaults);

    [Fact]
    public async Task ClientDefaultTimeout_EndsASlowCall_WithDeadlineExceeded()
    {
        var watch = Stopwatch.StartNew();
        var defaults = new GrpcClientDefaults { DefaultTimeout = Timing.Short };
        RpcException error = await Assert.ThrowsAsync<RpcException>(
            async () => await Wrapper(defaults).GetFeatureAsync(new Point { Latitude = Timing.Stall }));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(watch.Elapsed < Timing.Generous, $"took {watch.Elapsed}");
    }

    [Fact]
    public void BlockingUnary_HasTheClientDefaultDeadline()
    {
        Feature seen = Wrapper().GetFeature(new Point());
        Timing.AssertSeen(Default, seen.Location.Longitude);
    }

    [Fact]
    public async Task MethodDefault_WinsOverClientDefault()
    {
        var defaults = new GrpcClientDefaults { MethodTimeouts = { ["GetFeature"] = MethodDefault } };
        Feature seen = await Wrapper(defaults).GetFeatureAsync(new Point());
        Timing.AssertSeen(MethodDefault, seen.Location.Longitude);
    }

    [Fact]
    public async Task PerCallTimeout_WinsOverMethodDefault()
    {
        var defaults = new GrpcClientDefaults { MethodTimeouts = { ["GetFeature"] = MethodDefault } };
        Feature seen = await Wrapper(defaults).GetFeatureAsync(new Point(), timeout: PerCall);
        Timing.AssertSeen(PerCall, seen.Location.Longitude);
    }

    [Fact]
    public async Task ExplicitDeadline_WinsOverEveryTimeout()
    {
        Feature seen = await Wrapper().GetFeatureAsync(new Point(), deadline: DateTime.UtcNow + Explicit, timeout: PerCall);
        Timing.AssertSeen(Explicit, seen.Location.Longitude);
    }

    [Fact]
    public async Task PerCallTimeout_ShorterThanDefault_EndsTheCall()
    {
        RpcException error = await Assert.ThrowsAsync<RpcException>(
            async () => await Wrapper().GetFeatureAsync(new Point { Latitude = Timing.Stall }, timeout: TimeSpan.FromMilliseconds(100)));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task NoConfiguredTimeout_MeansNoDeadline()
    {
        var replaced = new GrpcClientDefaults { InheritGeneratedDefaults = false };
        Feature seen = await Wrapper(replaced).GetFeatureAsync(new Point());
        Assert.Equal(-1, seen.Location.Longitude);
        Assert.Equal(string.Empty, seen.Name);

        var infinite = new GrpcClientDefaults { DefaultTimeout = Timeout.InfiniteTimeSpan };
        Assert.Equal(-1, (await Wrapper(infinite).GetFeatureAsync(new Point())).Location.Longitude);
    }

    [Fact]
    public async Task DefaultMetadata_ArrivesAtTheServer_BinaryAsBytes()
    {
        Feature seen = await Wrapper().GetFeatureAsync(new Point());
        Assert.Equal("x-team=maps;x-trace-bin=bytes:000102FF", seen.Name);
    }

    [Fact]
    public async Task PerCallHeader_ReplacesTheDefaultForItsKey()
    {
        var headers = new Metadata { { "x-team", "routing" }, { "x-extra", "1" } };
        Feature seen = await Wrapper().GetFeatureAsync(new Point(), headers: headers);
        Assert.Equal("x-trace-bin=bytes:000102FF;x-team=routing;x-extra=1", seen.Name);
    }

    [Fact]
    public async Task ConstructionDefaults_AddAndReplaceMetadata()
    {
        var defaults = new GrpcClientDefaults { DefaultMetadata = { { "x-team", "search" }, { "x-tenant", "acme" } } };
        Feature seen = await Wrapper(defaults).GetFeatureAsync(new Point());
        Assert.Equal("x-trace-bin=bytes:000102FF;x-team=search;x-tenant=acme", seen.Name);
    }

    [Fact]
    public async Task CallOptionsOverload_MergesMetadata_AndAppliesTheDefaultDeadlineOnlyWhenNoneIsSet()
    {
        RouteGuideClientWrapper client = Wrapper();
        Feature defaulted = await client.GetFeatureAsync(new Point(), new CallOptions(headers: new Metadata { { "x-team", "ops" } }));
        Assert.Equal("x-trace-bin=bytes:000102FF;x-team=ops", defaulted.Name);
        Timing.AssertSeen(Default, defaulted.Location.Longitude);

        Feature explicitDeadline = await client.GetFeatureAsync(new Point(), new CallOptions(deadline: DateTime.UtcNow + Explicit));
        Timing.AssertSeen(Explicit, explicitDeadline.Location.Longitude);
    }

    [Fact]
    public async Task ServerStreaming_UsesTheMethodDefault()
    {
        // A stream without end: its first feature tells the deadline; disposing of the call ends it.
        using AsyncServerStreamingCall<Feature> call = Wrapper().ListFeatures(new Rectangle { Lo = new Point { Latitude = 20 } });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Timing.AssertSeen(ListFeaturesDefault, call.ResponseStream.Current.Location.Longitude);
    }

    [Fact]
    public async Task ServerStreaming_StopsAtItsDeadline()
    {
        // Features must arrive before the deadline, so it cannot be very short: 2 s is many times what the first one
        // takes on a loaded machine.
        TimeSpan timeout = TimeSpan.FromSeconds(2);
        var watch = Stopwatch.StartNew();
        DateTime deadline = DateTime.UtcNow + timeout;
        using AsyncServerStreamingCall<Feature> call = Wrapper().ListFeatures(new Rectangle { Lo = new Point { Latitude = 20 } }, timeout: timeout);
        var received = new List<Feature>();
        RpcException error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                received.Add(call.ResponseStream.Current);
            }
        });

        AssertDeadlineExceeded(error, deadline);
        Assert.NotEmpty(received);
        Assert.InRange(received[0].Location.Longitude, 0, (int)timeout.TotalMilliseconds);
        Assert.True(watch.Elapsed < Timing.Generous, $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task ServerStreaming_AsyncEnumerable_EndsWithDeadlineExceeded()
    {
        DateTime deadline = DateTime.UtcNow + Timing.Short;
        RpcException error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (Feature feature in Wrapper().ListFeaturesStreamAsync(new Rectangle { Lo = new Point { Latitude = 20 } }, timeout: Timing.Short))
            {
                Assert.InRange(feature.Location.Longitude, 0, (int)Timing.Short.TotalMilliseconds);
            }
        });
        AssertDeadlineExceeded(error, deadline);
    }

    [Fact]
    public async Task ServerStreaming_AsyncEnumerable_ReadsAFiniteStreamToTheEnd()
    {
        var names = new List<string>();
        await foreach (Feature feature in Wrapper().ListFeaturesStreamAsync(new Rectangle { Lo = new Point { Latitude = 1 }, Hi = new Point { Latitude = 3 } }))
        {
            names.Add(feature.Name);
        }

        Assert.Equal(3, names.Count);
    }

    [Fact]
    public async Task Cancellation_EndsTheCall_WithCancelled()
    {
        var watch = Stopwatch.StartNew();
        RpcException error = await Assert.ThrowsAsync<RpcException>(
            async () => await Wrapper().GetFeatureAsync(new Point { Latitude = Timing.Stall }, timeout: PerCall, cancellationToken: Timing.Soon(100)));
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.True(watch.Elapsed < Timing.Generous, $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task ClientStreaming_CarriesDefaults()
    {
        using AsyncClientStreamingCall<Point, RouteSummary> call = Wrapper().RecordRoute(timeout: PerCall);
        await call.RequestStream.WriteAsync(new Point { Latitude = 1 });
        await call.RequestStream.WriteAsync(new Point { Latitude = 2 });
        await call.RequestStream.CompleteAsync();
        RouteSummary summary = await call;
        Assert.Equal(2, summary.PointCount);
        Timing.AssertSeen(PerCall, summary.ElapsedTime);
    }

    [Fact]
    public async Task DuplexStreaming_CarriesMetadata_AndTheClientDefault()
    {
        using AsyncDuplexStreamingCall<RouteNote, RouteNote> call = Wrapper().RouteChat(headers: new Metadata { { "x-team", "chat" } });
        await call.RequestStream.WriteAsync(new RouteNote { Message = "hi" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal("hi|x-trace-bin=bytes:000102FF;x-team=chat", call.ResponseStream.Current.Message);
        Timing.AssertSeen(Default, call.ResponseStream.Current.Location.Longitude);

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task DuplexStreaming_EndsAtItsDeadline_WhileTheRequestStreamStaysOpen()
    {
        DateTime deadline = DateTime.UtcNow + Timing.Short;
        using AsyncDuplexStreamingCall<RouteNote, RouteNote> call = Wrapper().RouteChat(timeout: Timing.Short);

        // Nothing is written and the request stream stays open: only the deadline can end the call.
        RpcException error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext(CancellationToken.None));
        AssertDeadlineExceeded(error, deadline);
    }

    [Fact]
    public async Task Wrapper_IsMockableThroughItsInterface_AndWrapsAnExistingClient()
    {
        Assert.Equal("x-team=maps;x-trace-bin=bytes:000102FF", await NameVia(new RouteGuideClientWrapper(new RouteGuide.RouteGuideClient(server.Channel))));
        Assert.Equal("x-team=maps;x-trace-bin=bytes:000102FF", await NameVia(new RouteGuideClientWrapper(server.Channel.CreateCallInvoker())));

        static async Task<string> NameVia(IRouteGuideClient client) => (await client.GetFeatureAsync(new Point())).Name;
    }

    [Fact]
    public void GeneratedDefaults_ComeFromTheManifest()
    {
        GrpcClientDefaults generated = RouteGuideClientWrapper.CreateGeneratedDefaults();
        Assert.Equal(Default, generated.DefaultTimeout);
        Assert.Equal(ListFeaturesDefault, generated.MethodTimeouts["ListFeatures"]);
        Assert.Equal(2, generated.DefaultMetadata.Count);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, generated.DefaultMetadata.GetValueBytes("x-trace-bin"));
        Assert.Equal(Default, Wrapper().Defaults.DefaultTimeout);
    }

    [Fact]
    public void InvalidConstructionDefaults_Throw()
    {
        Assert.Throws<ArgumentException>(() => Wrapper(new GrpcClientDefaults { DefaultTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => Wrapper(new GrpcClientDefaults { DefaultMetadata = { { "grpc-status", "0" } } }));
    }

    /// <summary>
    /// Client and server both enforce the deadline. For unary calls Grpc.Net turns a server reset
    /// (RST_STREAM CANCEL) that beats its own timer into DeadlineExceeded once the deadline has passed
    /// (grpc/grpc-dotnet#1402); a streaming read can still surface that reset as Cancelled. Both mean
    /// "the deadline ended the call"; anything else, or Cancelled before the deadline, fails.
    /// </summary>
    private static void AssertDeadlineExceeded(RpcException error, DateTime deadline)
    {
        if (error.StatusCode == StatusCode.Cancelled && DateTime.UtcNow >= deadline)
        {
            return;
        }

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }
}
