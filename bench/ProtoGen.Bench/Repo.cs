using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ProtoGen.Bench;

/// <summary>The repository the bench measures, and the package versions its projects use (from the bench's build).</summary>
internal static class Repo
{
    public static string Root { get; } = Path.GetFullPath(Metadata("RepoRoot"));

    /// <summary><c>build/</c>: ProtoGen's props and targets.</summary>
    public static string BuildDirectory => Path.Combine(Root, "build");

    /// <summary>The official gRPC protos shipped in the repository (<c>protos/grpc</c>).</summary>
    public static string GrpcProtos => Path.Combine(Root, "protos", "grpc");

    public static string GrpcVersion { get; } = Metadata("GrpcVersion");

    public static string GoogleProtobufVersion { get; } = Metadata("GoogleProtobufVersion");

    public static string CommonProtosVersion { get; } = Metadata("CommonProtosVersion");

    /// <summary>The restored Google.Api.CommonProtos package folder in the NuGet cache.</summary>
    public static string CommonProtosPackage { get; } = Metadata("CommonProtosPackage");

    /// <summary>Where the ProtoGen assemblies built with the bench are copied (beside the bench).</summary>
    public static string BuiltAssemblies => AppContext.BaseDirectory;

    private static string Metadata(string key) =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Assembly metadata '{key}' is missing: build the bench with its project file.");
}
