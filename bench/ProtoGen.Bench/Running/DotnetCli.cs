using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace ProtoGen.Bench.Running;

/// <summary>The outcome of one <c>dotnet</c> command: exit code, wall time, peak memory, and where its output went.</summary>
internal sealed record CommandRun(int ExitCode, TimeSpan Elapsed, TimeSpan? CpuTime, double? LoadAverage, long? PeakBytes, long? PeakTreeBytes, string OutputLog)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The last lines of the output, for an error message.</summary>
    public string Tail(int lines = 40) =>
        string.Join('\n', File.ReadLines(OutputLog).TakeLast(lines));
}

/// <summary>
/// Runs <c>dotnet restore</c> and <c>dotnet build</c> the same way for both variants: no MSBuild node reuse and no
/// MSBuild server (every build starts fresh nodes, as in CI, and its workers are children of the process measured),
/// the compiler server on or off as asked (<c>-p:UseSharedCompilation</c>, whatever the environment says), a binary
/// log and the compiler's analyzer report when asked, and a timeout after which the whole process tree is killed.
/// </summary>
internal sealed class DotnetCli(TimeSpan timeout, bool compilerServer)
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The compiler servers (VBCSCompiler) the builds started; they idle on after the build.</summary>
    public HashSet<int> StartedCompilerServers { get; } = [];

    public CommandRun Restore(string projectFile, string outputLog) =>
        Run(["restore", projectFile, "-nologo", "-nodeReuse:false", "-tl:off", "-v:m"], outputLog);

    /// <summary>
    /// <c>dotnet build --no-restore</c>; with a binary log path, instrumented: the binary log and <c>ReportAnalyzer</c>
    /// (per-generator times).
    /// </summary>
    public CommandRun Build(string projectFile, string? binlog, string outputLog) =>
        Run(
            [
                "build", projectFile, "--no-restore", "-nologo", "-nodeReuse:false", "-tl:off", "-v:m", "-clp:NoSummary",
                "-p:UseSharedCompilation=" + (compilerServer ? "true" : "false"),
                .. binlog is null ? (string[])[] : ["-bl:" + binlog, "-p:ReportAnalyzer=true"],
            ],
            outputLog);

    private CommandRun Run(IEnumerable<string> arguments, string outputLog)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(outputLog)!);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var log = new StreamWriter(outputLog, append: false, new UTF8Encoding(false));
        bool closed = false;
        void Append(string? line)
        {
            lock (log)
            {
                if (line is not null && !closed)
                {
                    log.WriteLine(line);
                }
            }
        }

        double? load = ChildCpuTime.LoadAverage();
        TimeSpan? cpuBefore = ChildCpuTime.Now();
        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(start)!;
        using var sampler = new ProcessTreeSampler(process.Id, SampleInterval);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // WaitForExit(timeout) returns when the process exits; a compiler server it started may hold the output pipes open.
        bool exited = process.WaitForExit(timeout);
        clock.Stop();
        sampler.Stop();
        StartedCompilerServers.UnionWith(sampler.StartedCompilerServers);
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(30));
        }

        using (var drained = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                process.WaitForExitAsync(drained.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // The output of a lingering child is not needed.
            }
        }

        lock (log)
        {
            if (!exited)
            {
                log.WriteLine($"ProtoGen.Bench: killed after {timeout.TotalMinutes} minutes.");
            }

            log.Flush();
            closed = true;
        }

        TimeSpan? cpu = ChildCpuTime.Now() - cpuBefore;
        return new CommandRun(exited ? process.ExitCode : -1, clock.Elapsed, cpu, load, sampler.PeakBytes, sampler.PeakTreeBytes, outputLog);
    }
}
