// This file is compiled into both ProtoGen.Runtime and ProtoGen.Generators (linked), so the
// manifest reader and the runtime validate metadata exactly alike.
using System;

namespace ProtoGen.Runtime;

/// <summary>The rules ProtoGen applies to default metadata keys and values (see docs/client-wrappers.md).</summary>
internal static class MetadataRules
{
    /// <summary>The suffix of keys whose values are bytes.</summary>
    public const string BinarySuffix = "-bin";

    private static readonly string[] ReservedKeys =
    {
        // HTTP/2 connection-specific headers (RFC 9113, 8.2.2) and headers gRPC itself sets.
        "connection", "content-type", "host", "keep-alive", "proxy-connection", "te", "transfer-encoding", "upgrade",
    };

    /// <summary>Returns an error text when <paramref name="key"/> is not a valid default metadata key, else <see langword="null"/>.</summary>
    public static string? ValidateKey(string? key)
    {
        if (key is null || key.Length == 0)
        {
            return "the key is empty";
        }

        foreach (char c in key)
        {
            bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
            if (!ok)
            {
                return c >= 'A' && c <= 'Z'
                    ? "keys must be lowercase"
                    : "keys may contain only a-z, 0-9, '-', '_' and '.'";
            }
        }

        if (key.StartsWith("grpc-", StringComparison.Ordinal))
        {
            return "the 'grpc-' prefix is reserved for gRPC itself";
        }

        if (Array.IndexOf(ReservedKeys, key) >= 0)
        {
            return "the key is a reserved HTTP/2 or gRPC header";
        }

        if (key == BinarySuffix)
        {
            return "a binary key needs a name before '-bin'";
        }

        return null;
    }

    /// <summary>Whether <paramref name="key"/> names a binary (<c>-bin</c>) entry.</summary>
    public static bool IsBinaryKey(string key) => key.EndsWith(BinarySuffix, StringComparison.Ordinal);

    /// <summary>Returns an error text when <paramref name="value"/> is not a valid ASCII metadata value, else <see langword="null"/>.</summary>
    public static string? ValidateAsciiValue(string? value)
    {
        if (value is null)
        {
            return "the value is missing";
        }

        foreach (char c in value)
        {
            if (c < ' ' || c > '~')
            {
                return "ASCII values may contain only printable ASCII characters (0x20-0x7E)";
            }
        }

        return null;
    }
}
