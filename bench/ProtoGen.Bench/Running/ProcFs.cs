using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace ProtoGen.Bench.Running;

/// <summary>What <c>/proc</c> says about processes (Linux); empty answers where there is no <c>/proc</c>.</summary>
internal static class ProcFs
{
    public static bool Supported { get; } = Directory.Exists("/proc/self");

    /// <summary>Every process id with its parent's.</summary>
    public static Dictionary<int, int> Parents()
    {
        var parents = new Dictionary<int, int>();
        if (!Supported)
        {
            return parents;
        }

        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && ParentOf(pid) is int parent)
            {
                parents[pid] = parent;
            }
        }

        return parents;
    }

    public static bool IsCompilerServer(int pid) =>
        Read($"/proc/{pid}/cmdline") is { } commandLine && commandLine.Contains("VBCSCompiler", StringComparison.Ordinal);

    /// <summary>The parent process id, from <c>/proc/PID/stat</c> (the field after the state, which follows the command name in parentheses).</summary>
    public static int? ParentOf(int pid)
    {
        string? stat = Read($"/proc/{pid}/stat");
        int end = stat?.LastIndexOf(')') ?? -1;
        if (stat is null || end < 0)
        {
            return null;
        }

        string[] fields = stat[(end + 2)..].Split(' ');
        return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int parent) ? parent : null;
    }

    /// <summary>Resident memory in bytes, from <c>/proc/PID/statm</c> (the second field, in pages); 0 for a process gone.</summary>
    public static long Rss(int pid)
    {
        string[]? fields = Read($"/proc/{pid}/statm")?.Split(' ');
        return fields is { Length: > 1 } && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out long pages)
            ? pages * Environment.SystemPageSize
            : 0;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;    // the process exited between listing and reading
        }
    }
}
