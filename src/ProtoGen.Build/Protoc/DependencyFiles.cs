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
}
