using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using Xunit.Sdk;

namespace ProtoGen.Package.Tests.Infrastructure;

/// <summary>The outcome of one <c>dotnet</c> process.</summary>
internal sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output, TimeSpan Duration, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>Throws with the command and its output unless the process exited 0.</summary>
    public ProcessResult AssertSucceeded()
    {
        if (!Succeeded)
        {
            throw new XunitException(Describe(TimedOut ? "timed out" : "failed with exit code " + ExitCode.ToString(CultureInfo.InvariantCulture)));
        }

        return this;
    }

    /// <summary>The command, where it ran and its output, for failure messages.</summary>
    public string Describe(string what)
    {
        string[] lines = Output.Split('\n');
        string tail = string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 200)));
        return $"""
            `{CommandLine}` {what} after {Duration.TotalSeconds:F1} s
            in {WorkingDirectory}
            --- output (last 200 lines) ---
            {tail}
            """;
    }
}

/// <summary>
/// Runs the <c>dotnet</c> CLI as a user would, in a clean environment: no MSBuild variables inherited from the
/// test host, no node reuse (nothing left running), and the whole process tree killed on timeout.
/// </summary>
internal static class DotNet
{
    /// <summary>The longest a build may take before it is killed.</summary>
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    public static ProcessResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // `dotnet test` runs the tests inside MSBuild's environment; a child build must find its own SDK.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        string commandLine = "dotnet " + string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? "\"" + a + "\"" : a));
        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + commandLine);
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        bool exited = process.WaitForExit(timeout);
        if (!exited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited in between.
            }

            process.WaitForExit(TimeSpan.FromSeconds(30));
        }
        else
        {
            // Drains the redirected output.
            process.WaitForExit();
        }

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        return new ProcessResult(commandLine, workingDirectory, exited ? process.ExitCode : -1, text, stopwatch.Elapsed, !exited);
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
