using System;
using System.IO;
using ProtoGen.Testing.Infrastructure;

namespace ProtoGen.Bench;

/// <summary>
/// What only the bench needs beside ProtoGen.Testing's <see cref="Repo"/>: the real corpus package (its version is the
/// bench's own, bench/Directory.Packages.props), the official gRPC protos and the ProtoGen assemblies built with it.
/// </summary>
internal static class BenchRepo
{
    /// <summary>The Google.Api.CommonProtos version the corpus layout references.</summary>
    public static string CommonProtosVersion { get; } = BuildMetadata.Get(typeof(BenchRepo).Assembly, "CommonProtosVersion");

    /// <summary>The restored Google.Api.CommonProtos package folder in the NuGet cache.</summary>
    public static string CommonProtosPackage { get; } = BuildMetadata.Get(typeof(BenchRepo).Assembly, "CommonProtosPackage");

    /// <summary>The official gRPC protos shipped in the repository (<c>protos/grpc</c>).</summary>
    public static string GrpcProtos => Path.Combine(Repo.Protos, "grpc");

    /// <summary>Where the ProtoGen assemblies built with the bench are copied (beside the bench).</summary>
    public static string BuiltAssemblies => AppContext.BaseDirectory;
}
