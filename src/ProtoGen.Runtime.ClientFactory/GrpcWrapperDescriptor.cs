using System;
using System.Collections.Generic;
using Grpc.Core;

namespace ProtoGen.Runtime.ClientFactory;

/// <summary>
/// What a generated registration (<c>AddLedgerClient</c>) tells <see cref="GrpcWrapperRegistration"/> about its
/// wrapper. Generated code creates one per wrapper; there is no need to create one by hand.
/// </summary>
/// <typeparam name="TWrapper">The generated wrapper class.</typeparam>
public sealed class GrpcWrapperDescriptor<TWrapper>
    where TWrapper : class
{
    /// <summary>Creates the descriptor.</summary>
    /// <param name="serviceName">The full proto service name, the default client name.</param>
    /// <param name="methodNames">The RPC names, as in the .proto (configuration may set timeouts only for these).</param>
    /// <param name="createGeneratedDefaults">Creates the build-configured defaults (the wrapper's <c>CreateGeneratedDefaults</c>).</param>
    /// <param name="createWrapper">Creates a wrapper over a call invoker with a source of defaults.</param>
    /// <param name="serviceConfigJson">The build-time gRPC service config (a <c>ProtoGenServiceConfig</c> item), or <see langword="null"/>.</param>
    public GrpcWrapperDescriptor(
        string serviceName,
        IReadOnlyList<string> methodNames,
        Func<GrpcClientDefaults> createGeneratedDefaults,
        Func<CallInvoker, GrpcCallDefaultsSource, TWrapper> createWrapper,
        string? serviceConfigJson)
    {
        ServiceName = serviceName ?? throw new ArgumentNullException(nameof(serviceName));
        MethodNames = methodNames ?? throw new ArgumentNullException(nameof(methodNames));
        CreateGeneratedDefaults = createGeneratedDefaults ?? throw new ArgumentNullException(nameof(createGeneratedDefaults));
        CreateWrapper = createWrapper ?? throw new ArgumentNullException(nameof(createWrapper));
        ServiceConfigJson = serviceConfigJson;
    }

    /// <summary>The full proto service name, e.g. <c>acme.payments.v1.Ledger</c>.</summary>
    public string ServiceName { get; }

    /// <summary>The RPC names of the service.</summary>
    public IReadOnlyList<string> MethodNames { get; }

    /// <summary>Creates the build-configured defaults.</summary>
    public Func<GrpcClientDefaults> CreateGeneratedDefaults { get; }

    /// <summary>Creates a wrapper over a call invoker (interceptors and call credentials included) with a source of defaults.</summary>
    public Func<CallInvoker, GrpcCallDefaultsSource, TWrapper> CreateWrapper { get; }

    /// <summary>The build-time service config's JSON, or <see langword="null"/>.</summary>
    public string? ServiceConfigJson { get; }
}
