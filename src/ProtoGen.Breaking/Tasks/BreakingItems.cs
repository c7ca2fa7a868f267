using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using ProtoGen.Breaking.Engine;
using ProtoGen.Build.Tasks;

namespace ProtoGen.Breaking.Tasks;

/// <summary>Turns the tasks' items and list properties into the engine's plain values.</summary>
internal static class BreakingItems
{
    /// <summary>
    /// A proto item as the check sees it: its logical path from <c>ProtoGenLogicalPath</c>, else its path under
    /// <c>ProtoRoot</c> (relative to the project that defines the item, else to <paramref name="projectDirectory"/>),
    /// else its path as given; its full path from MSBuild's <c>FullPath</c>; reported as its item spec; the namespace
    /// staging gives it from <c>ProtoGenNamespace</c> and <c>ProtoGenNamespaceOverride</c>.
    /// </summary>
    public static CurrentProto Proto(ITaskItem item, string projectDirectory)
    {
        string full = item.GetMetadata(MetadataNames.FullPath);
        if (full.Length == 0)
        {
            full = Path.GetFullPath(item.ItemSpec);
        }

        string logical = item.GetMetadata(MetadataNames.LogicalPath);
        if (logical.Length == 0 && item.GetMetadata(MetadataNames.GrpcTools.ProtoRoot) is { Length: > 0 } root)
        {
            string definedIn = item.GetMetadata(MetadataNames.DefiningProjectDirectory) is { Length: > 0 } defining ? defining : projectDirectory;
            string rootFull = Path.GetFullPath(Path.Combine(definedIn, root));
            logical = Relative(rootFull, full) ?? string.Empty;
        }

        if (logical.Length == 0)
        {
            logical = item.ItemSpec;
        }

        string mapped = item.GetMetadata(MetadataNames.StagedNamespace);
        bool overrides = string.Equals(item.GetMetadata(MetadataNames.StagedNamespaceOverride), "true", StringComparison.OrdinalIgnoreCase);
        return new CurrentProto(logical.Replace('\\', '/'), full, item.ItemSpec, mapped.Length > 0 ? mapped : null, overrides);
    }

    /// <summary>A ';' (or <paramref name="separators"/>) list property as its non-empty, trimmed entries; null when it is not set.</summary>
    public static IReadOnlyList<string>? List(string? value, params char[] separators) =>
        string.IsNullOrWhiteSpace(value) ? null : [.. value!.Split(separators.Length == 0 ? [';', ','] : separators, StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim()).Where(v => v.Length > 0)];

    private static string? Relative(string root, string full)
    {
        string prefix = root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full.Substring(prefix.Length) : null;
    }
}
