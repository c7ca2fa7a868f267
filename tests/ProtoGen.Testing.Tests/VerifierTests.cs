using System;
using System.IO;
using System.Threading.Tasks;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Testing.Tests;

public sealed class VerifierTests : IDisposable
{
    private const string Committed =
        "This snapshot is committed next to VerifierTests.cs.\nIt proves the default naming: {Class}.{Method}.verified.txt";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Verify_matches_committed_snapshot()
    {
        await Verifier.Verify(Committed);

        Assert.False(File.Exists(
            Path.Combine(TestSupport.ProjectDirectory, "VerifierTests.Verify_matches_committed_snapshot.received.txt")));
    }

    [Fact]
    public async Task Deterministic_source_path_is_found_from_the_test_assembly()
    {
        // ContinuousIntegrationBuild maps source paths to /_/...; the snapshot must still be found.
        await Verifier.Verify(
                Committed,
                sourceFile: "/_/tests/ProtoGen.Testing.Tests/VerifierTests.cs",
                methodName: nameof(Verify_matches_committed_snapshot))
            .WithoutEnvironment();
    }

    [Fact]
    public async Task First_run_writes_received_and_throws()
    {
        var exception = await TestSupport.Mismatch(
            Verifier.Verify("hello\nworld").UseDirectory(temp.Path).WithoutEnvironment());

        var verified = temp["VerifierTests.First_run_writes_received_and_throws.verified.txt"];
        var received = temp["VerifierTests.First_run_writes_received_and_throws.received.txt"];
        Assert.Equal(verified, exception.VerifiedFile);
        Assert.Equal(received, exception.ReceivedFile);
        Assert.False(File.Exists(verified));
        Assert.Equal("hello\nworld", TestSupport.ReadExact(received));
        Assert.Contains(verified, exception.Message, StringComparison.Ordinal);
        Assert.Contains(received, exception.Message, StringComparison.Ordinal);
        Assert.Contains("+hello", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Match_passes_and_deletes_stale_received()
    {
        var verified = temp["VerifierTests.Match_passes_and_deletes_stale_received.verified.txt"];
        var received = temp["VerifierTests.Match_passes_and_deletes_stale_received.received.txt"];
        TestSupport.WriteExact(verified, "same");
        TestSupport.WriteExact(received, "stale");

        await Verifier.Verify("same").UseDirectory(temp.Path).WithoutEnvironment();

        Assert.False(File.Exists(received));
        Assert.Equal("same", TestSupport.ReadExact(verified));
    }

    [Fact]
    public async Task Mismatch_throws_with_diff_of_changed_lines()
    {
        var verified = temp["VerifierTests.Mismatch_throws_with_diff_of_changed_lines.verified.txt"];
        TestSupport.WriteExact(verified, "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine");

        var exception = await TestSupport.Mismatch(
            Verifier.Verify("one\ntwo\nthree\nfour\nFIVE\nsix\nseven\neight\nnine").UseDirectory(temp.Path).WithoutEnvironment());

        var lines = exception.Message.Split('\n');
        Assert.Contains("-five", lines);
        Assert.Contains("+FIVE", lines);
        Assert.Contains(" four", lines);
        Assert.DoesNotContain(" one", lines); // Beyond three lines of context.
        Assert.Contains(lines, line => line.StartsWith("@@ ", StringComparison.Ordinal));
        Assert.Equal("one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine", TestSupport.ReadExact(verified));
        Assert.Equal("one\ntwo\nthree\nfour\nFIVE\nsix\nseven\neight\nnine", TestSupport.ReadExact(exception.ReceivedFile));
    }

    [Theory]
    [InlineData("a\r\nb\r\n")]
    [InlineData("a\rb")]
    [InlineData("a\nb\n")]
    public async Task Line_endings_and_one_final_newline_do_not_matter(string target)
    {
        TestSupport.WriteExact(temp["Snapshot.verified.txt"], "a\nb");

        await Verifier.Verify(target).UseDirectory(temp.Path).UseFileName("Snapshot").WithoutEnvironment();
    }

    [Fact]
    public async Task Verified_file_saved_with_crlf_bom_and_final_newline_still_matches()
    {
        File.WriteAllText(temp["Snapshot.verified.txt"], "a\r\nb\r\n", new System.Text.UTF8Encoding(true));

        await Verifier.Verify("a\nb").UseDirectory(temp.Path).UseFileName("Snapshot").WithoutEnvironment();
    }

    [Fact]
    public async Task Received_file_is_utf8_without_bom_with_lf_and_no_final_newline()
    {
        var received = await TestSupport.Received(
            Verifier.Verify("é\r\nü\r\n\r\n").UseDirectory(temp.Path).WithoutEnvironment());

        Assert.Equal("é\nü\n", received); // Only one final newline is removed.
    }

    [Fact]
    public async Task Relative_directory_is_resolved_from_the_source_file_directory()
    {
        var relative = Path.GetRelativePath(TestSupport.ProjectDirectory, temp.Path);

        var exception = await TestSupport.Mismatch(
            Verifier.Verify("x").UseDirectory(relative).WithoutEnvironment());

        Assert.Equal(
            temp["VerifierTests.Relative_directory_is_resolved_from_the_source_file_directory.received.txt"],
            exception.ReceivedFile);
    }

    [Theory]
    [InlineData("proto3", 2)]
    [InlineData("a/b:c", null)]
    public async Task UseParameters_appends_values_by_position(string syntax, int? count)
    {
        var exception = await TestSupport.Mismatch(
            Verifier.Verify("x").UseDirectory(temp.Path).UseParameters(syntax, count, 1.5).WithoutEnvironment());

        var expected = count is null
            ? "VerifierTests.UseParameters_appends_values_by_position_p1=a-b-c_p2=null_p3=1.5.received.txt"
            : "VerifierTests.UseParameters_appends_values_by_position_p1=proto3_p2=2_p3=1.5.received.txt";
        Assert.Equal(temp[expected], exception.ReceivedFile);
    }

    [Fact]
    public async Task Naming_settings_shape_the_file_name()
    {
        await AssertReceivedName(
            Verifier.Verify("x").UseTextForParameters("Greeter"),
            "VerifierTests.Naming_settings_shape_the_file_name_Greeter.received.txt");
        await AssertReceivedName(
            Verifier.Verify("x").UseTypeName("Emitter").UseMethodName("Emits").UseExtension(".cs"),
            "Emitter.Emits.received.cs");
        await AssertReceivedName(
            Verifier.Verify("x").UseFileName("Custom").UseExtension("proto"),
            "Custom.received.proto");
    }

    [Fact]
    public async Task UseFileName_cannot_be_combined_with_other_naming()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await Verifier.Verify("x").UseDirectory(temp.Path).UseFileName("Custom").UseParameters(1).WithoutEnvironment());
    }

    [Fact]
    public async Task Settings_cannot_change_after_awaiting()
    {
        TestSupport.WriteExact(temp["Snapshot.verified.txt"], "x");
        var task = Verifier.Verify("x").UseDirectory(temp.Path).UseFileName("Snapshot").WithoutEnvironment();
        await task;

        Assert.Throws<InvalidOperationException>(() => task.UseExtension("cs"));
    }

    private async Task AssertReceivedName(SettingsTask task, string expectedFileName)
    {
        var exception = await TestSupport.Mismatch(task.UseDirectory(temp.Path).WithoutEnvironment());
        Assert.Equal(temp[expectedFileName], exception.ReceivedFile);
    }
}
