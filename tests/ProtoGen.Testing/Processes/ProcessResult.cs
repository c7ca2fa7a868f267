using System;
using System.Globalization;
using System.Linq;

namespace ProtoGen.Testing.Processes;

/// <summary>The outcome of one process run by <see cref="ChildProcess"/>.</summary>
/// <param name="CommandLine">What ran (<see cref="ProcessSpec.DisplayName"/>).</param>
/// <param name="WorkingDirectory">Where it ran.</param>
/// <param name="ExitCode">Its exit code; on Unix, 128 + the signal for a process a signal ended (137 when killed).</param>
/// <param name="Output">Standard output and error, interleaved as they arrived, with <c>\n</c> line endings.</param>
/// <param name="Duration">From start to exit.</param>
/// <param name="TimedOut">Whether it outlived its timeout and was killed with its whole process tree.</param>
public sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output, TimeSpan Duration, bool TimedOut)
{
    /// <summary>The number of output lines failure messages show at the most (the last ones).</summary>
    public const int TailLines = 200;

    /// <summary>Standard output alone (for a program whose standard output is data, such as <c>git rev-parse</c>).</summary>
    public string StandardOutput { get; init; } = string.Empty;

    /// <summary>Exited 0 within its timeout.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>Throws a <see cref="ProcessFailedException"/> with the command and its output unless it <see cref="Succeeded"/>.</summary>
    /// <returns>This result.</returns>
    public ProcessResult AssertSucceeded() =>
        Succeeded ? this : throw new ProcessFailedException(this, Describe(TimedOut ? "timed out" : "failed with exit code " + ExitCode.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Throws a <see cref="ProcessFailedException"/> if it timed out; any exit code is accepted.</summary>
    /// <returns>This result.</returns>
    public ProcessResult AssertExited() => TimedOut ? throw new ProcessFailedException(this, Describe("timed out")) : this;

    /// <summary>The last <paramref name="lines"/> lines of the output.</summary>
    /// <param name="lines">How many.</param>
    /// <returns>Those lines, joined with <c>\n</c>.</returns>
    public string Tail(int lines = TailLines)
    {
        string[] all = Output.TrimEnd('\n').Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    /// <summary>The command, where it ran, how long it took and its last output lines, for failure messages.</summary>
    /// <param name="what">What happened, e.g. <c>failed with exit code 1</c>.</param>
    /// <returns>The text.</returns>
    public string Describe(string what) => $"""
        `{CommandLine}` {what} after {Duration.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s
        in {WorkingDirectory}
        --- output (last {TailLines} lines) ---
        {Tail()}
        """;
}
