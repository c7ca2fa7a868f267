using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Threading;
using Grpc.Core;

namespace ProtoGen.Runtime;

/// <summary>
/// The resolved, immutable defaults of one client wrapper: it turns per-call arguments into
/// <see cref="CallOptions"/> with the deadline and metadata the defaults call for.
/// Generated wrappers create one in their constructor with <see cref="ForService(string?, GrpcClientDefaults?, GrpcClientDefaults?)"/>.
/// </summary>
public sealed class GrpcCallDefaults : GrpcCallDefaultsSource
{
    private static readonly IReadOnlyDictionary<string, TimeSpan> NoMethodTimeouts =
        new ReadOnlyDictionary<string, TimeSpan>(new Dictionary<string, TimeSpan>(StringComparer.Ordinal));

    private readonly Func<DateTime> _utcNow;
    private readonly Metadata? _metadata;
    private readonly Metadata.Entry[] _metadataEntries;
    private readonly TimeSpan? _serviceMaxTimeout;
    private readonly Dictionary<string, TimeSpan>? _methodMaxTimeouts;

    private GrpcCallDefaults(
        TimeSpan? defaultTimeout,
        IReadOnlyDictionary<string, TimeSpan> methodTimeouts,
        Metadata? metadata,
        GrpcServiceConfig? serviceConfig,
        string? serviceName,
        Func<DateTime> utcNow)
    {
        DefaultTimeout = defaultTimeout;
        MethodTimeouts = methodTimeouts;
        _metadata = metadata;
        _metadataEntries = metadata is null ? Array.Empty<Metadata.Entry>() : new List<Metadata.Entry>(metadata).ToArray();
        ServiceConfig = serviceConfig;
        ServiceName = serviceName;
        if (serviceConfig is not null)
        {
            _methodMaxTimeouts = serviceConfig.Resolve(serviceName ?? string.Empty, out _serviceMaxTimeout);
        }

        _utcNow = utcNow;
    }

    /// <summary>Defaults that change nothing: no deadline, no metadata.</summary>
    public static GrpcCallDefaults None { get; } = new(null, NoMethodTimeouts, null, null, null, static () => DateTime.UtcNow);

    /// <inheritdoc/>
    public override GrpcCallDefaults Current => this;

    /// <summary>The full proto service name the service config's names are matched against; <see langword="null"/> when not given.</summary>
    public string? ServiceName { get; }

    /// <summary>The service config whose timeouts cap calls (see <see cref="GrpcClientDefaults.ServiceConfig"/>), or <see langword="null"/>.</summary>
    public GrpcServiceConfig? ServiceConfig { get; }

    /// <summary>The client-wide default timeout; <see langword="null"/> when calls have no default deadline.</summary>
    public TimeSpan? DefaultTimeout { get; }

    /// <summary>Per-method default timeouts, by RPC method name.</summary>
    public IReadOnlyDictionary<string, TimeSpan> MethodTimeouts { get; }

    /// <summary>The default metadata entries, in the order they are sent.</summary>
    public IReadOnlyList<Metadata.Entry> DefaultMetadata => _metadataEntries;

    /// <summary>
    /// Resolves <paramref name="overrides"/> laid over <paramref name="generated"/> (or replacing them when
    /// <see cref="GrpcClientDefaults.InheritGeneratedDefaults"/> is <see langword="false"/>).
    /// </summary>
    /// <param name="generated">The defaults the build configured, or <see langword="null"/>.</param>
    /// <param name="overrides">The defaults given at construction, or <see langword="null"/>.</param>
    /// <returns>The resolved defaults.</returns>
    /// <exception cref="ArgumentException">A timeout is zero or negative (other than infinite), or a metadata key is invalid.</exception>
    public static GrpcCallDefaults Create(GrpcClientDefaults? generated, GrpcClientDefaults? overrides)
        => ForService(null, generated, overrides, static () => DateTime.UtcNow);

    /// <summary>
    /// Like <see cref="Create(GrpcClientDefaults?, GrpcClientDefaults?)"/>, for the service named
    /// <paramref name="serviceName"/>: a service config's names are matched against it. Generated wrappers call this one.
    /// </summary>
    /// <param name="serviceName">The full proto service name, e.g. <c>routeguide.RouteGuide</c>.</param>
    /// <param name="generated">The defaults the build configured, or <see langword="null"/>.</param>
    /// <param name="overrides">The defaults given at construction, or <see langword="null"/>.</param>
    /// <returns>The resolved defaults.</returns>
    /// <exception cref="ArgumentException">A timeout is zero or negative (other than infinite), or a metadata key is invalid.</exception>
    public static GrpcCallDefaults ForService(string? serviceName, GrpcClientDefaults? generated, GrpcClientDefaults? overrides)
        => ForService(serviceName, generated, overrides, static () => DateTime.UtcNow);

