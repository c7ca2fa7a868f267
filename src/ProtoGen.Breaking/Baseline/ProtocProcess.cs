using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace ProtoGen.Breaking.Baseline;

/// <summary>One protoc run, its arguments in a response file; killed when <see cref="CancellationToken"/> fires.</summary>
internal static class ProtocProcess
{
    /// <summary>Runs protoc; returns its exit code and everything it printed, or null when it could not start (<paramref name="error"/> says why).</summary>
    public static (int ExitCode, string Output)? Run(string protocPath, IEnumerable<string> arguments, string responseFile, CancellationToken cancellation, out string error)
    {
        error = string.Empty;
        try
        {
            // protoc reads one argument per line, with no quoting.
            File.WriteAllText(responseFile, string.Join("\n", arguments.Select(a => a.Replace('\\', '/'))) + "\n", new UTF8Encoding(false));
            var start = new ProcessStartInfo(protocPath, "@\"" + responseFile + "\"")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            using var process = new Process { StartInfo = start };
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using (cancellation.Register(() => Kill(process)))
            {
                process.WaitForExit();
            }

            cancellation.ThrowIfCancellationRequested();
            return (process.ExitCode, output.ToString());
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            error = e.Message;
            return null;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
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
