using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
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
    /// <summary>How long any one wait may take: a hang fails the test instead of hanging the run.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The samples choose their own addresses: nothing from the test host's environment may override them.</summary>
    private static readonly KeyValuePair<string, string?>[] NoAddressOverrides =
        [new("ASPNETCORE_URLS", null), new("DOTNET_URLS", null), new("ASPNETCORE_HTTP_PORTS", null)];

    private readonly Lazy<Task<PythonEnvironment>> _python = new(PythonEnvironment.CreateAsync);

    public SamplesFixture()
    {
        foreach (string sample in new[] { "HelloWorld", "RouteGuide", "Users", "CustomPath", "Enterprise" })
        {
            _ = BuiltSamples.Assembly(sample);
        }
    }

    /// <summary>A C# sample program: <c>dotnet artifacts/bin/&lt;sample&gt;/debug/&lt;sample&gt;.dll</c>, through the shared dotnet runner.</summary>
    internal static ProcessSpec CSharp(string sample) => DotNetCommand(sample + " (C#)", BuiltSamples.Assembly(sample));

    /// <summary><c>dotnet <paramref name="arguments"/></c> in the repository root, named <paramref name="name"/> in messages.</summary>
    internal static ProcessSpec DotNetCommand(string name, params string[] arguments) =>
        DotNet.Command(Repo.Root, arguments) with { Name = name };

    /// <summary>A Python sample program under <c>samples/python</c>; sets Debian's Python gRPC up first if needed.</summary>
    internal async Task<ProcessSpec> PythonAsync(string script) => (await _python.Value.ConfigureAwait(false)).Program(script);

    /// <summary>Starts a sample program (in the repository root unless it says otherwise), with no address overrides.</summary>
    internal static ChildProcess Start(ProcessSpec program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return ChildProcess.Start(program.WithEnvironment(NoAddressOverrides) with { WorkingDirectory = program.WorkingDirectory ?? Repo.Root });
    }

    /// <summary>Runs one program to its end; fails if it is killed after <paramref name="timeout"/> (by default <see cref="Timeout"/>).</summary>
    internal static async Task<RunResult> RunAsync(ProcessSpec program, TimeSpan? timeout = null)
    {
        using ChildProcess process = Start(program);
        ProcessResult result = (await process.WaitForExitAsync(timeout ?? Timeout).ConfigureAwait(false)).AssertExited();
        return new RunResult(result.ExitCode, result.Output);
    }

    /// <summary>
    /// Starts <paramref name="server"/> with <c>--port 0</c> (the OS picks a free port on 127.0.0.1), reads the port
    /// it prints, runs <paramref name="client"/> with <c>--target 127.0.0.1:PORT</c> to its end, then stops the server.
    /// </summary>
    internal static async Task<PairResult> RunPairAsync(ProcessSpec server, ProcessSpec client)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(client);
        using ChildProcess serverProcess = Start(server.With("--port", "0"));
        Match listening = await serverProcess.WaitForOutputAsync(ListeningLine(), Timeout).ConfigureAwait(false);
        string target = "127.0.0.1:" + listening.Groups["port"].Value;

        using ChildProcess clientProcess = Start(client.With("--target", target));
        ProcessResult clientResult = (await clientProcess.WaitForExitAsync(Timeout).ConfigureAwait(false)).AssertExited();

        // Stopping the server, then waiting for it, reads the rest of its output.
        serverProcess.Kill();
        ProcessResult serverResult = await serverProcess.WaitForExitAsync(Timeout).ConfigureAwait(false);
        return new PairResult(clientResult.ExitCode, clientResult.Output, serverResult.Output);
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
