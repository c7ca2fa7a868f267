using System;

namespace ProtoGen.Runtime;

/// <summary>Validation of default metadata keys and values.</summary>
public static class GrpcMetadataKeys
{
    /// <summary>
    /// Whether <paramref name="key"/> is a valid default metadata key: non-empty, only <c>a-z</c>,
    /// <c>0-9</c>, <c>-</c>, <c>_</c>, <c>.</c>, not starting with the reserved <c>grpc-</c> prefix and not
    /// a reserved HTTP/2 header (<c>content-type</c>, <c>te</c>, <c>host</c>, ...).
    /// </summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValidKey(string? key) => MetadataRules.ValidateKey(key) is null;

    /// <summary>Throws when <paramref name="key"/> is not valid (see <see cref="IsValidKey"/>).</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="ArgumentException">The key is not valid.</exception>
    public static void ValidateKey(string? key)
    {
        string? error = MetadataRules.ValidateKey(key);
        if (error is not null)
        {
            throw new ArgumentException($"Invalid metadata key '{key}': {error}.", nameof(key));
        }
    }

    /// <summary>Whether <paramref name="key"/> names a binary entry (ends with <c>-bin</c>).</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> for a binary key.</returns>
    public static bool IsBinaryKey(string key) => MetadataRules.IsBinaryKey(key ?? throw new ArgumentNullException(nameof(key)));

    /// <summary>Whether <paramref name="value"/> is a valid ASCII metadata value (printable ASCII, 0x20-0x7E).</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValidAsciiValue(string? value) => MetadataRules.ValidateAsciiValue(value) is null;
}
