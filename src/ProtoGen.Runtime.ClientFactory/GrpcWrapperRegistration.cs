using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ProtoGen.Runtime.ClientFactory;

/// <summary>
/// What the generated <c>AddLedgerClient</c> methods call: registers a wrapper and its interface through
/// Grpc.Net.ClientFactory's <c>AddGrpcClient</c> (the wrapper is the factory's client type, created by
/// <c>ConfigureGrpcClientCreator</c> from the factory's call invoker, so interceptors, call credentials and
/// handlers apply), with its defaults bound from configuration and validated on start.
/// </summary>
public static class GrpcWrapperRegistration
{
    /// <summary>The configuration section whose children are the clients' defaults, by client name.</summary>
    public const string ConfigurationSectionName = "GrpcClients";

    /// <summary>Registers <typeparamref name="TInterface"/> and <typeparamref name="TWrapper"/> (transient) as the client named <paramref name="name"/>.</summary>
    /// <typeparam name="TInterface">The wrapper's interface.</typeparam>
    /// <typeparam name="TWrapper">The wrapper.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client name (its options and configuration section); must not contain ':'.</param>
    /// <param name="configure">Configures the client, or <see langword="null"/>.</param>
    /// <param name="descriptor">The wrapper's generated descriptor.</param>
    /// <returns>The client's builder.</returns>
    public static IHttpClientBuilder Add<TInterface, TWrapper>(IServiceCollection services, string name, Action<GrpcClientFactoryOptions>? configure, GrpcWrapperDescriptor<TWrapper> descriptor)
        where TInterface : class
        where TWrapper : class, TInterface
    {
        IHttpClientBuilder builder = AddCore(services, name, configure, descriptor);
        services.AddTransient<TInterface>(static provider => provider.GetRequiredService<TWrapper>());
        return builder;
    }

    /// <summary>
    /// Registers <typeparamref name="TInterface"/> and <typeparamref name="TWrapper"/> (transient) as keyed services
    /// under <paramref name="serviceKey"/>, as the client named <paramref name="name"/> (default:
    /// <c>&lt;service&gt;/&lt;serviceKey&gt;</c>). No unkeyed service is registered.
    /// </summary>
    /// <typeparam name="TInterface">The wrapper's interface.</typeparam>
    /// <typeparam name="TWrapper">The wrapper.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="serviceKey">The service key; <see langword="null"/> registers unkeyed services.</param>
    /// <param name="name">The client name, or <see langword="null"/> for the default.</param>
    /// <param name="configure">Configures the client, or <see langword="null"/>.</param>
    /// <param name="descriptor">The wrapper's generated descriptor.</param>
    /// <returns>The client's builder.</returns>
    public static IHttpClientBuilder AddKeyed<TInterface, TWrapper>(IServiceCollection services, object? serviceKey, string? name, Action<GrpcClientFactoryOptions>? configure, GrpcWrapperDescriptor<TWrapper> descriptor)
        where TInterface : class
        where TWrapper : class, TInterface
    {
        if (descriptor is null)
        {
            throw new ArgumentNullException(nameof(descriptor));
        }

        if (serviceKey is null)
        {
            return Add<TInterface, TWrapper>(services, name ?? descriptor.ServiceName, configure, descriptor);
        }

        string clientName = name ?? descriptor.ServiceName + "/" + Convert.ToString(serviceKey, CultureInfo.InvariantCulture);
        var before = new HashSet<ServiceDescriptor>(services.Where(static d => d.ServiceType == typeof(TWrapper) && !d.IsKeyedService));
        IHttpClientBuilder builder = AddCore(services, clientName, configure, descriptor);

        // AddGrpcClient registers the client type unkeyed; a keyed registration must not replace the unkeyed one.
        foreach (ServiceDescriptor added in services.Where(d => d.ServiceType == typeof(TWrapper) && !d.IsKeyedService && !before.Contains(d)).ToList())
        {
            services.Remove(added);
        }

        services.AddKeyedTransient<TWrapper>(serviceKey, (provider, _) => provider.GetRequiredService<GrpcClientFactory>().CreateClient<TWrapper>(clientName));
        services.AddKeyedTransient<TInterface>(serviceKey, static (provider, key) => provider.GetRequiredKeyedService<TWrapper>(key));
        return builder;
    }

