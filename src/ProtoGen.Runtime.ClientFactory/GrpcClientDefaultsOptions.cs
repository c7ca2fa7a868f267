using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ProtoGen.Runtime.ClientFactory;

/// <summary>Binds the named <see cref="GrpcClientDefaults"/> of one client from <c>GrpcClients:&lt;name&gt;</c>.</summary>
internal sealed class ConfigureGrpcClientDefaults : IConfigureNamedOptions<GrpcClientDefaults>
{
    private readonly string _name;
    private readonly IConfiguration? _configuration;
    private readonly IReadOnlyCollection<string> _methodNames;

    public ConfigureGrpcClientDefaults(string name, IConfiguration? configuration, IReadOnlyCollection<string> methodNames)
    {
        _name = name;
        _configuration = configuration;
        _methodNames = methodNames;
    }

    public void Configure(string? name, GrpcClientDefaults options)
    {
        if (name == _name && _configuration is not null)
        {
            GrpcClientDefaultsBinder.Bind(GrpcWrapperRegistration.Section(_configuration, _name), options, _methodNames);
        }
    }

    public void Configure(GrpcClientDefaults options) => Configure(Options.DefaultName, options);
}

/// <summary>
/// Checks the named <see cref="GrpcClientDefaults"/> of one client: the configuration errors found while binding
/// (each naming its key), and that the result laid over the generated defaults is valid.
/// </summary>
internal sealed class ValidateGrpcClientDefaults<TWrapper> : IValidateOptions<GrpcClientDefaults>
    where TWrapper : class
{
    private readonly string _name;
    private readonly GrpcWrapperDescriptor<TWrapper> _descriptor;

    public ValidateGrpcClientDefaults(string name, GrpcWrapperDescriptor<TWrapper> descriptor)
    {
        _name = name;
        _descriptor = descriptor;
    }

    public ValidateOptionsResult Validate(string? name, GrpcClientDefaults options)
    {
        if (name != _name)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>(GrpcClientDefaultsBinder.ErrorsOf(options));
        foreach (string method in options.MethodTimeouts.Keys)
        {
            if (!Contains(_descriptor.MethodNames, method))
            {
                failures.Add($"the gRPC client '{name}' (service {_descriptor.ServiceName}) has a timeout for the unknown method '{method}'");
            }
        }

        if (failures.Count == 0)
        {
            try
            {
                _ = GrpcCallDefaults.ForService(_descriptor.ServiceName, _descriptor.CreateGeneratedDefaults(), options);
            }
            catch (ArgumentException e)
            {
                failures.Add($"the defaults of the gRPC client '{name}' are invalid: {e.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        foreach (string candidate in names)
        {
            if (candidate == name)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Tells <see cref="IOptionsMonitor{TOptions}"/> when the configuration of one client reloads.</summary>
internal sealed class GrpcClientDefaultsChangeTokenSource : IOptionsChangeTokenSource<GrpcClientDefaults>
{
    private readonly IConfiguration? _configuration;

    public GrpcClientDefaultsChangeTokenSource(string name, IConfiguration? configuration)
    {
        Name = name;
        _configuration = configuration;
    }

    public string Name { get; }

    public IChangeToken GetChangeToken() => _configuration?.GetReloadToken() ?? new CancellationChangeToken(System.Threading.CancellationToken.None);
}
