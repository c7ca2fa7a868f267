using System;
using System.IO;
using Microsoft.Build.Utilities;

namespace ProtoGen.Build.Diagnostics;

/// <summary>
/// File operations of the tasks whose failure (a full disk, a locked or read-only file, a folder where a file should
/// be) is a coded error at the file, PGB1010, instead of an exception MSBuild reports as MSB4018 with a stack trace.
/// </summary>
internal static class FileAccessGuard
{
    /// <summary>
    /// Runs <paramref name="action"/>; false after reporting PGB1010 at <paramref name="file"/> ("Could not
    /// <paramref name="what"/>: " and the failure, which names the file it failed on) when it fails on a file.
    /// </summary>
    public static bool TryFileAccess(this TaskLoggingHelper log, string what, string file, Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Report(new BuildDiagnostic(BuildDiagnostics.FileAccessFailed, $"Could not {what}: {e.Message}", file));
            return false;
        }
    }
}
