using System;
using System.Threading;
using Xunit;

namespace ProtoGen.Runtime.Tests;

/// <summary>GrpcServiceConfig: the spec's name matching, level by level, and every malformed config.</summary>
public sealed class ServiceConfigTests
{
    private const string Levels = """
        {
          "methodConfig": [
            { "name": [ { "service": "routeguide.RouteGuide", "method": "GetFeature" } ], "timeout": "0.25s" },
            { "name": [ { "service": "routeguide.RouteGuide", "method": "RouteChat" } ], "waitForReady": true },
            { "name": [ { "service": "routeguide.RouteGuide" } ], "timeout": "2s" },
            { "name": [ { "service": "other.Service" } ] },
            { "name": [ { } ], "timeout": "9.000000001s" }
          ]
        }
        """;

    [Fact]
    public void Method_level_entry_wins()
        => Assert.Equal(TimeSpan.FromMilliseconds(250), GrpcServiceConfig.Parse(Levels).GetTimeout("routeguide.RouteGuide", "GetFeature"));

    [Fact]
    public void Service_level_entry_applies_to_methods_without_their_own()
        => Assert.Equal(TimeSpan.FromSeconds(2), GrpcServiceConfig.Parse(Levels).GetTimeout("routeguide.RouteGuide", "ListFeatures"));

    [Fact]
    public void Empty_name_applies_to_services_without_an_entry_and_nanoseconds_round_up_to_a_tick()
        => Assert.Equal(TimeSpan.FromSeconds(9) + TimeSpan.FromTicks(1), GrpcServiceConfig.Parse(Levels).GetTimeout("unknown.Service", "Any"));

    [Fact]
    public void The_most_specific_entry_applies_whole_even_without_a_timeout()
    {
        GrpcServiceConfig config = GrpcServiceConfig.Parse(Levels);

        // RouteChat's own entry has no timeout: not the service's 2s. other.Service's entry has none: not the empty name's 9s.
        Assert.Null(config.GetTimeout("routeguide.RouteGuide", "RouteChat"));
        Assert.Null(config.GetTimeout("other.Service", "Any"));
    }

    [Fact]
    public void No_matching_entry_means_no_timeout()
        => Assert.Null(GrpcServiceConfig.Parse("""{"methodConfig": [{"name": [{"service": "a.B"}], "timeout": "1s"}]}""").GetTimeout("c.D", "E"));

    [Fact]
    public void Names_are_case_sensitive()
    {
        GrpcServiceConfig config = GrpcServiceConfig.Parse(Levels);
        Assert.Equal(TimeSpan.FromSeconds(9) + TimeSpan.FromTicks(1), config.GetTimeout("Routeguide.RouteGuide", "GetFeature"));
        Assert.Equal(TimeSpan.FromSeconds(2), config.GetTimeout("routeguide.RouteGuide", "getFeature"));
    }

    [Fact]
    public void Json_is_kept_unchanged_and_fields_gRPC_knows_but_ProtoGen_does_not_read_are_allowed()
    {
        const string json = "{\"loadBalancingConfig\": [{\"round_robin\": {}}], \"methodConfig\": [{\"name\": [{}], \"waitForReady\": true, \"maxRequestMessageBytes\": 1024}], \"healthCheckConfig\": {\"serviceName\": \"\"}}";
        Assert.Same(json, GrpcServiceConfig.Parse(json).Json);
    }

