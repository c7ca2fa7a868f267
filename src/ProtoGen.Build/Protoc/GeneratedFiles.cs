using System;
using System.IO;
using System.Linq;

namespace ProtoGen.Build.Protoc;

/// <summary>
/// The C# files a protoc run wrote, by the proto each comes from: protoc's C# generator and the gRPC plugin both open
/// every file with a comment that names its proto by logical path (<c>//     source: acme/v1/ledger.proto</c>).
/// </summary>
internal static class GeneratedFiles
{
    private const string SourceMarker = "//     source: ";

    /// <summary>Every <c>.cs</c> file under <paramref name="directory"/>, looked up by the logical path of its proto.</summary>
    public static ILookup<string, string> BySource(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(file => (File: file, Source: SourceOf(file)))
            .Where(f => f.Source is not null)
            .ToLookup(f => f.Source!, f => f.File, StringComparer.Ordinal);

    /// <summary>
    /// The file of <paramref name="produced"/> (one proto's outputs) that Grpc.Tools predicted as
    /// <paramref name="predictedName"/>: the one of that name; else the one whose name differs only in punctuation and
    /// case. Grpc.Tools predicts the gRPC file of <c>hello.world.proto</c> as <c>Hello.worldGrpc.cs</c>, as the gRPC
    /// plugin names it in one folder, but writing into namespace folders the plugin names it <c>HelloWorldGrpc.cs</c>.
    /// </summary>
    public static string? Match(string[] produced, string predictedName) =>
        produced.FirstOrDefault(p => IO.FileSystemCase.Comparer.Equals(Path.GetFileName(p), predictedName))
        ?? produced.FirstOrDefault(p => Letters(Path.GetFileName(p)) == Letters(predictedName));

    private static string Letters(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>The logical path in the file's opening comment, or null when it has none in its first lines.</summary>
    private static string? SourceOf(string file)
    {
        using var reader = new StreamReader(file);
        for (int i = 0; i < 8 && reader.ReadLine() is { } line; i++)
        {
            if (line.StartsWith(SourceMarker, StringComparison.Ordinal))
            {
                return line.Substring(SourceMarker.Length).Trim();
            }
        }

        return null;
    }
}
