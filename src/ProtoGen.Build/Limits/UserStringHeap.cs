using System.Collections.Generic;
using System.IO;

namespace ProtoGen.Build.Limits;

/// <summary>What one generated C# file puts in its assembly's user-string heap.</summary>
/// <param name="Source">The proto it was generated from (its <c>// source:</c> line), or "" when it has none.</param>
/// <param name="DescriptorBytes">The bytes of the string literals that hold its descriptor, as the heap stores them; 0 for a file without one (a gRPC file).</param>
internal sealed record GeneratedFileStrings(string Source, long DescriptorBytes);

/// <summary>
/// The CLR's user-string heap (<c>#US</c>), where every distinct string literal of an assembly lives, and what protoc's
/// C# code puts in it. ECMA-335 II.24.2.4: each literal is its UTF-16 characters, a terminal byte, and a compressed
/// length before them; the heap is addressed by 24-bit offsets, so a literal that would start at 2^24 or later cannot
/// be written, and the C# compiler reports CS8103 for each such literal.
/// </summary>
/// <remarks>
/// protoc's C# generator writes every file's serialized descriptor as base64 in literals of 60 characters (122 bytes on
/// the heap for 45 descriptor bytes), concatenated at run time. That is nearly all of a generated assembly's literals:
/// on googleapis' google/cloud/aiplatform/v1 the rest (field names, service and method names, once each per assembly)
/// is 8 % of it, about what descriptor literals shared between files (identical runs of options at the same offset)
/// save. docs/googleapis.md has the measurements.
/// </remarks>
internal static class UserStringHeap
{
    /// <summary>The heap's size limit: 2^24 bytes (16 MB).</summary>
    public const long Limit = 1L << 24;

    /// <summary>The base64 characters of one descriptor literal, as protoc's C# generator splits them.</summary>
    public const int CharsPerLiteral = 60;

    /// <summary>What one literal of <paramref name="chars"/> UTF-16 characters takes on the heap.</summary>
    public static long BytesOf(int chars)
    {
        long blob = (2L * chars) + 1;
        return CompressedLength(blob) + blob;
    }

    /// <summary>What the descriptor of a file, <paramref name="serializedBytes"/> long, takes on the heap as protoc's C# writes it.</summary>
    public static long OfDescriptor(long serializedBytes)
    {
        long chars = 4 * ((serializedBytes + 2) / 3);
        long full = chars / CharsPerLiteral;
        int rest = (int)(chars % CharsPerLiteral);
        return (full * BytesOf(CharsPerLiteral)) + (rest > 0 ? BytesOf(rest) : 0);
    }

    /// <summary>
    /// Reads what a generated C# file puts on the heap for its descriptor: the literals of its
    /// <c>FromBase64String(string.Concat(…))</c>, each distinct one once. Reads only up to the end of that block, which
    /// protoc writes before any message; a file without one within its first 200 lines (a gRPC file) has none.
    /// </summary>
    public static GeneratedFileStrings Scan(TextReader reader)
    {
        const string SourceMarker = "//     source: ";
        string source = string.Empty;
        var literals = new HashSet<string>(System.StringComparer.Ordinal);
        long bytes = 0;
        bool inDescriptor = false;
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (lineNumber <= 5 && line.StartsWith(SourceMarker, System.StringComparison.Ordinal))
            {
                source = line.Substring(SourceMarker.Length).Trim();
            }

            if (!inDescriptor)
            {
                int start = line.IndexOf("FromBase64String(", System.StringComparison.Ordinal);
                if (start < 0)
                {
                    if (lineNumber >= 200)
                    {
                        break;
                    }

                    continue;
                }

                inDescriptor = true;
                line = line.Substring(start);
            }

            foreach (string literal in Literals(line))
            {
                if (literals.Add(literal))
                {
                    bytes += BytesOf(literal.Length);
                }
            }

            if (line.TrimEnd().EndsWith("));", System.StringComparison.Ordinal))
            {
                break;
            }
        }

        return new GeneratedFileStrings(source, bytes);
    }

    /// <summary>The regular string literals of a line of generated code (base64 needs no escapes; an escaped quote is skipped over).</summary>
    private static IEnumerable<string> Literals(string line)
    {
        int i = 0;
        while ((i = line.IndexOf('"', i)) >= 0)
        {
            int end = i + 1;
            while (end < line.Length && line[end] != '"')
            {
                end += line[end] == '\\' ? 2 : 1;
            }

            if (end >= line.Length)
            {
                yield break;
            }

            yield return line.Substring(i + 1, end - i - 1);
            i = end + 1;
        }
    }

    /// <summary>ECMA-335 II.23.2's compressed unsigned integer: 1, 2 or 4 bytes.</summary>
    private static int CompressedLength(long value) => value < 0x80 ? 1 : value < 0x4000 ? 2 : 4;
}
