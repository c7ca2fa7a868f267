using System;
using System.IO;

namespace ProtoGen.Build.Mapping;

/// <summary>Rules for protoc's logical (virtual) paths: '/'-separated, relative, canonical.</summary>
internal static class LogicalPaths
{
    /// <summary>
    /// Normalises a logical prefix (drops one trailing '/'). Returns null and sets <paramref name="reason"/>
    /// when protoc would reject the prefix in <c>-Iprefix=dir</c>.
    /// </summary>
    public static string? NormalizePrefix(string prefix, out string? reason)
    {
        reason = null;
        string p = prefix.Trim();
        if (p.EndsWith("/", StringComparison.Ordinal))
        {
            p = p.Substring(0, p.Length - 1);
        }

        if (p.Length == 0)
        {
            reason = "it is empty";
        }
        else if (p.IndexOf('\\') >= 0)
        {
            reason = "it contains a backslash; logical paths use '/'";
        }
        else if (p.StartsWith("/", StringComparison.Ordinal) || (p.Length >= 2 && p[1] == ':'))
        {
            reason = "it is absolute; a logical prefix is relative";
        }
        else
        {
            foreach (string segment in p.Split('/'))
            {
                if (segment.Length == 0)
                {
                    reason = "it has an empty segment ('//')";
                    break;
                }

                if (segment is "." or "..")
                {
                    reason = $"it has a '{segment}' segment; protoc accepts only canonical paths";
                    break;
                }
            }
        }

        return reason is null ? p : null;
    }

    /// <summary>Joins a prefix (may be empty) and a relative path with '/'.</summary>
    public static string Combine(string prefix, string relative) =>
        prefix.Length == 0 ? relative : relative.Length == 0 ? prefix : prefix + "/" + relative;

    /// <summary>The directory part of a logical path ("" for a file at the top).</summary>
    public static string DirectoryOf(string logicalPath)
    {
        int slash = logicalPath.LastIndexOf('/');
        return slash < 0 ? string.Empty : logicalPath.Substring(0, slash);
    }

    /// <summary>True when <paramref name="prefix"/> is <paramref name="path"/> or a whole-segment ancestor of it.</summary>
    public static bool IsUnder(string path, string prefix) =>
        path.Length == prefix.Length
            ? string.Equals(path, prefix, StringComparison.Ordinal)
            : path.Length > prefix.Length && path[prefix.Length] == '/' && path.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>
    /// The '/'-separated path of <paramref name="fullPath"/> relative to the directory <paramref name="root"/>,
    /// or null when the file is not under it. Both must be full paths.
    /// </summary>
    public static string? RelativeTo(string root, string fullPath)
    {
        string r = Path.GetFullPath(root).Replace('\\', '/').TrimEnd('/') + "/";
        string f = Path.GetFullPath(fullPath).Replace('\\', '/');
        return f.StartsWith(r, IO.FileSystemCase.Comparison) ? f.Substring(r.Length) : null;
    }
}
