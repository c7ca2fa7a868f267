using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

namespace ProtoGen.Bench.Running;

/// <summary>
/// CPU time (user + system) of this process's waited-for children and their waited-for descendants
/// (<c>getrusage(RUSAGE_CHILDREN)</c>): taken before and after one build, the difference is the CPU the build's
/// processes used — <c>dotnet build</c>, its nodes, protoc, csc — much less sensitive than wall time to other work
/// on the machine. Null where the call does not exist.
/// </summary>
internal static partial class ChildCpuTime
{
    private const int RusageChildren = -1;

    public static TimeSpan? Now()
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) || GetRusage(RusageChildren, out Rusage usage) != 0)
        {
            return null;
        }

        long microseconds = (usage.UserSeconds + usage.SystemSeconds) * 1_000_000 + usage.UserMicroseconds + usage.SystemMicroseconds;
        return TimeSpan.FromMicroseconds(microseconds);
    }

    /// <summary>The 1-minute load average (<c>/proc/loadavg</c>): how busy the machine was with other work too.</summary>
    public static double? LoadAverage()
    {
        try
        {
            string[] fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double load) ? load : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, out Rusage usage);

    /// <summary><c>struct rusage</c> on 64-bit Linux and macOS: two <c>timeval</c>s, then 14 longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        private readonly long _maxrss, _ixrss, _idrss, _isrss, _minflt, _majflt, _nswap, _inblock, _oublock, _msgsnd, _msgrcv, _nsignals, _nvcsw, _nivcsw;
    }
}
