using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Routeguide;
using Xunit;
using static ProtoGen.Runtime.Tests.ClientFactoryHost;

namespace ProtoGen.Runtime.Tests;

/// <summary>
/// The generated AddXClient registrations, resolved from a real ServiceProvider and called against the live
/// server on 127.0.0.1. The generated defaults of RouteGuide (RouteGuide.protogen-wrappers): 30 s, ListFeatures
/// 60 s, x-team=maps. The server replies with the time left to the deadline (Location.Longitude, ms), which tells
/// the timeouts apart (<see cref="Timing"/>), and the x-* and authorization metadata it saw (Name).
/// </summary>
public sealed class ClientFactoryTests(RouteGuideServer server) : IClassFixture<RouteGuideServer>
{
    [Fact]
    public async Task Registration_resolves_the_interface_and_the_wrapper_with_the_generated_defaults()
    {
        using ServiceProvider provider = Provider(services => services.AddRouteGuideClient(o => o.Address = server.Address));

        IRouteGuideClient client = provider.GetRequiredService<IRouteGuideClient>();
        Assert.IsType<RouteGuideClientWrapper>(client);
        Assert.NotNull(provider.GetRequiredService<RouteGuideClientWrapper>());
        Assert.Equal("routeguide.RouteGuide", RouteGuideClientServiceCollectionExtensions.DefaultName);

        Feature seen = await client.GetFeatureAsync(new Point());
        Timing.AssertSeen(TimeSpan.FromSeconds(30), seen.Location.Longitude);
        Assert.Equal("x-team=maps;x-trace-bin=bytes:000102FF", seen.Name);
    }

    [Fact]
    public async Task Interceptors_run_in_registration_order_and_see_the_wrappers_defaults()
    {
        var log = new ConcurrentQueue<string>();
        using ServiceProvider provider = Provider(services => services
            .AddRouteGuideClient(o => o.Address = server.Address)
            .AddInterceptor(() => new Recording("first", log))
            .AddInterceptor(() => new Recording("second", log)));

        Feature seen = await provider.GetRequiredService<IRouteGuideClient>().GetFeatureAsync(new Point());

        // Grpc.Net.ClientFactory runs interceptors in the order they were added; each one already sees the deadline
        // and metadata of the wrapper's defaults, because the wrapper computes the call options before the invoker.
        Assert.Equal(["first: deadline, x-team=maps", "second: deadline, x-team=maps"], log.ToArray());
        Assert.Equal("x-team=maps;x-trace-bin=bytes:000102FF;x-first=1;x-second=1", seen.Name);
    }

    [Fact]
    public async Task Call_credentials_reach_the_server()
    {
        using ServiceProvider provider = Provider(services => services
            .AddRouteGuideClient(o => o.Address = server.Address)
            .AddCallCredentials((context, metadata) =>
            {
                metadata.Add("authorization", "Bearer token-for-" + context.MethodName);
                return Task.CompletedTask;
            })
            .ConfigureChannel(o => o.UnsafeUseInsecureChannelCallCredentials = true));

        Feature seen = await provider.GetRequiredService<IRouteGuideClient>().GetFeatureAsync(new Point());

        Assert.Contains("authorization=Bearer token-for-GetFeature", seen.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_is_bound_per_client_name_and_reloads_apply_to_the_next_call()
    {
        IConfigurationRoot configuration = Configuration(new()
        {
            ["GrpcClients:routeguide.RouteGuide:MethodTimeouts:GetFeature"] = "90s",
            ["GrpcClients:routeguide.RouteGuide:DefaultMetadata:x-team"] = "billing",
            ["GrpcClients:routeguide.RouteGuide:DefaultMetadata:x-env:0"] = "a",
            ["GrpcClients:routeguide.RouteGuide:DefaultMetadata:x-env:1"] = "b",
        });
        using ServiceProvider provider = Provider(services => services.AddRouteGuideClient(o => o.Address = server.Address), configuration);
        IRouteGuideClient client = provider.GetRequiredService<IRouteGuideClient>();

        Feature before = await client.GetFeatureAsync(new Point());
        Timing.AssertSeen(TimeSpan.FromSeconds(90), before.Location.Longitude);
        // Configuration children come in key order; the server joins the two x-env values as HTTP does.
        Assert.Equal("x-trace-bin=bytes:000102FF;x-env=a, b;x-team=billing", before.Name);

        // A reload: the same wrapper instance, the next call.
        configuration["GrpcClients:routeguide.RouteGuide:MethodTimeouts:GetFeature"] = "45s";
        configuration["GrpcClients:routeguide.RouteGuide:DefaultMetadata:x-team"] = "payments";
        configuration.Reload();

        Feature after = await client.GetFeatureAsync(new Point());
        Timing.AssertSeen(TimeSpan.FromSeconds(45), after.Location.Longitude);
        Assert.Contains("x-team=payments", after.Name, StringComparison.Ordinal);

        // The Defaults of the interface DI hands out are the ones in effect now.
        Assert.Equal(TimeSpan.FromSeconds(45), client.Defaults.GetDefaultTimeout("GetFeature"));
    }

    [Fact]
    public void ValidateOnStart_fails_the_host_start_naming_every_bad_key()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GrpcClients:routeguide.RouteGuide:DefaultTimeout"] = "5 s",
            ["GrpcClients:routeguide.RouteGuide:MethodTimeouts:GetFeatures"] = "1s",
            ["GrpcClients:routeguide.RouteGuide:MethodTimeouts:ListFeatures"] = "-1s",
            ["GrpcClients:routeguide.RouteGuide:DefaultMetadata:X-Team"] = "maps",
            ["GrpcClients:routeguide.RouteGuide:DefaultMetadata:x-id-bin"] = "not base64!",
            ["GrpcClients:routeguide.RouteGuide:DefaultTimout"] = "1s",
            ["GrpcClients:routeguide.RouteGuide:InheritGeneratedDefaults"] = "maybe",
        });
        builder.Services.AddRouteGuideClient(o => o.Address = server.Address);
        using IHost host = builder.Build();

