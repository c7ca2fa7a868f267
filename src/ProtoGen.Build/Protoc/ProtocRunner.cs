using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace ProtoGen.Build.Protoc;

/// <summary>The outcome of one protoc run.</summary>
internal sealed record ProtocResult(int ExitCode, string Output);

/// <summary>Runs protoc once over many files, its arguments in a response file so no command line grows too long.</summary>
internal static class ProtocRunner
{
    /// <summary>
    /// Runs <paramref name="protocPath"/> with <paramref name="arguments"/>, written one per line to
    /// <paramref name="responseFile"/> and passed as <c>@responseFile</c>.
    /// </summary>
    public static ProtocResult Run(string protocPath, IEnumerable<string> arguments, string responseFile, string workingDirectory)
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

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return new ProtocResult(process.ExitCode, output.ToString());
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
