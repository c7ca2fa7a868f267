using System;
using System.Collections.Generic;
using Grpc.Core;

namespace ProtoGen.Runtime;

/// <summary>Merging of default metadata with per-call metadata.</summary>
public static class GrpcMetadataMerge
{
    /// <summary>
    /// Merges <paramref name="defaults"/> with <paramref name="perCall"/>: every key present in
    /// <paramref name="perCall"/> replaces all default entries of that key; the default entries come first.
    /// Neither input is modified.
    /// </summary>
    /// <param name="defaults">The default entries, or <see langword="null"/>.</param>
    /// <param name="perCall">The per-call entries, or <see langword="null"/>.</param>
    /// <returns>
    /// <paramref name="perCall"/> itself when there are no defaults; otherwise a new <see cref="Metadata"/>
    /// (<see langword="null"/> when both are <see langword="null"/>).
    /// </returns>
    public static Metadata? Merge(Metadata? defaults, Metadata? perCall)
    {
        if (defaults is null || defaults.Count == 0)
        {
            return perCall;
        }

        var result = new Metadata();
        HashSet<string>? overridden = null;
        if (perCall is not null && perCall.Count > 0)
        {
            overridden = new HashSet<string>(StringComparer.Ordinal);
            foreach (Metadata.Entry entry in perCall)
            {
                overridden.Add(entry.Key);
            }
        }

        foreach (Metadata.Entry entry in defaults)
        {
            if (overridden is null || !overridden.Contains(entry.Key))
            {
                result.Add(entry);
            }
        }

        if (perCall is not null)
        {
            foreach (Metadata.Entry entry in perCall)
            {
                result.Add(entry);
            }
        }

        return result;
    }
}
