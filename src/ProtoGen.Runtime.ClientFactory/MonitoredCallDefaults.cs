using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ProtoGen.Runtime.ClientFactory;

/// <summary>
/// The defaults of one named client, following <see cref="IOptionsMonitor{TOptions}"/>: resolved once per change,
/// read when each call starts. A reload whose values are invalid leaves the last valid defaults in effect: the monitor
/// throws its <see cref="OptionsValidationException"/> to whoever triggered the reload and does not call
/// <see cref="OnChange"/> (<see cref="GrpcClientDefaultsChangeTokenSource"/> logs it).
/// </summary>
internal sealed class MonitoredCallDefaults : GrpcCallDefaultsSource, IDisposable
{
    private readonly string _name;
    private readonly string _serviceName;
    private readonly Func<GrpcClientDefaults> _generated;
    private readonly IDisposable? _subscription;
    private volatile GrpcCallDefaults _current;

    public MonitoredCallDefaults(string name, string serviceName, Func<GrpcClientDefaults> generated, IOptionsMonitor<GrpcClientDefaults> monitor)
    {
        _name = name;
        _serviceName = serviceName;
        _generated = generated;

        // Invalid options throw here (OptionsValidationException naming the keys): at the first resolution of
        // the client, or at start when ValidateOnStart ran.
        _current = GrpcCallDefaults.ForService(serviceName, generated(), monitor.Get(name));
        _subscription = monitor.OnChange(OnChange);
    }

    public override GrpcCallDefaults Current => _current;

    public void Dispose() => _subscription?.Dispose();

    private void OnChange(GrpcClientDefaults options, string? name)
    {
        if (name != _name)
        {
            return;
        }

        try
        {
            _current = GrpcCallDefaults.ForService(_serviceName, _generated(), options);
        }
        catch (ArgumentException)
        {
            // Validation reports these; calls keep the last valid defaults.
        }
    }
}

/// <summary>One <see cref="MonitoredCallDefaults"/> per client name, for the lifetime of the service provider.</summary>
internal sealed class GrpcCallDefaultsSources : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<MonitoredCallDefaults>> _sources = new(StringComparer.Ordinal);
    private readonly IOptionsMonitor<GrpcClientDefaults> _monitor;

    public GrpcCallDefaultsSources(IOptionsMonitor<GrpcClientDefaults> monitor) => _monitor = monitor;

    public GrpcCallDefaultsSource Get<TWrapper>(string name, GrpcWrapperDescriptor<TWrapper> descriptor)
        where TWrapper : class
    {
        Lazy<MonitoredCallDefaults> source = _sources.GetOrAdd(
            name,
            key => new Lazy<MonitoredCallDefaults>(() => new MonitoredCallDefaults(key, descriptor.ServiceName, descriptor.CreateGeneratedDefaults, _monitor)));
        try
        {
            return source.Value;
        }
        catch (OptionsValidationException)
        {
            // Not cached: the next resolution reports the (maybe corrected) configuration again.
            _sources.TryRemove(name, out _);
            throw;
        }
    }

    public void Dispose()
    {
        foreach (Lazy<MonitoredCallDefaults> source in _sources.Values)
        {
            if (source.IsValueCreated)
            {
                source.Value.Dispose();
            }
        }
    }
}
