using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Testing.Tests;

/// <summary>Tests that change process environment variables run alone, after all others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "Process environment";
}

[Collection(ProcessEnvironment.Name)]
public sealed class AcceptEnvironmentTests : IDisposable
{
    private const string Accept = "PROTOGEN_ACCEPT_SNAPSHOTS";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("1", null)]
    [InlineData("true", "false")]
    public async Task Accept_variable_writes_verified_and_passes(string accept, string? ci)
    {
        var verified = temp["Snapshot.verified.txt"];
        var received = temp["Snapshot.received.txt"];
        TestSupport.WriteExact(verified, "old");
        TestSupport.WriteExact(received, "stale");

        using (new EnvironmentScope(accept, ci))
        {
            await Verifier.Verify("new\r\nlines\r\n").UseDirectory(temp.Path).UseFileName("Snapshot");
        }

        Assert.Equal("new\nlines", TestSupport.ReadExact(verified));
        Assert.False(File.Exists(received));
    }

    [Fact]
    public async Task Accept_variable_creates_a_missing_verified_file()
    {
        using (new EnvironmentScope("1", ci: null))
        {
            await Verifier.Verify("first").UseDirectory(temp.Path).UseFileName("Snapshot");
        }

        Assert.Equal("first", TestSupport.ReadExact(temp["Snapshot.verified.txt"]));
    }

    [Fact]
    public async Task Accept_variable_is_ignored_when_CI_is_true()
    {
        var verified = temp["Snapshot.verified.txt"];
        TestSupport.WriteExact(verified, "old");

        SnapshotMismatchException exception;
        using (new EnvironmentScope("1", "true"))
        {
            exception = await TestSupport.Mismatch(Verifier.Verify("new").UseDirectory(temp.Path).UseFileName("Snapshot"));
        }

        Assert.Equal("old", TestSupport.ReadExact(verified));
        Assert.Equal("new", TestSupport.ReadExact(exception.ReceivedFile));
        Assert.Contains("ignored because CI=true", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_verified_file_fails_on_CI_even_when_accepting()
    {
        using (new EnvironmentScope("true", "true"))
        {
            await TestSupport.Mismatch(Verifier.Verify("first").UseDirectory(temp.Path).UseFileName("Snapshot"));
        }

        Assert.False(File.Exists(temp["Snapshot.verified.txt"]));
        Assert.Equal("first", TestSupport.ReadExact(temp["Snapshot.received.txt"]));
    }

    /// <summary>Sets both variables (null unsets) and restores their old values on dispose.</summary>
    private sealed class EnvironmentScope : IDisposable
    {
        private readonly Dictionary<string, string?> saved = new()
        {
            [Accept] = Environment.GetEnvironmentVariable(Accept),
            ["CI"] = Environment.GetEnvironmentVariable("CI"),
        };

        public EnvironmentScope(string? accept, string? ci)
        {
            Environment.SetEnvironmentVariable(Accept, accept);
            Environment.SetEnvironmentVariable("CI", ci);
        }

        public void Dispose()
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
