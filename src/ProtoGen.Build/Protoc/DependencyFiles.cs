using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace ProtoGen.Build.Protoc;

/// <summary>
/// Writes the per-proto dependency files (<c>*.protodep</c>) that Grpc.Tools reads to decide which protos are
/// out of date, in the shape protoc's <c>--dependency_out</c> writes them and under the name Grpc.Tools looks
/// for: the first 16 hex digits of the SHA-1 of the proto's directory, an underscore, and the file name.
/// </summary>
internal static class DependencyFiles
{
    /// <summary>The dependency file Grpc.Tools reads for <paramref name="proto"/> (the item's Source) in <paramref name="directory"/>.</summary>
    public static string PathFor(string directory, string proto)
    {
        string folder = Path.GetDirectoryName(proto) ?? string.Empty;
        if (IO.FileSystemCase.IsInsensitive)
        {
            folder = folder.ToLowerInvariant();
        }

        // Not security: the name must match the one Grpc.Tools derives with SHA-1.
#pragma warning disable CA5350
        using var sha1 = SHA1.Create();
#pragma warning restore CA5350
        byte[] hash = sha1.ComputeHash(Encoding.UTF8.GetBytes(folder));
        var hex = new StringBuilder(16);
        for (int i = 0; i < 8; i++)
        {
            hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return Path.Combine(directory, hex + "_" + Path.GetFileNameWithoutExtension(proto) + ".protodep");
    }

    /// <summary>The text of a dependency file: the outputs, a ':', then one input per line.</summary>
    public static string Format(IReadOnlyList<string> outputs, IReadOnlyList<string> inputs)
    {
        var text = new StringBuilder();
        for (int i = 0; i < outputs.Count; i++)
        {
            text.Append(outputs[i]);
            text.Append(i == outputs.Count - 1 ? ":" : " \\\n");
        }

        for (int i = 0; i < inputs.Count; i++)
        {
            text.Append(' ').Append(inputs[i]);
            text.Append(i == inputs.Count - 1 ? "\n" : "\\\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// The inputs listed in a dependency file (protoc's or <see cref="Format"/>'s): one file per line after the
    /// line with the ':' that ends the outputs, which also holds the first input. Each line's continuation
    /// backslash and surrounding white space are dropped, so names may contain spaces. Null when the file cannot
    /// be read or has no separator.
    /// </summary>
    public static IReadOnlyList<string>? ReadInputs(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var inputs = new List<string>();
        bool inInputs = false;
        foreach (string line in lines)
        {
            int start = 0;
            if (!inInputs)
            {
                int separator = Separator(line);
                if (separator < 0)
                {
                    continue;
                }

                inInputs = true;
                start = separator + 1;
            }

            string name = Trim(line, start);
            if (name.Length > 0)
            {
                inputs.Add(name);
            }
        }

        return inInputs ? inputs : null;
    }

    /// <summary>The ':' after the last output, skipping a drive letter's (<c>C:\</c>) at the start of a name.</summary>
    private static int Separator(string line)
    {
        int colon = line.IndexOf(':');
        while (colon > 0 && colon + 1 < line.Length && (line[colon + 1] == '\\' || line[colon + 1] == '/')
            && char.IsLetter(line[colon - 1]) && (colon == 1 || char.IsWhiteSpace(line[colon - 2])))
        {
            colon = line.IndexOf(':', colon + 1);
        }

        return colon;
    }

    private static string Trim(string line, int start)
    {
        int end = line.Length;
        if (end > start && line[end - 1] == '\\')
        {
            end--;
        }

        return line.Substring(start, end - start).Trim();
    }
}
