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
/// configures: default timeout 400 ms, ListFeatures 600 ms, metadata x-team=maps and x-trace-bin=00 01 02 FF.
/// Deadlines are checked through what the server sees (time left to the deadline), and expiry through
/// the status code; elapsed times only get generous upper bounds.
/// </summary>
public sealed class ClientWrapperTests(RouteGuideServer server) : IClassFixture<RouteGuideServer>
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(5);

    private RouteGuideClientWrapper Wrapper(GrpcClientDefaults? defaults = null) => new(server.Channel, defaults);

    [Fact]
    public async Task ClientDefaultTimeout_EndsASlowCall_WithDeadlineExceeded()
    {
        var watch = Stopwatch.StartNew();
        RpcException error = await Assert.ThrowsAsync<RpcException>(
            async () => await Wrapper().GetFeatureAsync(new Point { Latitude = 10_000 }));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(watch.Elapsed < Generous, $"took {watch.Elapsed}");
    }

    [Fact]
    public void BlockingUnary_HasTheClientDefaultDeadline()
    {
        Feature seen = Wrapper().GetFeature(new Point());
        Assert.InRange(seen.Location.Longitude, 1, 400);
    }

    [Fact]
    public async Task MethodDefault_WinsOverClientDefault()
    {
        var defaults = new GrpcClientDefaults { MethodTimeouts = { ["GetFeature"] = TimeSpan.FromMilliseconds(1200) } };
        Feature seen = await Wrapper(defaults).GetFeatureAsync(new Point());
        Assert.InRange(seen.Location.Longitude, 401, 1200);
    }

    [Fact]
    public async Task PerCallTimeout_WinsOverMethodDefault()
    {
        var defaults = new GrpcClientDefaults { MethodTimeouts = { ["GetFeature"] = TimeSpan.FromMilliseconds(1200) } };
        Feature seen = await Wrapper(defaults).GetFeatureAsync(new Point(), timeout: TimeSpan.FromSeconds(2));
        Assert.InRange(seen.Location.Longitude, 1201, 2000);
    }

    [Fact]
    public async Task ExplicitDeadline_WinsOverEveryTimeout()
    {
        Feature seen = await Wrapper().GetFeatureAsync(new Point(), deadline: DateTime.UtcNow.AddMilliseconds(900), timeout: TimeSpan.FromSeconds(2));
        Assert.InRange(seen.Location.Longitude, 401, 900);
    }

    [Fact]
    public async Task PerCallTimeout_ShorterThanDefault_EndsTheCall()
    {
        RpcException error = await Assert.ThrowsAsync<RpcException>(
            async () => await Wrapper().GetFeatureAsync(new Point { Latitude = 10_000 }, timeout: TimeSpan.FromMilliseconds(100)));
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
        Assert.InRange(defaulted.Location.Longitude, 1, 400);

        Feature explicitDeadline = await client.GetFeatureAsync(new Point(), new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(1500)));
        Assert.InRange(explicitDeadline.Location.Longitude, 401, 1500);
    }

    [Fact]
    public async Task ServerStreaming_UsesTheMethodDefault_AndStopsAtTheDeadline()
    {
        var watch = Stopwatch.StartNew();
        DateTime deadline = DateTime.UtcNow.AddMilliseconds(600);
        using AsyncServerStreamingCall<Feature> call = Wrapper().ListFeatures(new Rectangle { Lo = new Point { Latitude = 20 } });
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
        Assert.InRange(received[0].Location.Longitude, 401, 600);
        Assert.True(watch.Elapsed < Generous, $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task ServerStreaming_AsyncEnumerable_EndsWithDeadlineExceeded()
    {
        int count = 0;
        DateTime deadline = DateTime.UtcNow.AddMilliseconds(300);
        RpcException error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (Feature feature in Wrapper().ListFeaturesStreamAsync(new Rectangle { Lo = new Point { Latitude = 20 } }, timeout: TimeSpan.FromMilliseconds(300)))
            {
                Assert.InRange(feature.Location.Longitude, 0, 300);
                count++;
            }
        });
        AssertDeadlineExceeded(error, deadline);
        Assert.True(count > 0);
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
            async () => await Wrapper().GetFeatureAsync(new Point { Latitude = 10_000 }, timeout: TimeSpan.FromSeconds(2), cancellationToken: Text.Soon(100)));
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.True(watch.Elapsed < Generous, $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task ClientStreaming_CarriesDefaults()
    {
        using AsyncClientStreamingCall<Point, RouteSummary> call = Wrapper().RecordRoute(timeout: TimeSpan.FromMilliseconds(1500));
        await call.RequestStream.WriteAsync(new Point { Latitude = 1 });
        await call.RequestStream.WriteAsync(new Point { Latitude = 2 });
        await call.RequestStream.CompleteAsync();
        RouteSummary summary = await call;
        Assert.Equal(2, summary.PointCount);
        Assert.InRange(summary.ElapsedTime, 401, 1500);
    }

    [Fact]
    public async Task DuplexStreaming_CarriesMetadata_AndEndsAtTheDeadline()
    {
        DateTime deadline = DateTime.UtcNow.AddMilliseconds(400);
        using AsyncDuplexStreamingCall<RouteNote, RouteNote> call = Wrapper().RouteChat(headers: new Metadata { { "x-team", "chat" } });
        await call.RequestStream.WriteAsync(new RouteNote { Message = "hi" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal("hi|x-trace-bin=bytes:000102FF;x-team=chat", call.ResponseStream.Current.Message);

        // The request stream stays open: the client default (400 ms) ends the call.
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
        Assert.Equal(TimeSpan.FromMilliseconds(400), generated.DefaultTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(600), generated.MethodTimeouts["ListFeatures"]);
        Assert.Equal(2, generated.DefaultMetadata.Count);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, generated.DefaultMetadata.GetValueBytes("x-trace-bin"));
        Assert.Equal(TimeSpan.FromMilliseconds(400), Wrapper().Defaults.DefaultTimeout);
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
