using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
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

/// <summary>
/// Tells <see cref="IOptionsMonitor{TOptions}"/> when the configuration of one client reloads, and logs a reload whose
/// values the validation rejects (the monitor then throws its <see cref="OptionsValidationException"/> to whoever
/// triggered the reload: the caller of <c>IConfigurationRoot.Reload()</c>, or the file watcher's thread, where nobody
/// sees it).
/// </summary>
internal sealed class GrpcClientDefaultsChangeTokenSource : IOptionsChangeTokenSource<GrpcClientDefaults>
{
    private readonly IConfiguration? _configuration;
    private readonly ILogger? _logger;

    public GrpcClientDefaultsChangeTokenSource(string name, IConfiguration? configuration, ILoggerFactory? loggerFactory)
    {
        Name = name;
        _configuration = configuration;
        _logger = loggerFactory?.CreateLogger(GrpcClientDefaultsLog.Category);
    }

    public string Name { get; }

    public IChangeToken GetChangeToken()
    {
        if (_configuration is null)
        {
            return new CancellationChangeToken(CancellationToken.None);
        }

        IChangeToken reload = _configuration.GetReloadToken();
        return _logger is null ? reload : new LoggingChangeToken(reload, this);
    }

    private void ReloadRejected(OptionsValidationException error)
        => GrpcClientDefaultsLog.ReloadRejected(_logger!, Name, GrpcWrapperRegistration.ConfigurationSectionName + ConfigurationPath.KeyDelimiter + Name, error.Message, error);

    /// <summary>The configuration's reload token, with the monitor's reaction to it (the callback) watched for a rejection.</summary>
    private sealed class LoggingChangeToken : IChangeToken
    {
        private readonly IChangeToken _inner;
        private readonly GrpcClientDefaultsChangeTokenSource _source;

        public LoggingChangeToken(IChangeToken inner, GrpcClientDefaultsChangeTokenSource source)
        {
            _inner = inner;
            _source = source;
        }

        public bool HasChanged => _inner.HasChanged;

        public bool ActiveChangeCallbacks => _inner.ActiveChangeCallbacks;

        public IDisposable RegisterChangeCallback(Action<object?> callback, object? state)
            => _inner.RegisterChangeCallback(
                static s =>
                {
                    var (source, callback, state) = ((GrpcClientDefaultsChangeTokenSource, Action<object?>, object?))s!;
                    try
                    {
                        callback(state);
                    }
                    catch (OptionsValidationException error) when (error.OptionsName == source.Name)
                    {
                        source.ReloadRejected(error);
                        throw;
                    }
                },
                (_source, callback, state));
    }
}

/// <summary>The log messages of ProtoGen.Runtime.ClientFactory (category <c>ProtoGen.Runtime.ClientFactory</c>).</summary>
internal static class GrpcClientDefaultsLog
{
    /// <summary>The logger category.</summary>
    public const string Category = "ProtoGen.Runtime.ClientFactory";

    private static readonly Action<ILogger, string, string, string, Exception?> ReloadRejectedMessage = LoggerMessage.Define<string, string, string>(
        LogLevel.Warning,
        new EventId(1, "ReloadRejected"),
        "The configuration of the gRPC client '{ClientName}' (section {ConfigurationKey}) was reloaded with invalid values, which are not applied: {ValidationMessage}");

    public static void ReloadRejected(ILogger logger, string clientName, string configurationKey, string validationMessage, Exception error)
        => ReloadRejectedMessage(logger, clientName, configurationKey, validationMessage, error);
}
