using System.IO;

namespace ProtoGen.Testing.Infrastructure;

/// <summary>
/// The repository under test and the package versions its test projects use, as the build of ProtoGen.Testing
/// recorded them (ProtoGen.Testing.csproj); shared by every test project and by bench/.
/// </summary>
public static class Repo
{
    /// <summary>The repository's root directory.</summary>
    public static string Root { get; } = Path.GetFullPath(Metadata("RepoRoot"));

    /// <summary><c>build/</c>: ProtoGen's props and targets.</summary>
    public static string BuildDirectory => Path.Combine(Root, "build");

    /// <summary><c>protos/</c>: the fixture, example and official gRPC protos.</summary>
    public static string Protos => Path.Combine(Root, "protos");

    /// <summary><c>samples/</c>.</summary>
    public static string Samples => Path.Combine(Root, "samples");

    /// <summary><c>artifacts/</c>: the build output of every project (<c>UseArtifactsOutput</c>).</summary>
    public static string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>ProtoGen's own version (<c>Directory.Build.props</c>).</summary>
    public static string Version { get; } = Metadata("Version");

    /// <summary>The configuration these tests were built in (<c>Debug</c>, <c>Release</c>).</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    /// <summary>The Grpc.Tools, Grpc.Net.Client and Grpc.Core.Api version (<c>$(GrpcVersion)</c> in Directory.Packages.props).</summary>
    public static string GrpcVersion { get; } = Metadata("GrpcVersion");

    /// <summary>The Google.Protobuf version of Directory.Packages.props.</summary>
    public static string GoogleProtobufVersion { get; } = Metadata("GoogleProtobufVersion");

    /// <summary>The NuGet global packages folder the tests were restored from, without a trailing separator.</summary>
    public static string NuGetPackageRoot { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Metadata("NuGetPackageRoot")));

    /// <summary>The restored Grpc.Tools package (protoc, the C# gRPC plugin, the well-known types).</summary>
    public static string GrpcToolsPackage { get; } = Path.GetFullPath(Metadata("GrpcToolsPackage"));

    /// <summary>
    /// The <c>PackageReference</c> items of a project that compiles protos with plain Grpc.Tools, at these versions:
    /// Grpc.Tools (private), Google.Protobuf and Grpc.Core.Api, one per line.
    /// </summary>
    public static string GrpcPackageReferences => $"""
        <PackageReference Include="Grpc.Tools" Version="{GrpcVersion}" PrivateAssets="all" />
        <PackageReference Include="Google.Protobuf" Version="{GoogleProtobufVersion}" />
        <PackageReference Include="Grpc.Core.Api" Version="{GrpcVersion}" />
        """;

    private static string Metadata(string key) => BuildMetadata.Get(typeof(Repo).Assembly, "ProtoGen." + key);
}
