using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;

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
/// Runs <c>dotnet restore</c> and <c>dotnet build</c> the same way for both variants, through ProtoGen.Testing's
/// <see cref="DotNet"/> runner (no inherited MSBuild variables, no node reuse and no MSBuild server: every build
/// starts fresh nodes, as in CI, and its workers are children of the process measured; the whole process tree killed
/// after the timeout), with the compiler server on or off as asked (<c>-p:UseSharedCompilation</c>, whatever the
/// environment says), a binary log and the compiler's analyzer report when asked. Around each run it takes what the
/// bench measures: the CPU time of the process tree, the load and the peak memory.
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
    /// <param name="projectFile">The project.</param>
    /// <param name="binlog">Where the binary log goes, or null for a build without one.</param>
    /// <param name="outputLog">Where the build's output goes.</param>
    /// <param name="designTime">True for the IDE's design-time build: <c>-t:Compile;CoreCompile</c> with <c>DesignTimeBuild</c>,
    /// <c>SkipCompilerExecution</c> and <c>ProvideCommandLineArgs</c>, as Visual Studio and C# Dev Kit run it.</param>
    public CommandRun Build(string projectFile, string? binlog, string outputLog, bool designTime = false) =>
        Run(
            [
                "build", projectFile, "--no-restore", "-nologo", "-nodeReuse:false", "-tl:off", "-v:m", "-clp:NoSummary",
                "-p:UseSharedCompilation=" + (compilerServer ? "true" : "false"),
                .. binlog is null ? (string[])[] : ["-bl:" + binlog, "-p:ReportAnalyzer=true"],
                .. designTime ? (string[])["-t:Compile;CoreCompile", "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true"] : [],
            ],
            outputLog);

    private CommandRun Run(IEnumerable<string> arguments, string outputLog)
    {
        ProcessSpec command = DotNet.Command(Repo.Root, arguments) with { OutputLog = outputLog };
        double? load = ChildCpuTime.LoadAverage();
        TimeSpan? cpuBefore = ChildCpuTime.Now();
        using ChildProcess process = ChildProcess.Start(command);
        using var sampler = new ProcessTreeSampler(process.Id, SampleInterval);

        // Returns once the process has exited: a compiler server it started may hold the output pipes open for minutes,
        // so its output is waited for only briefly (ChildProcess.DrainTimeout).
        ProcessResult result = process.WaitForExit(timeout);
        sampler.Stop();
        StartedCompilerServers.UnionWith(sampler.StartedCompilerServers);
        TimeSpan? cpu = ChildCpuTime.Now() - cpuBefore;
        return new CommandRun(result.TimedOut ? -1 : result.ExitCode, result.Duration, cpu, load, sampler.PeakBytes, sampler.PeakTreeBytes, outputLog);
    }
}
