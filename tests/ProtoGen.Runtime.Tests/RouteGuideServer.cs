using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Routeguide;
using Xunit;

namespace ProtoGen.Runtime.Tests;

/// <summary>
/// A real Grpc.AspNetCore server on 127.0.0.1 (a free port, HTTP/2 only), shared by the tests of a class.
/// </summary>
public sealed class RouteGuideServer : IAsyncLifetime
{
    private TestGrpcApp? _app;

    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>The server's address (http://127.0.0.1:PORT).</summary>
    public Uri Address => _app!.Address;

    public async Task InitializeAsync()
    {
        _app = await TestGrpcApp.StartAsync(_ => { }, app => app.MapGrpcService<RouteGuideService>());
        Channel = GrpcChannel.ForAddress(_app.Address);

        // Warm up (connection, JIT) every RPC kind, so that the tests' timings measure calls, not start-up: a cold
        // duplex call once ran out of a 400 ms deadline before its first write on a loaded machine.
        var client = new RouteGuide.RouteGuideClient(Channel);
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        await client.GetFeatureAsync(new Point(), deadline: deadline);
        using (AsyncServerStreamingCall<Feature> features = client.ListFeatures(new Rectangle { Hi = new Point { Latitude = 1 } }, deadline: deadline))
        {
            while (await features.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        }

        using (AsyncClientStreamingCall<Point, RouteSummary> route = client.RecordRoute(deadline: deadline))
        {
            await route.RequestStream.CompleteAsync();
            await route;
        }

        using AsyncDuplexStreamingCall<RouteNote, RouteNote> chat = client.RouteChat(deadline: deadline);
        await chat.RequestStream.WriteAsync(new RouteNote { Message = "warm-up" });
        await chat.ResponseStream.MoveNext(CancellationToken.None);
        await chat.RequestStream.CompleteAsync();
        while (await chat.ResponseStream.MoveNext(CancellationToken.None))
        {
        }
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>
/// The test service. Requests tell it how long to stall (<c>Point.Latitude</c>, milliseconds); replies tell
/// what it saw: the time left to the call's deadline in milliseconds (<c>Feature.Location.Longitude</c>,
/// <c>RouteNote.Location.Longitude</c>; -1 for no deadline) and the call's metadata (<c>Feature.Name</c>, after
/// the <c>|</c> of a <c>RouteNote.Message</c>).
/// </summary>
internal sealed class RouteGuideService : RouteGuide.RouteGuideBase
{
    public override async Task<Feature> GetFeature(Point request, ServerCallContext context)
    {
        // Longitude 1: the first attempt fails with UNAVAILABLE, a retry (gRPC's grpc-previous-rpc-attempts header) succeeds.
        if (request.Longitude == 1 && context.RequestHeaders.Get("grpc-previous-rpc-attempts") is null)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "first attempt fails"));
        }

        Feature seen = Describe(context);
        if (request.Latitude > 0)
        {
            await Task.Delay(request.Latitude, context.CancellationToken);
        }

        return seen;
    }

    public override async Task ListFeatures(Rectangle request, IServerStreamWriter<Feature> responseStream, ServerCallContext context)
    {
        // Streams one feature every Lo.Latitude ms, Hi.Latitude times (0: until the call ends).
        int interval = Math.Max(1, request.Lo?.Latitude ?? 10);
        int count = request.Hi?.Latitude ?? 0;
        for (int i = 0; count == 0 || i < count; i++)
        {
            await responseStream.WriteAsync(Describe(context), context.CancellationToken);
            await Task.Delay(interval, context.CancellationToken);
        }
    }

    public override async Task<RouteSummary> RecordRoute(IAsyncStreamReader<Point> requestStream, ServerCallContext context)
    {
        int points = 0;
        await foreach (Point point in requestStream.ReadAllAsync(context.CancellationToken))
        {
            points++;
        }

        return new RouteSummary { PointCount = points, ElapsedTime = RemainingMilliseconds(context) };
    }

    public override async Task RouteChat(IAsyncStreamReader<RouteNote> requestStream, IServerStreamWriter<RouteNote> responseStream, ServerCallContext context)
    {
        await foreach (RouteNote note in requestStream.ReadAllAsync(context.CancellationToken))
        {
            Feature seen = Describe(context);
            await responseStream.WriteAsync(new RouteNote { Message = note.Message + "|" + seen.Name, Location = seen.Location }, context.CancellationToken);
        }
    }

    internal static Feature Describe(ServerCallContext context)
    {
        string metadata = string.Join(
            ";",
            context.RequestHeaders
                .Where(entry => entry.Key.StartsWith("x-", StringComparison.Ordinal) || entry.Key == "authorization")
                .Select(entry => entry.Key + "=" + (entry.IsBinary ? "bytes:" + Convert.ToHexString(entry.ValueBytes) : entry.Value)));
        return new Feature { Name = metadata, Location = new Point { Longitude = RemainingMilliseconds(context) } };
    }

    internal static int RemainingMilliseconds(ServerCallContext context)
        => context.Deadline >= DateTime.MaxValue.AddDays(-1)
            ? -1
            : (int)Math.Max(0, (context.Deadline - DateTime.UtcNow).TotalMilliseconds);
}

/// <summary>
/// The timings of the live tests, chosen so that a loaded machine (a load average of 15 on 2 cores) cannot fail them:
/// a call that must succeed gets tens of seconds, and which timeout it got is told by the time the server saw left;
/// a call that must run out of time gets a short one and a server that does not answer before it.
/// </summary>
internal static class Timing
{
    /// <summary>How late a call may reach the server and still show its deadline; the tests' timeouts are further apart.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(10);

    /// <summary>How long the server stalls (<c>Point.Latitude</c>) a call that a short deadline or a cancellation must end.</summary>
    public const int Stall = 60_000;

    /// <summary>A deadline that a stalled call runs into at once.</summary>
    public static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    /// <summary>The upper bound of a call that a short deadline or a cancellation ends (it ends in well under a second).</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    /// <summary>Asserts that the server saw a deadline <paramref name="timeout"/> after the call started: at most that long left, and less than <see cref="Slack"/> less.</summary>
    public static void AssertSeen(TimeSpan timeout, int seenMilliseconds)
        => Assert.InRange(seenMilliseconds, (int)(timeout - Slack).TotalMilliseconds + 1, (int)timeout.TotalMilliseconds);

    /// <summary>A token cancelled after <paramref name="milliseconds"/>.</summary>
    public static CancellationToken Soon(int milliseconds) => new CancellationTokenSource(milliseconds).Token;
}
