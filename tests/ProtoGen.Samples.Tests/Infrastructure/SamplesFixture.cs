using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace ProtoGen.Samples.Tests.Infrastructure;

/// <summary>The outcome of a client run against a server: the client's exit code and both programs' output.</summary>
internal sealed record PairResult(int ClientExitCode, string ClientOutput, string ServerOutput)
{
    public override string ToString() => $"client exit code {ClientExitCode}\n--- client:\n{ClientOutput}\n--- server:\n{ServerOutput}";
}

/// <summary>The outcome of one program run.</summary>
internal sealed record RunResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}

/// <summary>
/// Shared by every test: the samples built with the test project (checked here), Debian's Python gRPC with the
/// generated Python code (set up on first use), and how to run servers and clients as real processes.
/// </summary>
public sealed partial class SamplesFixture : IDisposable
{
    private readonly Lazy<Task<PythonEnvironment>> _python = new(PythonEnvironment.CreateAsync);

    public SamplesFixture()
    {
        foreach (string sample in new[] { "HelloWorld", "RouteGuide", "Users", "CustomPath", "Enterprise" })
        {
            _ = Repo.SampleAssembly(sample);
        }
    }

    /// <summary>A C# sample program: <c>dotnet artifacts/bin/&lt;sample&gt;/debug/&lt;sample&gt;.dll</c>.</summary>
    internal static ProcessSpec CSharp(string sample) =>
        new(sample + " (C#)", "dotnet", [Repo.SampleAssembly(sample)], new Dictionary<string, string?>());

    /// <summary>A Python sample program under <c>samples/python</c>; sets Debian's Python gRPC up first if needed.</summary>
    internal async Task<ProcessSpec> PythonAsync(string script) => (await _python.Value.ConfigureAwait(false)).Program(script);

    /// <summary>Runs one program to its end (killed after <paramref name="timeout"/>, by default <see cref="SampleProcess.Timeout"/>).</summary>
    internal static async Task<RunResult> RunAsync(ProcessSpec program, TimeSpan? timeout = null)
    {
        using SampleProcess process = SampleProcess.Start(program);
        int exit = await process.WaitForExitAsync(timeout).ConfigureAwait(false);
        return new RunResult(exit, process.Output);
    }

    /// <summary>
    /// Starts <paramref name="server"/> with <c>--port 0</c> (the OS picks a free port on 127.0.0.1), reads the port
    /// it prints, runs <paramref name="client"/> with <c>--target 127.0.0.1:PORT</c> to its end, then stops the server.
    /// </summary>
    internal static async Task<PairResult> RunPairAsync(ProcessSpec server, ProcessSpec client)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(client);
        using SampleProcess serverProcess = SampleProcess.Start(server.With("--port", "0"));
        Match listening = await serverProcess.WaitForOutputAsync(ListeningLine()).ConfigureAwait(false);
        string target = "127.0.0.1:" + listening.Groups["port"].Value;

        using SampleProcess clientProcess = SampleProcess.Start(client.With("--target", target));
        int exit = await clientProcess.WaitForExitAsync().ConfigureAwait(false);

        // Stopping the server also drains its output.
        serverProcess.Kill();
        return new PairResult(exit, clientProcess.Output, serverProcess.Output);
    }

    public void Dispose()
    {
        if (_python.IsValueCreated && _python.Value.IsCompletedSuccessfully)
        {
            _python.Value.Result.Dispose();
        }
    }

    [GeneratedRegex(@"^listening on 127\.0\.0\.1:(?<port>[1-9][0-9]*)$", RegexOptions.Multiline)]
    private static partial Regex ListeningLine();
}

[CollectionDefinition(Name)]
public sealed class SharedSamples : ICollectionFixture<SamplesFixture>
{
    public const string Name = "Samples";
}
