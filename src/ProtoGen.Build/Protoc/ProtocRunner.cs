using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;

namespace ProtoGen.Build.Protoc;

/// <summary>How one protoc run ended.</summary>
internal enum ProtocOutcome
{
    /// <summary>protoc exited by itself; see <see cref="ProtocResult.ExitCode"/>.</summary>
    Exited,

    /// <summary>protoc ran longer than its timeout and was killed.</summary>
    TimedOut,

    /// <summary>The build was cancelled and protoc was killed.</summary>
    Cancelled,
}

/// <summary>The outcome of one protoc run: how it ended, its exit code (when it exited) and everything it printed.</summary>
internal sealed record ProtocResult(ProtocOutcome Outcome, int ExitCode, string Output)
{
    public bool Succeeded => Outcome == ProtocOutcome.Exited && ExitCode == 0;
}

/// <summary>
/// Runs protoc once over many files, its arguments in a response file so no command line grows too long. A run can be
/// cancelled, and is stopped after a timeout: protoc and whatever it started (its plugins) are killed.
/// </summary>
internal static class ProtocRunner
{
    /// <summary><c>Process.Kill(bool entireProcessTree)</c>, where the runtime has it (.NET Core 3.0 and later; MSBuild on .NET Framework has not).</summary>
    private static readonly MethodInfo? KillTree = typeof(Process).GetMethod("Kill", [typeof(bool)]);

    /// <summary>Runs protoc with its arguments in a response file, in a working directory.</summary>
    /// <param name="protocPath">protoc's full path.</param>
    /// <param name="arguments">protoc's arguments, written one per line to <paramref name="responseFile"/> and passed as <c>@responseFile</c>.</param>
    /// <param name="responseFile">The response file to write.</param>
    /// <param name="workingDirectory">Where protoc runs; relative paths in the arguments are resolved against it.</param>
    /// <param name="timeout">How long protoc may run; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="cancellation">Cancels the run (the build was cancelled).</param>
    /// <exception cref="System.ComponentModel.Win32Exception">protoc could not be started.</exception>
    public static ProtocResult Run(string protocPath, IEnumerable<string> arguments, string responseFile, string workingDirectory, TimeSpan timeout, CancellationToken cancellation)
    {
        // protoc reads one argument per line, with no quoting.
        File.WriteAllText(responseFile, string.Join("\n", arguments.Select(a => a.Replace('\\', '/'))) + "\n", new UTF8Encoding(false));

        var start = new ProcessStartInfo(protocPath, "@\"" + responseFile + "\"")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };

        using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        using var exited = new ManualResetEvent(false);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Exited += (_, _) => exited.Set();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        int signalled = WaitHandle.WaitAny([exited, cancellation.WaitHandle], timeout);
        if (signalled == 0 || process.HasExited)
        {
            process.WaitForExit(); // Drains the redirected output.
            return new ProtocResult(ProtocOutcome.Exited, process.ExitCode, Text(output));
        }

        Kill(process);
        return new ProtocResult(signalled == 1 ? ProtocOutcome.Cancelled : ProtocOutcome.TimedOut, -1, Text(output));
    }

    private static void Kill(Process process)
    {
        try
        {
            if (KillTree is not null)
            {
                KillTree.Invoke(process, [true]);
            }
            else
            {
                process.Kill();
            }

            process.WaitForExit(10_000);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or TargetInvocationException)
        {
            // It exited in between, or cannot be killed; nothing of its output is used.
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }
}
