using System;
using System.IO;

namespace ProtoGen.Build.IO;

/// <summary>How file names compare here: without case on Windows, as Grpc.Tools assumes; exactly elsewhere.</summary>
internal static class FileSystemCase
{
    /// <summary>True where file names are compared without case.</summary>
    public static bool IsInsensitive { get; } = Path.DirectorySeparatorChar == '\\';

    /// <summary>The comparison for file paths and names.</summary>
    public static StringComparison Comparison => IsInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The comparer for file paths and names.</summary>
    public static StringComparer Comparer => IsInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}
