using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace ProtoGen.Samples.Tests.Infrastructure;

/// <summary>
/// A running sample program (server or client) with its standard output and error collected. Disposing it kills
/// the process and its children if they still run, so no test leaves a server behind.
/// </summary>
internal sealed class SampleProcess : IDisposable
{
    /// <summary>How long any one wait may take: a hang fails the test instead of hanging the run.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SampleProcess(ProcessSpec spec, Process process)
    {
        Spec = spec;
        _process = process;
    }

    public ProcessSpec Spec { get; }

    /// <summary>Standard output and error so far, interleaved as they arrived.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static SampleProcess Start(ProcessSpec spec)
    {
        var start = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in spec.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        // The samples choose their own addresses: nothing from the test host's environment may override them.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("DOTNET_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        foreach ((string name, string? value) in spec.Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = start };
        var sample = new SampleProcess(spec, process);
        process.OutputDataReceived += (_, e) => sample.Append(e.Data);
        process.ErrorDataReceived += (_, e) => sample.Append(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start {spec.Name} ({spec.FileName}): {e.Message}", e);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sample;
    }

    /// <summary>Waits until the output matches <paramref name="pattern"/>; fails if the process exits or the timeout passes first.</summary>
    public async Task<Match> WaitForOutputAsync(Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            Match match = pattern.Match(Output);
            if (match.Success)
            {
                return match;
            }

            if (_process.HasExited)
            {
                await _process.WaitForExitAsync().ConfigureAwait(false);
                match = pattern.Match(Output);
                return match.Success
                    ? match
                    : throw new InvalidOperationException($"{Spec.Name} exited ({_process.ExitCode}) before printing /{pattern}/:\n{Output}");
            }

            if (stopwatch.Elapsed > Timeout)
            {
                throw new TimeoutException($"{Spec.Name} did not print /{pattern}/ within {Timeout.TotalSeconds} s:\n{Output}");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for the process to exit (and its output to be read) and returns its exit code; kills it after the timeout.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? Timeout;
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{Spec.Name} did not exit within {limit.TotalSeconds} s and was killed:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Stops the process (and its children) now, and waits until its output is read.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit((int)Timeout.TotalMilliseconds);
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(line).Append('\n');
        }
    }
}
