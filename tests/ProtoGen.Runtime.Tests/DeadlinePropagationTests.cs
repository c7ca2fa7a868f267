using System;
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
/// 10 s default, and the downstream call's deadline is the earlier of that and the hop's incoming deadline, with
/// Grpc.Net.ClientFactory's EnableCallContextPropagation and with an explicit ServerCallContext
/// (GrpcDeadlinePropagation.Begin). The hop replies with what the downstream server saw.
/// </summary>
public sealed class DeadlinePropagationTests(RouteGuideServer server) : IClassFixture<RouteGuideServer>
{
    private static readonly GrpcClientDefaults TenSeconds = new() { InheritGeneratedDefaults = false, DefaultTimeout = TimeSpan.FromSeconds(10) };

    [Theory]
    [InlineData(Hop.ClientFactory)]
    [InlineData(Hop.ExplicitContext)]
    public async Task The_incoming_deadline_wins_when_it_is_earlier(Hop hop)
    {
        await using TestGrpcApp gateway = await StartHopAsync();
        var client = new RouteGuide.RouteGuideClient(GrpcChannel.ForAddress(gateway.Address));

        Feature seen = await client.GetFeatureAsync(new Point { Latitude = (int)hop }, deadline: DateTime.UtcNow.AddSeconds(1));

        Assert.InRange(seen.Location.Longitude, 1, 1000);
    }

    [Theory]
    [InlineData(Hop.ClientFactory)]
    [InlineData(Hop.ExplicitContext)]
    public async Task The_wrappers_default_wins_when_it_is_earlier(Hop hop)
    {
        await using TestGrpcApp gateway = await StartHopAsync();
        var client = new RouteGuide.RouteGuideClient(GrpcChannel.ForAddress(gateway.Address));

        Feature seen = await client.GetFeatureAsync(new Point { Latitude = (int)hop }, deadline: DateTime.UtcNow.AddMinutes(5));

        Assert.InRange(seen.Location.Longitude, 5001, 10_000);
    }

    [Fact]
    public async Task A_scope_caps_explicit_deadlines_and_timeouts_too_and_scopes_nest()
    {
        var wrapper = new RouteGuideClientWrapper(server.Channel, TenSeconds);
        using (GrpcDeadlinePropagation.Begin(DateTime.UtcNow.AddSeconds(2)))
        {
            Assert.InRange((await wrapper.GetFeatureAsync(new Point(), timeout: TimeSpan.FromMinutes(1))).Location.Longitude, 1, 2000);
            Assert.InRange((await wrapper.GetFeatureAsync(new Point(), deadline: DateTime.UtcNow.AddMinutes(1))).Location.Longitude, 1, 2000);
            Assert.InRange((await wrapper.GetFeatureAsync(new Point(), new CallOptions(deadline: DateTime.UtcNow.AddMinutes(1)))).Location.Longitude, 1, 2000);

            using (GrpcDeadlinePropagation.Begin(DateTime.UtcNow.AddMinutes(1)))
            {
                // An inner scope cannot lengthen the outer one.
                Assert.InRange((await wrapper.GetFeatureAsync(new Point())).Location.Longitude, 1, 2000);
            }
        }

        Assert.Null(GrpcDeadlinePropagation.CurrentDeadline);
        Assert.InRange((await wrapper.GetFeatureAsync(new Point())).Location.Longitude, 2001, 10_000);
    }

    [Fact]
    public async Task A_scopes_cancellation_cancels_calls_inside_it()
    {
        var wrapper = new RouteGuideClientWrapper(server.Channel, TenSeconds);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        using var own = new CancellationTokenSource();
        using (GrpcDeadlinePropagation.Begin(DateTime.MaxValue, cancel.Token))
        {
            Assert.Null(GrpcDeadlinePropagation.CurrentDeadline);
            RpcException error = await Assert.ThrowsAsync<RpcException>(async () => await wrapper.GetFeatureAsync(new Point { Latitude = 10_000 }, cancellationToken: own.Token));
            Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        }
    }

    [Fact]
    public async Task A_service_config_timeout_caps_a_longer_per_call_timeout_on_the_live_server()
    {
        var wrapper = new RouteGuideClientWrapper(server.Channel, GrpcClientDefaults.FromServiceConfig(
            """{"methodConfig": [{"name": [{"service": "routeguide.RouteGuide", "method": "GetFeature"}], "timeout": "0.3s"}]}"""));

        Assert.InRange((await wrapper.GetFeatureAsync(new Point(), timeout: TimeSpan.FromSeconds(5))).Location.Longitude, 1, 300);
        RpcException error = await Assert.ThrowsAsync<RpcException>(async () => await wrapper.GetFeatureAsync(new Point { Latitude = 10_000 }, timeout: TimeSpan.FromSeconds(30)));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
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
                d.DefaultTimeout = TimeSpan.FromSeconds(10);
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
                return await new RouteGuideClientWrapper(downstream.Channel, TenSeconds).GetFeatureAsync(new Point());
            }
        }
    }
}
