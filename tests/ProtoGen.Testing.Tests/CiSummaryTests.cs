using System;
using System.IO;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Testing.Tests;

/// <summary>
/// <c>.ci/summarize.py</c>, what CI's <c>.ci/run</c> prints after <c>dotnet test</c>: every test that did not pass by
/// its full name with its first error line, a run that broke off, and the count line last. Runs the script with
/// python3 on the TRX files under <c>CiSummary/</c>.
/// </summary>
public sealed class CiSummaryTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Failed_tests_are_named_with_their_first_error_line_before_the_count_line()
    {
        ProcessResult result = Summarize(Path.Combine(TestSupport.ProjectDirectory, "CiSummary"));

        Assert.Equal(
            """
            failed: Sample.Tests.CallTests.Times_out(seconds: 5)
                Assert.Equal() Failure: Values differ
            failed (Error): Sample.Tests.ServerTests.Breaks_in_the_fixture
                System.InvalidOperationException : the server did not start
            crashed/crashed.trx: run Failed: The active test run was aborted. Reason: Test host process crashed : Stack overflow.
            2 passed, 2 failed, 1 skipped

            """,
            result.StandardOutput);
    }

    [Fact]
    public void A_run_without_results_prints_only_the_count_line()
    {
        ProcessResult result = Summarize(temp.Path);

        Assert.Equal("0 passed, 0 failed, 0 skipped\n", result.StandardOutput);
    }

    [Fact]
    public void An_unreadable_results_file_is_named_and_the_count_line_stays_last()
    {
        temp.Write("Broken/cut.trx", "<?xml version=\"1.0\"?><TestRun><Results>");

        ProcessResult result = Summarize(temp.Path);

        Assert.Matches(@"^Broken/cut\.trx: unreadable \(.+\)\n0 passed, 0 failed, 0 skipped\n$", result.StandardOutput);
    }

    private static ProcessResult Summarize(string resultsDirectory) =>
        ChildProcess.Run(new ProcessSpec("python3", [Path.Combine(Repo.Root, ".ci", "summarize.py"), resultsDirectory]), Timeout).AssertSucceeded();
}
