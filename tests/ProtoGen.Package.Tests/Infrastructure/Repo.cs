using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ProtoGen.Package.Tests.Infrastructure;

/// <summary>The repository the package is packed from, and the versions consumers reference.</summary>
internal static class Repo
{
    public static string Root { get; } = Path.GetFullPath(Metadata("RepoRoot"));

    /// <summary>The packaging project.</summary>
    public static string PackageProject => Path.Combine(Root, "src", "ProtoGen", "ProtoGen.csproj");

    /// <summary>The repository's own version (Directory.Build.props); test packages are prereleases of it.</summary>
    public static string Version { get; } = Metadata("ProtoGenVersion");

    public static string GrpcVersion { get; } = Metadata("GrpcVersion");

    public static string GoogleProtobufVersion { get; } = Metadata("GoogleProtobufVersion");

    private static string Metadata(string key) =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");
}
