using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ProtoGen.IntegrationTests.Infrastructure;

/// <summary>Paths and versions of the repository under test.</summary>
internal static class Repo
{
    public static string Root { get; } = Path.GetFullPath(Metadata("RepoRoot"));

    public static string BuildDirectory => Path.Combine(Root, "build");

    public static string Protos => Path.Combine(Root, "protos");

    public static string Fixtures => Path.Combine(Protos, "fixtures");

    public static string GrpcVersion { get; } = Metadata("GrpcVersion");

    /// <summary>The task assembly built with these tests.</summary>
    public static string TaskAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "ProtoGen.Build.dll");

    /// <summary>The source generator assembly built with these tests.</summary>
    public static string GeneratorAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "ProtoGen.Generators.dll");

    /// <summary>The wrappers' runtime support assembly built with these tests.</summary>
    public static string RuntimeAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "ProtoGen.Runtime.dll");

    private static string Metadata(string key) =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");
}