        // At start, not at the first call (nor at the first resolution).
        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => host.StartAsync().GetAwaiter().GetResult());

        Assert.Equal("routeguide.RouteGuide", error.OptionsName);
        Assert.Contains("GrpcClients:routeguide.RouteGuide:DefaultTimeout: '5 s' is not a valid duration", error.Message, StringComparison.Ordinal);
        Assert.Contains("GrpcClients:routeguide.RouteGuide:MethodTimeouts:GetFeatures: the service has no method 'GetFeatures'", error.Message, StringComparison.Ordinal);
        Assert.Contains("GrpcClients:routeguide.RouteGuide:MethodTimeouts:ListFeatures: '-1s' is not a valid duration", error.Message, StringComparison.Ordinal);
        Assert.Contains("GrpcClients:routeguide.RouteGuide:DefaultMetadata:X-Team: 'X-Team' is not a valid metadata key", error.Message, StringComparison.Ordinal);
        Assert.Contains("GrpcClients:routeguide.RouteGuide:DefaultMetadata:x-id-bin: the value of the binary key 'x-id-bin' is not base64", error.Message, StringComparison.Ordinal);
        Assert.Contains("GrpcClients:routeguide.RouteGuide:DefaultTimout: unknown setting 'DefaultTimout'", error.Message, StringComparison.Ordinal);
        Assert.Contains("GrpcClients:routeguide.RouteGuide:InheritGeneratedDefaults: 'maybe' is not 'true' or 'false'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_defaults_set_in_code_fail_at_start_too()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddRouteGuideClient(o => o.Address = server.Address);
        builder.Services.Configure<GrpcClientDefaults>("routeguide.RouteGuide", d => d.MethodTimeouts["Nope"] = TimeSpan.FromSeconds(1));
        using IHost host = builder.Build();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => host.StartAsync().GetAwaiter().GetResult());
        Assert.Contains("has a timeout for the unknown method 'Nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_services_named_Ledger_collide_under_ClientFactory_names_but_not_under_ProtoGens()
    {
        // Grpc.Net.ClientFactory's default name is the type name, "LedgerClient", for both.
        var plain = new ServiceCollection();
        plain.AddGrpcClient<global::Tests.Alpha.Ledger.LedgerClient>();
        InvalidOperationException collision = Assert.Throws<InvalidOperationException>(() => plain.AddGrpcClient<global::Tests.Beta.Ledger.LedgerClient>());
        Assert.Contains("already has a registered client with the name 'LedgerClient'", collision.Message, StringComparison.Ordinal);

        await using TestGrpcApp ledgers = await TestGrpcApp.StartAsync(
            _ => { },
            app =>
            {
                app.MapGrpcService<AlphaLedgerService>();
                app.MapGrpcService<BetaLedgerService>();
            });
        IConfigurationRoot configuration = Configuration(new()
        {
            ["GrpcClients:tests.alpha.Ledger:DefaultMetadata:x-who"] = "alpha-config",
            ["GrpcClients:tests.beta.Ledger:DefaultMetadata:x-who"] = "beta-config",
        });
        using ServiceProvider provider = Provider(
            services =>
            {
                global::Tests.Alpha.LedgerClientServiceCollectionExtensions.AddLedgerClient(services, o => o.Address = ledgers.Address);
                global::Tests.Beta.LedgerClientServiceCollectionExtensions.AddLedgerClient(services, o => o.Address = ledgers.Address);
            },
            configuration);

        global::Tests.Alpha.Entry alpha = await provider.GetRequiredService<global::Tests.Alpha.ILedgerClient>().RecordAsync(new global::Tests.Alpha.Entry { Text = "a" });
        global::Tests.Beta.Entry beta = await provider.GetRequiredService<global::Tests.Beta.ILedgerClient>().RecordAsync(new global::Tests.Beta.Entry { Text = "b" });
        Assert.Equal("alpha:a|x-who=alpha-config", alpha.Text);
        Assert.Equal("beta:b|x-who=beta-config", beta.Text);
    }

    [Fact]
    public async Task Keyed_registrations_have_their_own_names_and_leave_the_unkeyed_one_alone()
    {
        IConfigurationRoot configuration = Configuration(new()
        {
            ["GrpcClients:routeguide.RouteGuide/eu:DefaultMetadata:x-region"] = "eu",
            ["GrpcClients:us-routes:DefaultMetadata:x-region"] = "us",
        });
        using ServiceProvider provider = Provider(
            services =>
            {
                services.AddKeyedRouteGuideClient("eu", o => o.Address = server.Address);
                services.AddKeyedRouteGuideClient("us", "us-routes", o => o.Address = server.Address);
            },
            configuration);

        Assert.Null(provider.GetService<IRouteGuideClient>());
        Assert.Null(provider.GetService<RouteGuideClientWrapper>());
        Feature eu = await provider.GetRequiredKeyedService<IRouteGuideClient>("eu").GetFeatureAsync(new Point());
        Feature us = await provider.GetRequiredKeyedService<RouteGuideClientWrapper>("us").GetFeatureAsync(new Point());
        Assert.Contains("x-region=eu", eu.Name, StringComparison.Ordinal);
        Assert.Contains("x-region=us", us.Name, StringComparison.Ordinal);

        // An unkeyed registration added afterwards is not replaced by the keyed ones, nor they by it.
        using ServiceProvider both = Provider(
            services =>
            {
                services.AddRouteGuideClient(o => o.Address = server.Address);
                services.AddKeyedRouteGuideClient("eu", o => o.Address = server.Address);
            },
            configuration);
        Assert.DoesNotContain("x-region", (await both.GetRequiredService<IRouteGuideClient>().GetFeatureAsync(new Point())).Name, StringComparison.Ordinal);
        Assert.Contains("x-region=eu", (await both.GetRequiredKeyedService<IRouteGuideClient>("eu").GetFeatureAsync(new Point())).Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_configs_retry_policy_reaches_the_channel_and_its_timeout_caps_calls()
    {
        const string serviceConfigJson = """
            {
              "methodConfig": [{
                "name": [{ "service": "routeguide.RouteGuide" }],
                "timeout": "20s",
                "retryPolicy": { "maxAttempts": 3, "initialBackoff": "0.01s", "maxBackoff": "0.05s", "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE"] }
              }]
            }
            """;
        Uri address = server.Address;

        // Without it the first attempt's UNAVAILABLE is the answer.
        using (ServiceProvider plain = Provider(services => services.AddRouteGuideClient(o => o.Address = server.Address)))
        {
            RpcException error = await Assert.ThrowsAsync<RpcException>(async () => await plain.GetRequiredService<IRouteGuideClient>().GetFeatureAsync(new Point { Longitude = 1 }));
            Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        }

        using ServiceProvider provider = Provider(services =>
        {
            // docs/client-wrappers.md: a service config at run time
            services.AddRouteGuideClient(o => o.Address = address);
            services.Configure<GrpcClientDefaults>(
                RouteGuideClientServiceCollectionExtensions.DefaultName,
                defaults => defaults.ServiceConfig = GrpcServiceConfig.Parse(serviceConfigJson));
            // end of snippet
        });
        IRouteGuideClient client = provider.GetRequiredService<IRouteGuideClient>();
        Assert.Equal(serviceConfigJson, client.Defaults.ServiceConfig?.Json);
        Assert.Equal(TimeSpan.FromSeconds(20), client.Defaults.GetMaxTimeout("GetFeature"));

        Feature retried = await client.GetFeatureAsync(new Point { Longitude = 1 }, timeout: TimeSpan.FromMinutes(2));
        Timing.AssertSeen(TimeSpan.FromSeconds(20), retried.Location.Longitude);
    }

    /// <summary>Logs its name with what the call options carry, and adds an <c>x-&lt;name&gt;</c> header.</summary>
    private sealed class Recording(string name, ConcurrentQueue<string> log) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            string team = context.Options.Headers?.GetValue("x-team") ?? "none";
            log.Enqueue($"{name}: {(context.Options.Deadline is null ? "no deadline" : "deadline")}, x-team={team}");
            var headers = new Metadata();
            foreach (Metadata.Entry entry in context.Options.Headers ?? [])
            {
                headers.Add(entry);
            }

            headers.Add("x-" + name, "1");
            return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
        }
    }
}
