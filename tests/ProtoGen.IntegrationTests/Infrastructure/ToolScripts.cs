using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace ProtoGen.IntegrationTests.Infrastructure;

/// <summary>
/// Shell scripts that stand in for protoc or the gRPC plugin through Grpc.Tools' overrides (<c>PROTOBUF_PROTOC</c>,
/// <c>GRPC_PROTOC_PLUGIN</c>): each does its one thing and then <c>exec</c>s the real tool with the same arguments,
/// standard input and output, so the build it serves behaves as with the real tool.
/// </summary>
internal static class ToolScripts
{
    /// <summary>
    /// A script that appends a line <c>run: &lt;arguments&gt;</c> to <paramref name="log"/> (and the contents of any
    /// <c>@response-file</c> argument, one argument a line), then runs <paramref name="tool"/>.
    /// </summary>
    /// <returns><paramref name="path"/>.</returns>
    public static string Recording(string path, string tool, string log) => Write(path, $$"""
        #!/bin/sh
        # Records that it ran and with what, then runs the real tool.
        {
          printf 'run:'
          printf ' %s' "$@"
          printf '\n'
          for argument in "$@"; do
            case "$argument" in
              @*) cat "${argument#@}"; printf '\n' ;;
            esac
          done
        } >> {{Quote(log)}}
        exec {{Quote(tool)}} "$@"
        """);

    /// <summary>
    /// A script that writes its process id to <paramref name="mark"/>, runs <c>sleep <paramref name="sleepArgument"/></c>,
    /// and only then runs <paramref name="tool"/>: a protoc that is still running when the build is cancelled or times out.
    /// </summary>
    /// <returns><paramref name="path"/>.</returns>
    public static string Slow(string path, string tool, string mark, string sleepArgument) => Write(path, $"""
        #!/bin/sh
        # Marks that it started, then takes long before it runs the real tool.
        echo $$ > {Quote(mark)}
        sleep {sleepArgument}
        exec {Quote(tool)} "$@"
        """);

    /// <summary>A <c>sleep</c> argument no other process on the machine has: 300 seconds and a unique fraction.</summary>
    public static string UniqueSleep() => "300." + Random.Shared.Next(100_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The ids of running processes whose command line is exactly <paramref name="arguments"/> (Linux' <c>/proc</c>).</summary>
    public static IReadOnlyList<int> ProcessesWithCommandLine(params string[] arguments)
    {
        string expected = string.Join('\0', arguments) + "\0";
        var found = new List<int>();
        foreach (string directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out int pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")) == expected)
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process exited while we looked.
            }
        }

        return found;
    }

    /// <summary>The runs a <see cref="Recording"/> script logged: each run's line and the response file lines after it.</summary>
    public static IReadOnlyList<string> Runs(string log) =>
        File.Exists(log) ? File.ReadAllLines(log).Where(l => l.StartsWith("run:", StringComparison.Ordinal)).ToList() : [];

    private static string Write(string path, string script)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The stand-in tools are shell scripts.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, script.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        return path;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
