using Microsoft.CodeAnalysis;
using ProtoGen.Shared;

namespace ProtoGen.Generators.Diagnostics;

/// <summary>Every diagnostic ProtoGen's generator reports, each documented under its ID in docs/client-wrappers.md. IDs are never reused.</summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "ProtoGen.ClientWrappers";

    public static readonly DiagnosticDescriptor InvalidTimeout = Create(
        "PGEN1001",
        "Invalid timeout",
        "The timeout '{0}' of {1} is not a valid duration: {2}; the setting is ignored",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownMethod = Create(
        "PGEN1002",
        "Method timeout for an unknown method",
        "Service '{0}' has no method '{1}'; its timeout is ignored",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidMetadata = Create(
        "PGEN1003",
        "Invalid default metadata",
        "The default metadata entry '{0}' of service '{1}' is invalid: {2}; the entry is ignored",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor WrapperNameCollision = Create(
        "PGEN1004",
        "Wrapper name collides with an existing type",
        "The type '{0}' already exists, so no client wrapper is generated for service '{1}'",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MalformedManifestLine = Create(
        "PGEN1005",
        "Malformed client wrapper manifest line",
        "Malformed client wrapper manifest line: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AccessNotPossible = Create(
        "PGEN1006",
        "Wrapper cannot be public",
        "The client of service '{0}' is internal, so its wrapper cannot be public; it is generated internal",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidBuildProperty = Create(
        "PGEN1007",
        "Invalid ProtoGen build property",
        "The build property '{0}' has the invalid value '{1}': {2}; it is ignored",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RuntimeMissing = Create(
        "PGEN1008",
        "ProtoGen.Runtime is not referenced",
        "No client wrapper is generated for service '{0}' because the compilation does not reference ProtoGen.Runtime",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidServiceConfig = Create(
        "PGEN1009",
        "Invalid gRPC service config",
        "The gRPC service config '{0}' is invalid: {1}; no wrapper uses it",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RegistrationRuntimeMissing = Create(
        "PGEN1010",
        "ProtoGen.Runtime.ClientFactory is not referenced",
        "The compilation references Grpc.Net.ClientFactory but not ProtoGen.Runtime.ClientFactory, so no client wrapper gets a DI registration (Add...Client); reference the ProtoGen.Runtime.ClientFactory package to get them",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor SeveralServiceConfigs = Create(
        "PGEN1011",
        "More than one gRPC service config",
        "The gRPC service config '{0}' is ignored: a project has one service config, and '{1}' is used",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RegistrationNameCollision = Create(
        "PGEN1012",
        "DI registration class name collides with an existing type",
        "The type '{0}' already exists, so no DI registration is generated for service '{1}' (its wrapper is)",
        DiagnosticSeverity.Warning);

    /// <summary>Looks a descriptor up by ID (manifest issues carry IDs, not descriptors).</summary>
    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "PGEN1001" => InvalidTimeout,
        "PGEN1002" => UnknownMethod,
        "PGEN1003" => InvalidMetadata,
        "PGEN1004" => WrapperNameCollision,
        "PGEN1005" => MalformedManifestLine,
        "PGEN1006" => AccessNotPossible,
        "PGEN1007" => InvalidBuildProperty,
        _ => RuntimeMissing,
    };

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
        => new(
            id,
            title,
            message,
            Category,
            severity,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinks.For(HelpLinks.ClientWrappersPage, id));
}
