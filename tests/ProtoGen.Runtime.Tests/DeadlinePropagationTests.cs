using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Routeguide;
using Xunit;

namespace ProtoGen.Runtime.Tests;

/// <summary>
/// Deadlines through a server hop (client → hop → the RouteGuide server on 127.0.0.1): the hop's wrapper has a
/// 2 min default, and the downstream call's deadline is the earlier of that and the hop's incoming deadline, with
/// Grpc.Net.ClientFactory's EnableCallContextPropagation and with an explicit ServerCallContext
/// (GrpcDeadlinePropagation.Begin). The hop replies with what the downstream server saw, which tells the deadlines
/// apart (<see cref="Timing"/>).
/// </summary>
public sealed class DeadlinePropagationTests(RouteGuideServer server) : IClassFixture<RouteGuideServer>
{
    private static readonly TimeSpan WrapperDefault = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Earlier = TimeSpan.FromSeconds(30);
    private static readonly GrpcClientDefaults TwoMinutes = new() { InheritGeneratedDefaults = false, DefaultTimeout = WrapperDefault };

    [Theory]
    [InlineData(Hop.ClientFactory)]
    [InlineData(Hop.ExplicitContext)]
    public async Task The_incoming_deadline_wins_when_it_is_earlier(Hop hop)
    {
        await using TestGrpcApp gateway = await StartHopAsync();
        var client = new RouteGuide.RouteGuideClient(GrpcChannel.ForAddress(gateway.Address));

        Feature seen = await client.GetFeatureAsync(new Point { Latitude = (int)hop }, deadline: DateTime.UtcNow + Earlier);

        Timing.AssertSeen(Earlier, seen.Location.Longitude);
    }

    [Theory]
    [InlineData(Hop.ClientFactory)]
    [InlineData(Hop.ExplicitContext)]
    public async Task The_wrappers_default_wins_when_it_is_earlier(Hop hop)
    {
        await using TestGrpcApp gateway = await StartHopAsync();
        var client = new RouteGuide.RouteGuideClient(GrpcChannel.ForAddress(gateway.Address));

        Feature seen = await client.GetFeatureAsync(new Point { Latitude = (int)hop }, deadline: DateTime.UtcNow.AddHours(1));

        Timing.AssertSeen(WrapperDefault, seen.Location.Longitude);
    }

    [Fact]
    public async Task A_scope_caps_explicit_deadlines_and_timeouts_too_and_scopes_nest()
    {
        var wrapper = new RouteGuideClientWrapper(server.Channel, TwoMinutes);
        using (GrpcDeadlinePropagation.Begin(DateTime.UtcNow + Earlier))
        {
            Timing.AssertSeen(Earlier, (await wrapper.GetFeatureAsync(new Point(), timeout: TimeSpan.FromMinutes(5))).Location.Longitude);
            Timing.AssertSeen(Earlier, (await wrapper.GetFeatureAsync(new Point(), deadline: DateTime.UtcNow.AddMinutes(5))).Location.Longitude);
            Timing.AssertSeen(Earlier, (await wrapper.GetFeatureAsync(new Point(), new CallOptions(deadline: DateTime.UtcNow.AddMinutes(5)))).Location.Longitude);

            using (GrpcDeadlinePropagation.Begin(DateTime.UtcNow.AddMinutes(5)))
            {
                // An inner scope cannot lengthen the outer one.
                Timing.AssertSeen(Earlier, (await wrapper.GetFeatureAsync(new Point())).Location.Longitude);
            }
        }

        Assert.Null(GrpcDeadlinePropagation.CurrentDeadline);
        Timing.AssertSeen(WrapperDefault, (await wrapper.GetFeatureAsync(new Point())).Location.Longitude);
    }

    [Fact]
    public async Task A_scopes_cancellation_cancels_calls_inside_it()
    {
        var wrapper = new RouteGuideClientWrapper(server.Channel, TwoMinutes);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        using var own = new CancellationTokenSource();
        using (GrpcDeadlinePropagation.Begin(DateTime.MaxValue, cancel.Token))
        {
            Assert.Null(GrpcDeadlinePropagation.CurrentDeadline);
            RpcException error = await Assert.ThrowsAsync<RpcException>(async () => await wrapper.GetFeatureAsync(new Point { Latitude = Timing.Stall }, cancellationToken: own.Token));
            Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        }
    }

    [Fact]
    public async Task A_service_config_timeout_caps_a_longer_per_call_timeout_on_the_live_server()
    {
        // The cap is what the server sees on a call that answers, and what ends a call that the server stalls.
        Timing.AssertSeen(Earlier, (await Capped(Earlier).GetFeatureAsync(new Point(), timeout: TimeSpan.FromMinutes(5))).Location.Longitude);
        RpcException error = await Assert.ThrowsAsync<RpcException>(async () => await Capped(Timing.Short).GetFeatureAsync(new Point { Latitude = Timing.Stall }, timeout: TimeSpan.FromMinutes(5)));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);

        RouteGuideClientWrapper Capped(TimeSpan timeout) => new(server.Channel, GrpcClientDefaults.FromServiceConfig(
            $$"""{"methodConfig": [{"name": [{"service": "routeguide.RouteGuide", "method": "GetFeature"}], "timeout": "{{timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}}s"}]}"""));
    }

    /// <summary>How the hop propagates: the request's Latitude.</summary>
    public enum Hop
    {
        /// <summary>An IRouteGuideClient from AddRouteGuideClient(...).EnableCallContextPropagation().</summary>
        ClientFactory = 1,

        /// <summary>A wrapper over a channel, inside GrpcDeadlinePropagation.Begin(context).</summary>
        ExplicitContext = 2,
    }

    private Task<TestGrpcApp> StartHopAsync() => TestGrpcApp.StartAsync(
        builder =>
        {
            builder.Services.AddRouteGuideClient(o => o.Address = server.Address).EnableCallContextPropagation();
            builder.Services.Configure<GrpcClientDefaults>(RouteGuideClientServiceCollectionExtensions.DefaultName, d =>
            {
                d.InheritGeneratedDefaults = false;
                d.DefaultTimeout = WrapperDefault;
            });
            builder.Services.AddSingleton(server);
        },
        app => app.MapGrpcService<HopService>());

    /// <summary>The hop: forwards GetFeature downstream and returns what the downstream server saw.</summary>
    private sealed class HopService(IServiceProvider services, RouteGuideServer downstream) : RouteGuide.RouteGuideBase
    {
        public override async Task<Feature> GetFeature(Point request, ServerCallContext context)
        {
            if ((Hop)request.Latitude == Hop.ClientFactory)
            {
                return await services.GetRequiredService<IRouteGuideClient>().GetFeatureAsync(new Point());
            }

            using (GrpcDeadlinePropagation.Begin(context))
            {
                return await new RouteGuideClientWrapper(downstream.Channel, TwoMinutes).GetFeatureAsync(new Point());
            }
        }
    }
}