    /// <summary>
    /// Like <see cref="Create(GrpcClientDefaults?, GrpcClientDefaults?)"/>, with the clock used to compute deadlines
    /// (it must return UTC times); meant for tests.
    /// </summary>
    /// <param name="generated">The defaults the build configured, or <see langword="null"/>.</param>
    /// <param name="overrides">The defaults given at construction, or <see langword="null"/>.</param>
    /// <param name="utcNow">The clock.</param>
    /// <returns>The resolved defaults.</returns>
    public static GrpcCallDefaults Create(GrpcClientDefaults? generated, GrpcClientDefaults? overrides, Func<DateTime> utcNow)
        => ForService(null, generated, overrides, utcNow);

    /// <summary>
    /// Like <see cref="ForService(string?, GrpcClientDefaults?, GrpcClientDefaults?)"/>, with the clock used to compute
    /// deadlines (it must return UTC times); meant for tests.
    /// </summary>
    /// <param name="serviceName">The full proto service name, or <see langword="null"/>.</param>
    /// <param name="generated">The defaults the build configured, or <see langword="null"/>.</param>
    /// <param name="overrides">The defaults given at construction, or <see langword="null"/>.</param>
    /// <param name="utcNow">The clock.</param>
    /// <returns>The resolved defaults.</returns>
    public static GrpcCallDefaults ForService(string? serviceName, GrpcClientDefaults? generated, GrpcClientDefaults? overrides, Func<DateTime> utcNow)
    {
        if (utcNow is null)
        {
            throw new ArgumentNullException(nameof(utcNow));
        }

        GrpcClientDefaults? baseline = overrides is { InheritGeneratedDefaults: false } ? null : generated;

        TimeSpan? defaultTimeout = overrides?.DefaultTimeout ?? baseline?.DefaultTimeout;
        ValidateTimeout(defaultTimeout, nameof(GrpcClientDefaults.DefaultTimeout));
        if (defaultTimeout == Timeout.InfiniteTimeSpan)
        {
            defaultTimeout = null;
        }

        var methodTimeouts = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (GrpcClientDefaults? source in new[] { baseline, overrides })
        {
            if (source is null)
            {
                continue;
            }

            foreach (KeyValuePair<string, TimeSpan> pair in source.MethodTimeouts)
            {
                if (string.IsNullOrEmpty(pair.Key))
                {
                    throw new ArgumentException("A method timeout has an empty method name.", nameof(overrides));
                }

                ValidateTimeout(pair.Value, "MethodTimeouts[" + pair.Key + "]");
                methodTimeouts[pair.Key] = pair.Value;
            }
        }

        Metadata? metadata = GrpcMetadataMerge.Merge(baseline?.DefaultMetadata, overrides?.DefaultMetadata);
        if (metadata is not null)
        {
            foreach (Metadata.Entry entry in metadata)
            {
                GrpcMetadataKeys.ValidateKey(entry.Key);
                if (!entry.IsBinary && !GrpcMetadataKeys.IsValidAsciiValue(entry.Value))
                {
                    throw new ArgumentException($"The default metadata value of '{entry.Key}' must be printable ASCII (0x20-0x7E).", nameof(overrides));
                }
            }

            if (metadata.Count == 0)
            {
                metadata = null;
            }
        }

        return new GrpcCallDefaults(
            defaultTimeout,
            methodTimeouts.Count == 0 ? NoMethodTimeouts : new ReadOnlyDictionary<string, TimeSpan>(methodTimeouts),
            metadata,
            overrides?.ServiceConfig ?? baseline?.ServiceConfig,
            serviceName,
            utcNow);
    }

    /// <summary>
    /// The default timeout of <paramref name="method"/>: its own, else the client-wide one;
    /// <see langword="null"/> when it has none (or it is infinite).
    /// </summary>
    /// <param name="method">The RPC method name.</param>
    /// <returns>The timeout, or <see langword="null"/>.</returns>
    public TimeSpan? GetDefaultTimeout(string method)
    {
        if (MethodTimeouts.TryGetValue(method, out TimeSpan timeout))
        {
            return timeout == Timeout.InfiniteTimeSpan ? null : timeout;
        }

        return DefaultTimeout;
    }

