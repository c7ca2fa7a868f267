using System;
using System.Collections.Generic;
using Grpc.Core;

namespace ProtoGen.Runtime;

/// <summary>
/// Client-wide defaults for a ProtoGen client wrapper: a default timeout, per-method timeouts and
/// default metadata. Pass one to a wrapper's constructor to set or replace the defaults that the
/// build configured (the generated defaults); the wrapper takes a snapshot, so later changes to this
/// object do not affect a wrapper that already exists.
/// </summary>
/// <example>
/// <code>
/// var client = new RouteGuideClientWrapper(channel, new GrpcClientDefaults
/// {
///     DefaultTimeout = TimeSpan.FromSeconds(5),
///     MethodTimeouts = { ["ListFeatures"] = TimeSpan.FromSeconds(30) },
///     DefaultMetadata = { { "x-team", "maps" } },
/// });
/// </code>
/// </example>
public sealed class GrpcClientDefaults
{
    /// <summary>
    /// The timeout of calls whose method has no timeout of its own, or <see langword="null"/> to keep
    /// the generated default. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> means "no deadline".
    /// </summary>
    public TimeSpan? DefaultTimeout { get; set; }

    /// <summary>
    /// Timeouts by RPC method name as written in the .proto file (for example <c>GetFeature</c>), compared
    /// ordinally. They take precedence over <see cref="DefaultTimeout"/>;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> means "no deadline" for that method.
    /// </summary>
    public IDictionary<string, TimeSpan> MethodTimeouts { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>
    /// Metadata sent with every call. A key set here replaces the generated default entries of that key;
    /// a key given per call replaces the default entries of that key for that call.
    /// </summary>
    public Metadata DefaultMetadata { get; set; } = new Metadata();

    /// <summary>
    /// Whether these defaults are laid over the generated (build-configured) defaults, <see langword="true"/>
    /// by default, or replace them entirely (<see langword="false"/>).
    /// </summary>
    public bool InheritGeneratedDefaults { get; set; } = true;

    /// <summary>
    /// A gRPC service config whose <c>methodConfig[].timeout</c> values cap the calls of the wrapper's service
    /// (matched by the spec's name rules), or <see langword="null"/> to keep the generated one (from
    /// <c>ProtoGenServiceConfig</c> at build time). Unlike <see cref="DefaultTimeout"/> and
    /// <see cref="MethodTimeouts"/>, these are maxima: a call's deadline is the earlier of its own and now plus the
    /// service config's timeout, so a per-call timeout can shorten it but never lengthen it.
    /// </summary>
    public GrpcServiceConfig? ServiceConfig { get; set; }

    /// <summary>Defaults whose only setting is a service config (see <see cref="ServiceConfig"/>).</summary>
    /// <param name="json">The service config JSON.</param>
    /// <returns>The defaults.</returns>
    /// <exception cref="FormatException">The JSON is not a valid service config (see <see cref="GrpcServiceConfig.Parse"/>).</exception>
    public static GrpcClientDefaults FromServiceConfig(string json) => new() { ServiceConfig = GrpcServiceConfig.Parse(json) };
}
