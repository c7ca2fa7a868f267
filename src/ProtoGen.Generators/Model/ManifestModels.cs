using System;
using ProtoGen.Shared;

namespace ProtoGen.Generators.Model;

/// <summary>Accessibility of a generated wrapper.</summary>
internal enum WrapperAccess
{
    Public,
    Internal,
}

/// <summary>A per-method default timeout.</summary>
internal sealed record MethodTimeout(string Method, TimeSpan Timeout);

/// <summary>A default metadata entry; <paramref name="Value"/> is base64 for <c>-bin</c> keys.</summary>
internal sealed record MetadataEntry(string Key, string Value)
{
    public bool IsBinary => Key.EndsWith("-bin", StringComparison.Ordinal);
}

/// <summary>A setting that was invalid and is skipped, reported once the entry's location is known.</summary>
internal sealed record ManifestIssue(string DescriptorId, EquatableArray<string> MessageArgs);

/// <summary>One <c>service</c> line of a <c>.protogen-wrappers</c> manifest (the valid settings only).</summary>
/// <param name="ServiceName">The full proto service name.</param>
/// <param name="Enabled">The <c>enabled</c> field, when given.</param>
/// <param name="DefaultTimeout">The <c>defaultTimeout</c> field, when given and valid.</param>
/// <param name="MethodTimeouts">The valid <c>methodTimeouts</c> items.</param>
/// <param name="DefaultMetadata">The valid <c>defaultMetadata</c> items.</param>
/// <param name="Access">The <c>access</c> field, when given.</param>
/// <param name="SourceLocation">The <c>source</c>/<c>line</c> fields as a location, when given.</param>
/// <param name="ManifestLocation">The line in the manifest itself.</param>
/// <param name="Issues">Invalid settings of this line.</param>
internal sealed record ManifestEntry(
    string ServiceName,
    bool? Enabled,
    TimeSpan? DefaultTimeout,
    EquatableArray<MethodTimeout> MethodTimeouts,
    EquatableArray<MetadataEntry> DefaultMetadata,
    WrapperAccess? Access,
    LocationInfo? SourceLocation,
    LocationInfo ManifestLocation,
    EquatableArray<ManifestIssue> Issues);

/// <summary>A parsed manifest file: its entries and the diagnostics of lines that named no service.</summary>
internal sealed record ManifestFile(string Path, EquatableArray<ManifestEntry> Entries, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The global analyzer-config properties (<c>build_property.ProtoGen*</c>).</summary>
/// <param name="WrapAll">Whether clients the manifest does not list get a wrapper.</param>
/// <param name="DefaultTimeout">The default timeout of those wrappers.</param>
/// <param name="Diagnostics">Invalid property values.</param>
/// <param name="Overloads">
/// <c>ProtoGenClientWrapperOverloads</c>: <see cref="WrapperOverloads.All"/> adds the <c>CallOptions</c> overloads
/// and the blocking unary calls to the per-call async ones (<see cref="WrapperOverloads.Minimal"/>).
/// </param>
internal sealed record GlobalSettings(bool WrapAll, TimeSpan? DefaultTimeout, EquatableArray<DiagnosticInfo> Diagnostics, WrapperOverloads Overloads = WrapperNaming.DefaultOverloads);

/// <summary>What the compilation offers generated code.</summary>
/// <param name="HasRuntime">Whether ProtoGen.Runtime is referenced.</param>
/// <param name="SupportsAsyncEnumerable">Whether async iterators (IAsyncEnumerable, C# 8) are available.</param>
/// <param name="SupportsNullable">Whether the language version has nullable reference types (C# 8); netstandard2.0 defaults to C# 7.3.</param>
/// <param name="HasStreamingHelper">Whether ProtoGen.Runtime has <c>GrpcStreaming</c> (its netstandard2.1 build), so stream methods need no iterator of their own.</param>
/// <param name="HasClientFactory">Whether Grpc.Net.ClientFactory is referenced.</param>
/// <param name="HasRegistrationRuntime">Whether ProtoGen.Runtime.ClientFactory is referenced (the DI registrations call it).</param>
internal sealed record CompilationFeatures(
    bool HasRuntime,
    bool SupportsAsyncEnumerable,
    bool SupportsNullable,
    bool HasStreamingHelper,
    bool HasClientFactory = false,
    bool HasRegistrationRuntime = false)
{
    /// <summary>Whether a DI registration is generated next to each wrapper.</summary>
    public bool EmitsRegistrations => HasClientFactory && HasRegistrationRuntime;
}

/// <summary>
/// An <c>AdditionalFiles</c> item marked as a gRPC service config (<c>ProtoGenServiceConfig</c> items), read and checked.
/// </summary>
/// <param name="Path">The file's path.</param>
/// <param name="Json">Its text when it is a valid service config; <see langword="null"/> otherwise.</param>
/// <param name="Diagnostics">Its problems, at their lines.</param>
internal sealed record ServiceConfigFile(string Path, string? Json, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The one service config of the compilation that wrappers use (the first valid file by path), if any.</summary>
/// <param name="Path">Its path, for the generated file's comment.</param>
/// <param name="Json">Its text.</param>
internal sealed record ServiceConfigSpec(string Path, string Json);
