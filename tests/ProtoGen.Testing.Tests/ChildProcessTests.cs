using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Testing.Tests;

/// <summary>The shared process runner: output, exit codes, timeouts that kill the whole tree, SIGINT, cancellation.</summary>
public sealed class ChildProcessTests : IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Run_collects_both_streams_and_the_exit_code()
    {
        ProcessResult result = ChildProcess.Run(Shell("echo out; echo err >&2; exit 3") with { WorkingDirectory = temp.Path }, Long);

        Assert.Equal(3, result.ExitCode);
        Assert.False(result.TimedOut);
        Assert.False(result.Succeeded);
        Assert.Equal(temp.Path, result.WorkingDirectory);
        Assert.Contains("out\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("err\n", result.Output, StringComparison.Ordinal);
        Assert.Equal("out\n", result.StandardOutput);
        ProcessFailedException failure = Assert.Throws<ProcessFailedException>(() => result.AssertSucceeded());
        Assert.Contains("failed with exit code 3", failure.Message, StringComparison.Ordinal);
        Assert.Same(result, failure.Result);
    }

    [Fact]
    public void Environment_changes_set_and_remove_variables_in_order()
    {
        ProcessSpec spec = Shell("echo \"A=$PROTOGEN_A HOME=${HOME-unset}\"")
            .WithEnvironment("PROTOGEN_A", "first")
            .WithEnvironment("PROTOGEN_A", "second")
            .WithEnvironment("HOME", null);

        ProcessResult result = ChildProcess.Run(spec, Long).AssertSucceeded();

        Assert.Equal("A=second HOME=unset\n", result.Output);
    }

    [Fact]
    public void Output_log_receives_the_output_as_it_arrives()
    {
        string log = temp["logs/run.log"];

        ProcessResult result = ChildProcess.Run(Shell("echo one; echo two") with { OutputLog = log }, Long).AssertSucceeded();

        Assert.Equal("one\ntwo\n", result.Output);
        Assert.Equal("one\ntwo\n", File.ReadAllText(log));
    }

    [Fact]
    public async Task Timeout_kills_the_whole_process_tree()
    {
        // The shell starts a grandchild and prints its id; both must be gone after the timeout.
        using ChildProcess process = ChildProcess.Start(Shell("sleep 300 & echo \"child $!\"; wait"));
        Match child = await process.WaitForOutputAsync(new Regex(@"child (?<pid>\d+)"), Long);

        ProcessResult result = await process.WaitForExitAsync(TimeSpan.FromSeconds(1));

        Assert.True(result.TimedOut, result.Output);
        Assert.False(result.Succeeded);
        Assert.True(result.Duration < Long, $"took {result.Duration}");
        Assert.EndsWith("ProtoGen.Testing: killed after 1 s.\n", result.Output, StringComparison.Ordinal);
        TestSupport.AssertProcessEnds(int.Parse(child.Groups["pid"].Value, CultureInfo.InvariantCulture));
        Assert.Contains("timed out", Assert.Throws<ProcessFailedException>(() => result.AssertExited()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interrupt_sends_SIGINT()
    {
        using ChildProcess process = ChildProcess.Start(Shell("trap 'echo interrupted; exit 7' INT; echo ready; while :; do sleep 0.1; done"));
        await process.WaitForOutputAsync(new Regex("^ready$", RegexOptions.Multiline), Long);

        process.Interrupt();
        ProcessResult result = await process.WaitForExitAsync(Long);

        Assert.False(result.TimedOut, result.Output);
        Assert.Equal(7, result.ExitCode);
        Assert.Equal("ready\ninterrupted\n", result.Output);
    }

    [Fact]
    public async Task Cancellation_kills_the_process_and_throws()
    {
        using ChildProcess process = ChildProcess.Start(Shell("echo started; sleep 300"));
        await process.WaitForOutputAsync(new Regex("started"), Long);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => process.WaitForExitAsync(Long, cancel.Token));

        Assert.True(process.HasExited);
    }

    [Fact]
    public async Task Waiting_for_output_fails_when_the_process_exits_without_it()
    {
        using ChildProcess process = ChildProcess.Start(Shell("echo something else"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => process.WaitForOutputAsync(new Regex("never"), Long));

        Assert.Contains("exited (0) before printing /never/", error.Message, StringComparison.Ordinal);
        Assert.Contains("something else", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_program_fails_with_its_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ChildProcess.Start(new ProcessSpec("protogen-no-such-program", []) { Name = "the missing one" }));

        Assert.Contains("Could not start the missing one (protogen-no-such-program)", error.Message, StringComparison.Ordinal);
    }

    private static ProcessSpec Shell(string script) => new("/bin/sh", ["-c", script]);
}