    /// <summary>
    /// The maximum timeout of <paramref name="method"/> from the service config (its own entry, else the service's,
    /// else the empty name's); <see langword="null"/> when there is none.
    /// </summary>
    /// <param name="method">The RPC method name.</param>
    /// <returns>The maximum, or <see langword="null"/>.</returns>
    public TimeSpan? GetMaxTimeout(string method)
    {
        if (_methodMaxTimeouts is null)
        {
            return null;
        }

        TimeSpan? max = _methodMaxTimeouts.TryGetValue(method, out TimeSpan own) ? own : _serviceMaxTimeout;
        return max == Timeout.InfiniteTimeSpan ? null : max;
    }

    /// <summary>
    /// Builds the call options of one call from the per-call arguments of a wrapper method. The deadline is the
    /// earlier of: the call's own (explicit, else now plus the per-call timeout, else the default), now plus the
    /// service config's timeout, and the deadline of the <see cref="GrpcDeadlinePropagation"/> scope around the call.
    /// </summary>
    /// <param name="method">The RPC method name.</param>
    /// <param name="headers">Per-call metadata; its keys replace the default entries of the same key.</param>
    /// <param name="deadline">An explicit deadline; when given it wins over every timeout.</param>
    /// <param name="timeout">A per-call timeout; wins over the method's and the client's default timeout.</param>
    /// <param name="cancellationToken">The call's cancellation token.</param>
    /// <returns>The call options.</returns>
    public CallOptions CreateCallOptions(string method, Metadata? headers, DateTime? deadline, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        DateTime now = _utcNow();
        DateTime? effectiveDeadline = deadline.HasValue
            ? GrpcDeadlines.ToUtc(deadline.Value)
            : GrpcDeadlines.Compute(now, null, timeout, GetDefaultTimeout(method), null);
        effectiveDeadline = Limit(method, now, effectiveDeadline, ref cancellationToken);
        return new CallOptions(GrpcMetadataMerge.Merge(_metadata, headers), effectiveDeadline, cancellationToken);
    }

    /// <summary>
    /// Applies the defaults to full call options: merges the default metadata into its headers and, when it has no
    /// deadline (and no propagation token), sets the method's default deadline; then limits the deadline as
    /// <see cref="CreateCallOptions"/> does.
    /// </summary>
    /// <param name="method">The RPC method name.</param>
    /// <param name="options">The caller's call options.</param>
    /// <returns>The call options to use.</returns>
    public CallOptions Apply(string method, CallOptions options)
    {
        Metadata? merged = GrpcMetadataMerge.Merge(_metadata, options.Headers);
        if (merged is not null && !ReferenceEquals(merged, options.Headers))
        {
            options = options.WithHeaders(merged);
        }

        if (options.PropagationToken is not null)
        {
            // gRPC rejects an explicit deadline together with a propagated one.
            return options;
        }

        DateTime now = _utcNow();
        DateTime? deadline = options.Deadline is DateTime given
            ? GrpcDeadlines.ToUtc(given)
            : GrpcDeadlines.Compute(now, null, null, GetDefaultTimeout(method), null);
        CancellationToken token = options.CancellationToken;
        DateTime? limited = Limit(method, now, deadline, ref token);
        if (limited is DateTime value && value != options.Deadline)
        {
            options = options.WithDeadline(value);
        }

        return token == options.CancellationToken ? options : options.WithCancellationToken(token);
    }

    /// <summary>The earlier of <paramref name="deadline"/>, the service config's limit and the propagated deadline.</summary>
    private DateTime? Limit(string method, DateTime now, DateTime? deadline, ref CancellationToken cancellationToken)
    {
        if (deadline == DateTime.MaxValue)
        {
            deadline = null;
        }

        if (GetMaxTimeout(method) is TimeSpan max)
        {
            deadline = GrpcDeadlines.Earlier(deadline, GrpcDeadlines.Compute(now, null, max, null, null));
        }

        GrpcPropagationScope? scope = GrpcDeadlinePropagation.Current;
        if (scope is not null)
        {
            deadline = GrpcDeadlines.Earlier(deadline, scope.Deadline);
            cancellationToken = scope.Link(cancellationToken);
        }

        return deadline;
    }

    private static void ValidateTimeout(TimeSpan? timeout, string name)
    {
        if (timeout is TimeSpan value && value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"The timeout '{name}' must be greater than zero or Timeout.InfiniteTimeSpan, but is {value}.", nameof(timeout));
        }
    }
}
