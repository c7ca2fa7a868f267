using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProtoGen.Runtime.Tests;

/// <summary>The service providers and configurations of the DI tests, as an app without a host builds them.</summary>
internal static class ClientFactoryHost
{
    public static IConfigurationRoot Configuration(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    /// <summary>
    /// A provider with <paramref name="configuration"/> (an empty one when <see langword="null"/>) registered as
    /// <see cref="IConfiguration"/>, logging only to <paramref name="logs"/> (nowhere when <see langword="null"/>).
    /// </summary>
    public static ServiceProvider Provider(Action<IServiceCollection> configure, IConfiguration? configuration = null, ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.ClearProviders();
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddSingleton(configuration ?? Configuration(new()));
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