    [Theory]
    [MemberData(nameof(ServiceConfigCases.Malformed), MemberType = typeof(ServiceConfigCases))]
    public void Malformed_configs_throw_with_line_and_column(string description, string json, int line, int column, string message)
    {
        FormatException error = Assert.Throws<FormatException>(() => GrpcServiceConfig.Parse(json));
        Assert.True(error.Message.Contains(FormattableString.Invariant($"({line},{column}): "), StringComparison.Ordinal), description + ": " + error.Message);
        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), $"{description}: {error.Message}");
    }

    [Fact]
    public void FromServiceConfig_sets_only_the_service_config()
    {
        GrpcClientDefaults defaults = GrpcClientDefaults.FromServiceConfig(Levels);
        Assert.NotNull(defaults.ServiceConfig);
        Assert.Null(defaults.DefaultTimeout);
        Assert.Empty(defaults.MethodTimeouts);
    }

    [Fact]
    public void Resolved_defaults_give_the_maximum_per_method()
    {
        GrpcCallDefaults defaults = GrpcCallDefaults.ForService("routeguide.RouteGuide", null, GrpcClientDefaults.FromServiceConfig(Levels));
        Assert.Equal(TimeSpan.FromMilliseconds(250), defaults.GetMaxTimeout("GetFeature"));
        Assert.Equal(TimeSpan.FromSeconds(2), defaults.GetMaxTimeout("RecordRoute"));
        Assert.Null(defaults.GetMaxTimeout("RouteChat"));

        // Without a service name only the empty name matches.
        Assert.Equal(TimeSpan.FromSeconds(9) + TimeSpan.FromTicks(1), GrpcCallDefaults.Create(null, GrpcClientDefaults.FromServiceConfig(Levels)).GetMaxTimeout("GetFeature"));
    }

    [Fact]
    public void A_later_service_config_replaces_the_generated_one_whole()
    {
        var generated = GrpcClientDefaults.FromServiceConfig(Levels);
        var overrides = GrpcClientDefaults.FromServiceConfig("""{"methodConfig": [{"name": [{"service": "routeguide.RouteGuide"}], "timeout": "3s"}]}""");
        GrpcCallDefaults defaults = GrpcCallDefaults.ForService("routeguide.RouteGuide", generated, overrides);
        Assert.Equal(TimeSpan.FromSeconds(3), defaults.GetMaxTimeout("GetFeature"));
        Assert.Same(overrides.ServiceConfig, defaults.ServiceConfig);
    }

    [Fact]
    public void The_min_rule_in_call_options()
    {
        var now = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        GrpcCallDefaults defaults = GrpcCallDefaults.ForService(
            "routeguide.RouteGuide",
            new GrpcClientDefaults { DefaultTimeout = TimeSpan.FromSeconds(10) },
            GrpcClientDefaults.FromServiceConfig(Levels),
            () => now);

        // Default 10s, service config 0.25s: the service config wins. A per-call timeout cannot lengthen it...
        Assert.Equal(now.AddMilliseconds(250), defaults.CreateCallOptions("GetFeature", null, null, null, CancellationToken.None).Deadline);
        Assert.Equal(now.AddMilliseconds(250), defaults.CreateCallOptions("GetFeature", null, null, TimeSpan.FromSeconds(5), CancellationToken.None).Deadline);
        Assert.Equal(now.AddMilliseconds(250), defaults.CreateCallOptions("GetFeature", null, now.AddHours(1), null, CancellationToken.None).Deadline);
        Assert.Equal(now.AddMilliseconds(250), defaults.CreateCallOptions("GetFeature", null, null, Timeout.InfiniteTimeSpan, CancellationToken.None).Deadline);

        // ...but can shorten it.
        Assert.Equal(now.AddMilliseconds(100), defaults.CreateCallOptions("GetFeature", null, null, TimeSpan.FromMilliseconds(100), CancellationToken.None).Deadline);

        // CallOptions overloads: the same rule.
        Assert.Equal(now.AddSeconds(2), defaults.Apply("ListFeatures", new Grpc.Core.CallOptions(deadline: now.AddMinutes(1))).Deadline);
        Assert.Equal(now.AddSeconds(1), defaults.Apply("ListFeatures", new Grpc.Core.CallOptions(deadline: now.AddSeconds(1))).Deadline);

        // No entry with a timeout: the wrapper's default.
        Assert.Equal(now.AddSeconds(10), defaults.CreateCallOptions("RouteChat", null, null, null, CancellationToken.None).Deadline);
    }
}
