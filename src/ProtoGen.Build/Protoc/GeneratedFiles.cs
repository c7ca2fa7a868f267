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
