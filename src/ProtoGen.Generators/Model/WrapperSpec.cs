using ProtoGen.Shared;

namespace ProtoGen.Generators.Model;

/// <summary>Everything the emitter needs for one wrapper, and nothing else (no locations).</summary>
internal sealed record WrapperSpec(
    string Namespace,
    string ServiceClassName,
    string ClientClassName,
    string ServiceName,
    string WrapperName,
    string InterfaceName,
    WrapperAccess Access,
    EquatableArray<RpcMethodModel> Methods,
    long? DefaultTimeoutTicks,
    EquatableArray<MethodTimeout> MethodTimeouts,
    EquatableArray<MetadataEntry> DefaultMetadata,
    bool SupportsAsyncEnumerable,
    bool SupportsNullable,
    bool HasStreamingHelper,
    bool HasServiceConfig = false,
    bool EmitsRegistration = false,
    WrapperOverloads Overloads = WrapperNaming.DefaultOverloads)
{
    public string HintName => (Namespace.Length == 0 ? "_global_" : Namespace) + "." + WrapperName + ".g.cs";

    /// <summary>The static class of the DI registration methods (<c>AddLedgerClient</c>).</summary>
    public string RegistrationClassName => WrapperNaming.RegistrationClassName(ServiceClassName);

    public string RegistrationHintName => (Namespace.Length == 0 ? "_global_" : Namespace) + "." + RegistrationClassName + ".g.cs";
}

/// <summary>The result of combining a client with its configuration: a wrapper to emit (or none) and diagnostics.</summary>
internal sealed record WrapperResult(WrapperSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