    /// <summary>The configuration section of the client named <paramref name="name"/>: <c>GrpcClients:&lt;name&gt;</c>.</summary>
    /// <param name="configuration">The application's configuration.</param>
    /// <param name="name">The client name.</param>
    /// <returns>The section.</returns>
    public static IConfigurationSection Section(IConfiguration configuration, string name)
        => (configuration ?? throw new ArgumentNullException(nameof(configuration))).GetSection(ConfigurationSectionName).GetSection(name);

    private static IHttpClientBuilder AddCore<TWrapper>(IServiceCollection services, string name, Action<GrpcClientFactoryOptions>? configure, GrpcWrapperDescriptor<TWrapper> descriptor)
        where TWrapper : class
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (descriptor is null)
        {
            throw new ArgumentNullException(nameof(descriptor));
        }

        if (name.Contains(':'))
        {
            throw new ArgumentException($"The gRPC client name '{name}' contains ':', the configuration path separator; its section GrpcClients:{name} would be a nested one.", nameof(name));
        }

        IHttpClientBuilder builder = configure is null ? services.AddGrpcClient<TWrapper>(name) : services.AddGrpcClient<TWrapper>(name, configure);
        builder.ConfigureGrpcClientCreator((provider, callInvoker) =>
            descriptor.CreateWrapper(callInvoker, provider.GetRequiredService<GrpcCallDefaultsSources>().Get(name, descriptor)));

        // The service config's retry and hedging policies go to the channel the factory creates, unless the
        // app's own ConfigureChannel (which runs later) sets one.
        builder.ConfigureChannel((provider, channel) =>
        {
            GrpcClientDefaults defaults = provider.GetRequiredService<IOptionsMonitor<GrpcClientDefaults>>().Get(name);
            string? json = defaults.ServiceConfig?.Json ?? (defaults.InheritGeneratedDefaults ? descriptor.ServiceConfigJson : null);
            if (json is not null && channel.ServiceConfig is null)
            {
                channel.ServiceConfig = ChannelServiceConfig.FromJson(json);
            }
        });

        services.TryAddSingleton<GrpcCallDefaultsSources>();
        if (Registered(services).Add(name))
        {
            services.AddSingleton<IConfigureOptions<GrpcClientDefaults>>(provider =>
                new ConfigureGrpcClientDefaults(name, provider.GetService<IConfiguration>(), descriptor.MethodNames.ToArray()));
            services.AddSingleton<IOptionsChangeTokenSource<GrpcClientDefaults>>(provider =>
                new GrpcClientDefaultsChangeTokenSource(name, provider.GetService<IConfiguration>(), provider.GetService<ILoggerFactory>()));
            services.AddSingleton<IValidateOptions<GrpcClientDefaults>>(new ValidateGrpcClientDefaults<TWrapper>(name, descriptor));
            services.AddOptions<GrpcClientDefaults>(name).ValidateOnStart();
        }

        return builder;
    }

    // The client names whose options are registered, kept in the collection itself (as Grpc.Net.ClientFactory keeps its registry).
    private static HashSet<string> Registered(IServiceCollection services)
    {
        ServiceDescriptor? existing = services.FirstOrDefault(static d => d.ServiceType == typeof(RegisteredNames));
        if (existing?.ImplementationInstance is RegisteredNames names)
        {
            return names.Names;
        }

        var created = new RegisteredNames();
        services.AddSingleton(created);
        return created.Names;
    }

    private sealed class RegisteredNames
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
    }
}
