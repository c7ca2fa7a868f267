using System;
using System.Collections.Generic;
using ProtoGen.Breaking.Config;

namespace ProtoGen.Breaking.Engine;

/// <summary>What a baseline is: a directory of protos, a baseline file, or a ProtoGen-packed package (<c>Id@Version</c>).</summary>
internal enum BaselineKind
{
    /// <summary>Decided from the value: an existing directory, else a file; <c>Id@Version</c> is a package.</summary>
    Auto,
    Directory,
    File,
    Package,
}

/// <summary>
/// One of the protos being checked: its logical path (its name in the descriptor set), its absolute path on disk
/// (for buf.yaml scopes and ignores), the path findings are reported at (as the project names it), and the C#
/// namespace ProtoGen's staging gives it (<see cref="MappedNamespace"/>; null when the proto is compiled as written),
/// which replaces the proto's own <c>csharp_namespace</c> only when <see cref="MappedNamespaceOverrides"/>.
/// </summary>
internal sealed record CurrentProto(string LogicalPath, string DiskPath, string DisplayPath, string? MappedNamespace = null, bool MappedNamespaceOverrides = false);

/// <summary>
/// Everything a check needs, as plain values (the MSBuild task fills it from its parameters).
/// <see cref="ImportDirectories"/> are protoc <c>--proto_path</c> values for a directory baseline's imports, absolute,
/// <c>dir</c> or <c>prefix=dir</c>; <see cref="ProtocTimeout"/> is how long its protoc run may take (null: no limit).
/// </summary>
internal sealed record BreakingRequest(
    IReadOnlyList<string> CurrentDescriptorSets,
    IReadOnlyList<CurrentProto> CurrentProtos,
    string Against,
    BaselineKind Kind,
    string? ProtocPath,
    IReadOnlyList<string> ImportDirectories,
    string WorkDirectory,
    BreakingSettings Settings,
    IReadOnlyList<string> BufConfigFiles,
    string? SuppressionsFile,
    string? ProjectDirectory,
    string ProjectFile,
    string? PackageRoot = null,
    TimeSpan? ProtocTimeout = null);
