using System;
using System.IO;
using System.Linq;

namespace ProtoGen.Bench.Layouts;

/// <summary>
/// A real corpus: the protos shipped in the Google.Api.CommonProtos package (<c>google/api</c>, <c>google/rpc</c>,
/// <c>google/type</c>) and the official gRPC protos in the repository's <c>protos/grpc</c>.
/// </summary>
/// <remarks>
/// The ProtoGen project lays them out as a company vendors them: each of <c>google/&lt;x&gt;</c> in its own folder
/// under <c>third_party/googleapis/&lt;x&gt;</c> mapped with <c>ImportPrefix="google/&lt;x&gt;"</c>, the gRPC protos under
/// <c>third_party/grpc-protos</c> mapped with <c>ImportPrefix="grpc"</c>, and one namespace rule.
/// </remarks>
internal static class CorpusLayout
{
    public static ProtoLayout Create(string commonProtosPackage, string commonProtosVersion, string grpcProtos)
    {
        string google = Path.Combine(commonProtosPackage, "content", "protos", "google");
        if (!Directory.Exists(google))
        {
            throw new InvalidOperationException($"The Google.Api.CommonProtos protos are not at '{google}': restore the bench project.");
        }

        var roots = Directory.EnumerateDirectories(google)
            .Order(StringComparer.Ordinal)
            .Select(dir => Read(dir, "google/" + Path.GetFileName(dir), "third_party/googleapis/" + Path.GetFileName(dir)))
            .Append(Read(grpcProtos, "grpc", "third_party/grpc-protos"))
            .Where(root => root.Files.Count > 0)
            .ToList();
        var layout = new ProtoLayout(
            "corpus",
            $"Google.Api.CommonProtos {commonProtosVersion} (google/api, google/rpc, google/type) + the gRPC protos of protos/grpc",
            roots,
            [new NamespaceRule("grpc/testing", "Contoso.Grpc.Testing")],
            ProtoLayout.FindLeaf(roots));
        return layout;
    }

    private static ProtoRoot Read(string directory, string importPrefix, string folder) =>
        new(
            importPrefix,
            folder,
            [.. Directory.EnumerateFiles(directory, "*.proto", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(path => new ProtoFile(Path.GetRelativePath(directory, path).Replace('\\', '/'), File.ReadAllText(path)))]);
}
