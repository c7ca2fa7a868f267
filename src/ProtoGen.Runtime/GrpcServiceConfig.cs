using System;
using System.Collections.Generic;
using System.Linq;

namespace ProtoGen.Runtime;

/// <summary>
/// A gRPC service config (the JSON that gRPC's name resolvers and <c>GrpcChannelOptions.ServiceConfig</c> carry),
/// checked, with the per-method timeouts (<c>methodConfig[].timeout</c>) it gives. Immutable.
/// </summary>
/// <remarks>
/// Timeouts from a service config follow the spec: they are maxima, not defaults. The deadline of a call is the
/// earlier of the caller's (or the wrapper's default) deadline and now plus the service config's timeout; a
/// per-call <c>timeout:</c> cannot lengthen it. Names match as the spec says: the method's own entry, else the
/// service's entry, else the entry with the empty name; the most specific entry applies whole.
/// </remarks>
public sealed class GrpcServiceConfig
{
    private readonly ServiceConfigDocument _document;

    private GrpcServiceConfig(string json, ServiceConfigDocument document)
    {
        Json = json;
        _document = document;
    }

    /// <summary>The JSON text the config was parsed from, unchanged.</summary>
    public string Json { get; }

    /// <summary>
    /// Parses and checks <paramref name="json"/>: valid JSON, a <c>methodConfig</c> array whose entries have
    /// unique non-empty names, protobuf JSON durations (<c>"1.5s"</c>), and complete retry or hedging policies
    /// (never both in one entry).
    /// </summary>
    /// <param name="json">The service config.</param>
    /// <returns>The service config.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a valid service config; the message gives the line and column of each problem.</exception>
    public static GrpcServiceConfig Parse(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        ServiceConfigDocument? document = ServiceConfigSyntax.Parse(json, out List<ServiceConfigError> errors);
        return document is null
            ? throw new FormatException("Invalid gRPC service config: " + string.Join("; ", errors.Select(static e => e.ToString())))
            : new GrpcServiceConfig(json, document);
    }

    /// <summary>
    /// The timeout the service config gives calls of <paramref name="service"/>/<paramref name="method"/>, by the
    /// spec's name matching; <see langword="null"/> when no entry matches or the matching entry has no timeout.
    /// </summary>
    /// <param name="service">The full proto service name, e.g. <c>routeguide.RouteGuide</c>.</param>
    /// <param name="method">The method name, e.g. <c>GetFeature</c>.</param>
    /// <returns>The timeout, or <see langword="null"/>.</returns>
    public TimeSpan? GetTimeout(string service, string method)
    {
        Dictionary<string, TimeSpan> methods = _document.Resolve(service ?? throw new ArgumentNullException(nameof(service)), out TimeSpan? serviceTimeout);
        TimeSpan? timeout = methods.TryGetValue(method ?? throw new ArgumentNullException(nameof(method)), out TimeSpan own) ? own : serviceTimeout;
        return timeout == System.Threading.Timeout.InfiniteTimeSpan ? null : timeout;
    }

    /// <summary>The per-method and service-wide timeouts of <paramref name="service"/> (<see cref="System.Threading.Timeout.InfiniteTimeSpan"/>: none).</summary>
    internal Dictionary<string, TimeSpan> Resolve(string service, out TimeSpan? serviceTimeout) => _document.Resolve(service, out serviceTimeout);
}
