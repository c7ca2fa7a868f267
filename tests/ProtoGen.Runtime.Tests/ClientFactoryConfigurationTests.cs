using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProtoGen.Testing.Infrastructure;
using Routeguide;
using Xunit;
using static ProtoGen.Runtime.Tests.ClientFactoryHost;

namespace ProtoGen.Runtime.Tests;

/// <summary>
/// What the defaults of a DI-registered wrapper are, as an app sees them through the interface DI hands out: bound
/// from which configuration (and which keys match regardless of case), without any configuration, and across reloads
/// that the validation rejects. The generated defaults of RouteGuide: 30 s, ListFeatures 60 s, x-team=maps,
/// x-trace-bin (RouteGuide.protogen-wrappers).
/// </summary>
public sealed class ClientFactoryConfigurationTests(RouteGuideServer server) : IClassFixture<RouteGuideServer>
{
    private const string Name = RouteGuideClientServiceCollectionExtensions.DefaultName;
    private const string Section = "GrpcClients:" + Name;

    [Fact]
    public async Task The_interface_DI_hands_out_has_the_Defaults_bound_from_configuration()
    {
        IConfigurationRoot configuration = Configuration(new()
        {
            [Section + ":DefaultTimeout"] = "20s",
            [Section + ":MethodTimeouts:GetFeature"] = "30s",
            [Section + ":DefaultMetadata:x-team"] = "billing",
        });
        using ServiceProvider provider = Provider(services => services.AddRouteGuideClient(o => o.Address = server.Address), configuration);

        IRouteGuideClient client = provider.GetRequiredService<IRouteGuideClient>();
        GrpcCallDefaults defaults = client.Defaults;

        Assert.Equal(Name, defaults.ServiceName);
        Assert.Equal(TimeSpan.FromSeconds(20), defaults.DefaultTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), defaults.GetDefaultTimeout("GetFeature"));
        Assert.Equal(TimeSpan.FromSeconds(60), defaults.GetDefaultTimeout("ListFeatures"));
        Assert.Equal(["x-trace-bin", "x-team=billing"], defaults.DefaultMetadata.Select(e => e.IsBinary ? e.Key : e.Key + "=" + e.Value));
        Feature seen = await client.GetFeatureAsync(new Point());
        Assert.InRange(seen.Location.Longitude, 20001, 30000);
    }

    [Fact]
    public async Task Without_an_IConfiguration_the_wrapper_has_the_generated_defaults_and_code_can_still_set_them()
    {
        var services = new ServiceCollection();
        services.AddRouteGuideClient(o => o.Address = server.Address);
        using (ServiceProvider bare = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }))
        {
            Assert.Null(bare.GetService<IConfiguration>());
            Assert.NotNull(bare.GetService<ILoggerFactory>());   // AddGrpcClient registers logging: rejected reloads have somewhere to go
            IRouteGuideClient client = bare.GetRequiredService<IRouteGuideClient>();

            Assert.Equal(TimeSpan.FromSeconds(30), client.Defaults.DefaultTimeout);
            Assert.Equal(TimeSpan.FromSeconds(60), client.Defaults.GetDefaultTimeout("ListFeatures"));
            Feature seen = await client.GetFeatureAsync(new Point(), timeout: TimeSpan.FromSeconds(30));
            Assert.Equal("x-team=maps;x-trace-bin=bytes:000102FF", seen.Name);
        }

        services.Configure<GrpcClientDefaults>(Name, d => d.DefaultTimeout = TimeSpan.FromSeconds(2));
        using ServiceProvider configured = services.BuildServiceProvider();
        Assert.Equal(TimeSpan.FromSeconds(2), configured.GetRequiredService<IRouteGuideClient>().Defaults.DefaultTimeout);
    }

    [Fact]
    public void Section_client_and_setting_names_match_in_any_case_method_names_and_metadata_keys_do_not()
    {
        IConfigurationRoot anyCase = Configuration(new()
        {
            ["grpcclients:ROUTEGUIDE.ROUTEGUIDE:defaulttimeout"] = "2s",
            ["GRPCCLIENTS:RouteGuide.RouteGuide:METHODTIMEOUTS:GetFeature"] = "INFINITE",
            ["GrpcClients:routeguide.routeguide:DefaultMetadata:x-team"] = "billing",
            ["GrpcClients:routeguide.RouteGuide:inheritgenerateddefaults"] = "TRUE",
        });
        using (ServiceProvider provider = Provider(services => services.AddRouteGuideClient(o => o.Address = server.Address), anyCase))
        {
            GrpcCallDefaults defaults = provider.GetRequiredService<IRouteGuideClient>().Defaults;
            Assert.Equal(TimeSpan.FromSeconds(2), defaults.DefaultTimeout);
            Assert.Equal(Timeout.InfiniteTimeSpan, defaults.MethodTimeouts["GetFeature"]);
            Assert.Contains(defaults.DefaultMetadata, e => e.Key == "x-team" && e.Value == "billing");
        }

        IConfigurationRoot wrongCase = Configuration(new()
        {
            [Section + ":MethodTimeouts:getFeature"] = "1s",
            [Section + ":DefaultMetadata:X-Team"] = "billing",
            [Section + ":DefaultTimeout"] = "2S",
            [Section + ":ServiceConfig"] = "{}",
        });
        using (ServiceProvider provider = Provider(services => services.AddRouteGuideClient(o => o.Address = server.Address), wrongCase))
        {
            OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IRouteGuideClient>());
            Assert.Contains("GrpcClients:routeguide.RouteGuide:MethodTimeouts:getFeature: the service has no method 'getFeature'", error.Message, StringComparison.Ordinal);
            Assert.Contains("GrpcClients:routeguide.RouteGuide:DefaultMetadata:X-Team: 'X-Team' is not a valid metadata key: keys must be lowercase", error.Message, StringComparison.Ordinal);
            Assert.Contains("GrpcClients:routeguide.RouteGuide:DefaultTimeout: '2S' is not a valid duration", error.Message, StringComparison.Ordinal);
            Assert.Contains("GrpcClients:routeguide.RouteGuide:ServiceConfig: unknown setting 'ServiceConfig'", error.Message, StringComparison.Ordinal);
        }

        // In code the client name is an options name: compared ordinally.
        using (ServiceProvider provider = Provider(services =>
        {
            services.AddRouteGuideClient(o => o.Address = server.Address);
            services.Configure<GrpcClientDefaults>("ROUTEGUIDE.ROUTEGUIDE", d => d.DefaultTimeout = TimeSpan.FromSeconds(2));
        }))
        {
            Assert.Equal(TimeSpan.FromSeconds(30), provider.GetRequiredService<IRouteGuideClient>().Defaults.DefaultTimeout);
        }
    }

    [Fact]
    public async Task A_malformed_service_config_set_in_code_fails_the_host_start_with_its_FormatException()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddRouteGuideClient(o => o.Address = server.Address);
        builder.Services.Configure<GrpcClientDefaults>(Name, d => d.ServiceConfig = GrpcServiceConfig.Parse("""{ "methodConfig": [{ "name": [{}], "timeout": "5" }] }"""));
        using IHost host = builder.Build();

        FormatException error = await Assert.ThrowsAsync<FormatException>(() => host.StartAsync());
        Assert.Contains("'methodConfig[0].timeout' is \"5\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_with_an_invalid_value_throws_to_its_caller_is_logged_and_calls_keep_the_last_valid_defaults()
    {
        var logs = new RecordingLoggerProvider();
        IConfigurationRoot configuration = Configuration(new() { [Section + ":DefaultTimeout"] = "20s" });
        using ServiceProvider provider = Provider(services => services.AddRouteGuideClient(o => o.Address = server.Address), configuration, logs);
        IRouteGuideClient client = provider.GetRequiredService<IRouteGuideClient>();
        Assert.InRange((await client.GetFeatureAsync(new Point())).Location.Longitude, 10001, 20000);

        configuration[Section + ":DefaultTimeout"] = "two seconds";
        AggregateException reload = Assert.Throws<AggregateException>(configuration.Reload);

        OptionsValidationException rejected = Assert.IsType<OptionsValidationException>(Assert.Single(reload.InnerExceptions));
        Assert.Equal(Name, rejected.OptionsName);
        Assert.Equal("GrpcClients:routeguide.RouteGuide:DefaultTimeout: 'two seconds' is not a valid duration (such as 500ms, 2s, 1.5m, 00:00:02, or 'infinite')", rejected.Message);
        LogEntry logged = Assert.Single(logs.Of("ProtoGen.Runtime.ClientFactory"));
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Equal(new EventId(1, "ReloadRejected"), logged.EventId);
        Assert.Equal(Name, logged.Properties["ClientName"]);
        Assert.Equal(Section, logged.Properties["ConfigurationKey"]);
        Assert.Equal(rejected.Message, logged.Properties["ValidationMessage"]);
        Assert.Contains(rejected.Message, logged.Message, StringComparison.Ordinal);
        Assert.Same(rejected, logged.Exception);

        // The wrapper resolved before, and one resolved now, keep the last valid defaults; the options themselves
        // report the invalid configuration until it is valid again.
        Assert.InRange((await client.GetFeatureAsync(new Point())).Location.Longitude, 10001, 20000);
        Assert.Equal(TimeSpan.FromSeconds(20), client.Defaults.DefaultTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), provider.GetRequiredService<IRouteGuideClient>().Defaults.DefaultTimeout);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<GrpcClientDefaults>>().Get(Name));

        // The next valid reload applies.
        configuration[Section + ":DefaultTimeout"] = "10s";
        configuration.Reload();
        Assert.InRange((await client.GetFeatureAsync(new Point())).Location.Longitude, 1, 10000);
        Assert.Single(logs.Of("ProtoGen.Runtime.ClientFactory"));
    }

    [Fact]
    public async Task A_client_first_resolved_after_an_invalid_reload_fails_to_resolve_until_the_configuration_is_valid()
    {
        var logs = new RecordingLoggerProvider();
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddProvider(logs);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [Section + ":DefaultTimeout"] = "20s" });
        builder.Services.AddRouteGuideClient(o => o.Address = server.Address);
        using IHost host = builder.Build();
        await host.StartAsync();
        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();

        configuration[Section + ":DefaultTimeout"] = "2 s";
        AggregateException reload = Assert.Throws<AggregateException>(configuration.Reload);
        Assert.IsType<OptionsValidationException>(Assert.Single(reload.InnerExceptions));
        Assert.Single(logs.Of("ProtoGen.Runtime.ClientFactory"));

        OptionsValidationException resolution = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IRouteGuideClient>());
        Assert.Contains(Section + ":DefaultTimeout: '2 s' is not a valid duration", resolution.Message, StringComparison.Ordinal);

        configuration[Section + ":DefaultTimeout"] = "10s";
        configuration.Reload();
        Assert.Equal(TimeSpan.FromSeconds(10), host.Services.GetRequiredService<IRouteGuideClient>().Defaults.DefaultTimeout);
        await host.StopAsync();
    }

    [Fact]
    public void Before_the_options_are_first_read_a_reload_does_not_throw()
    {
        var logs = new RecordingLoggerProvider();
        IConfigurationRoot configuration = Configuration(new() { [Section + ":DefaultTimeout"] = "20s" });
        using ServiceProvider provider = Provider(services => services.AddRouteGuideClient(o => o.Address = server.Address), configuration, logs);

        // No host start, no resolution: nothing watches the configuration yet.
        configuration[Section + ":DefaultTimeout"] = "2 s";
        configuration.Reload();
        Assert.Empty(logs.Of("ProtoGen.Runtime.ClientFactory"));

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IRouteGuideClient>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_invalid_edit_of_a_json_file_with_reloadOnChange_is_logged_and_otherwise_silent(bool polling)
    {
        // The file watcher raises the change on a thread of its own and drops (polling: catches; default: leaves
        // unobserved in a task) the exception: nothing reaches the app, no crash.
        using var directory = new TempDirectory(name: "reload");
        string file = directory["appsettings.json"];
        await File.WriteAllTextAsync(file, Json("20s"));
        var logs = new RecordingLoggerProvider();
        using var files = new PhysicalFileProvider(directory.Path) { UsePollingFileWatcher = polling, UseActivePolling = polling };
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddJsonFile(files, "appsettings.json", optional: false, reloadOnChange: true)
            .Build();
        using ServiceProvider provider = Provider(services => services.AddRouteGuideClient(o => o.Address = server.Address), configuration, logs);
        IRouteGuideClient client = provider.GetRequiredService<IRouteGuideClient>();
        Assert.InRange((await client.GetFeatureAsync(new Point())).Location.Longitude, 10001, 20000);

        await File.WriteAllTextAsync(file, Json("two seconds"));
        LogEntry logged = await Eventually(() => logs.Of("ProtoGen.Runtime.ClientFactory").SingleOrDefault());

        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Equal("GrpcClients:routeguide.RouteGuide:DefaultTimeout: 'two seconds' is not a valid duration (such as 500ms, 2s, 1.5m, 00:00:02, or 'infinite')", logged.Properties["ValidationMessage"]);
        Assert.Equal(TimeSpan.FromSeconds(20), client.Defaults.DefaultTimeout);
        Assert.InRange((await client.GetFeatureAsync(new Point())).Location.Longitude, 10001, 20000);

        await File.WriteAllTextAsync(file, Json("10s"));
        await Eventually(() => client.Defaults.DefaultTimeout == TimeSpan.FromSeconds(10) ? client.Defaults : null);
        Assert.InRange((await client.GetFeatureAsync(new Point())).Location.Longitude, 1, 10000);

        static string Json(string timeout) => $$"""{ "GrpcClients": { "routeguide.RouteGuide": { "DefaultTimeout": "{{timeout}}" } } }""";
    }

    /// <summary>Polls <paramref name="probe"/> until it returns a value, for at most 60 seconds (a loaded machine).</summary>
    private static async Task<T> Eventually<T>(Func<T?> probe)
        where T : class
    {
        DateTime end = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (probe() is T value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < end, "the file change was not seen within 60 seconds");
            await Task.Delay(50);
        }
    }
}
