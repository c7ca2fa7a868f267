using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace ProtoGen.Testing.Processes;

/// <summary>
/// A running process with its standard output and error collected (and its standard input closed, so a prompt
/// cannot wait for a user). Every wait has a timeout, after which the whole process tree is killed; disposing kills
/// what still runs, so no test leaves a process behind. <see cref="Interrupt"/> sends SIGINT, as Ctrl+C does.
/// </summary>
public sealed partial class ChildProcess : IDisposable
{
    /// <summary>
    /// How long to wait, once the process has exited, for the rest of its output: a child it left running (a
    /// compiler server) may hold the pipes open for minutes, and its output is not needed.
    /// </summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long a killed process may take to be gone.</summary>
    public static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(30);

    private const int SigInt = 2;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _standardOutput = new();
    private readonly StreamWriter? _log;
    private readonly Stopwatch _clock = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan _duration;
    private bool _logClosed;

    private ChildProcess(ProcessSpec spec, Process process, StreamWriter? log)
    {
        Spec = spec;
        _process = process;
        _log = log;
    }

    /// <summary>What was started.</summary>
    public ProcessSpec Spec { get; }

    /// <summary>
    /// The underlying process, for what this class does not offer (the bench samples its process tree); waiting on
    /// it or killing it directly bypasses the timeouts here.
    /// </summary>
    public Process Process => _process;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Time since the start, or from start to exit once it has exited.</summary>
    public TimeSpan Elapsed => HasExited ? _duration : _clock.Elapsed;

    /// <summary>Standard output and error so far, interleaved as they arrived, one <c>\n</c> after each line.</summary>
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

    /// <summary>Starts <paramref name="spec"/>.</summary>
    /// <param name="spec">The program.</param>
    /// <returns>The running process.</returns>
    /// <exception cref="InvalidOperationException">The program could not be started (not found, not executable).</exception>
    public static ChildProcess Start(ProcessSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var start = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory ?? string.Empty,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in spec.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

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

        StreamWriter? log = null;
        if (spec.OutputLog is { } logPath)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
            log = new StreamWriter(logPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(spec, process, log);
        process.OutputDataReceived += (_, e) => child.Receive(e.Data, child._outputClosed, child._standardOutput);
        process.ErrorDataReceived += (_, e) => child.Receive(e.Data, child._errorClosed, null);
        process.Exited += (_, _) =>
        {
            child._duration = child._clock.Elapsed;
            child._exited.TrySetResult();
        };
        try
        {
            child._clock.Start();
            process.Start();
        }
        catch (Win32Exception e)
        {
            log?.Dispose();
            process.Dispose();
            throw new InvalidOperationException($"Could not start {spec.DisplayName} ({spec.FileName}): {e.Message}", e);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Starts <paramref name="spec"/> and waits for it (killed after <paramref name="timeout"/>).</summary>
    /// <param name="spec">The program.</param>
    /// <param name="timeout">The longest it may run.</param>
    /// <returns>Its result.</returns>
    public static ProcessResult Run(ProcessSpec spec, TimeSpan timeout)
    {
        using ChildProcess process = Start(spec);
        return process.WaitForExit(timeout);
    }

    /// <summary>Starts <paramref name="spec"/> and waits for it (killed after <paramref name="timeout"/> or on cancellation).</summary>
    /// <param name="spec">The program.</param>
    /// <param name="timeout">The longest it may run.</param>
    /// <param name="cancellationToken">Kills the process tree and cancels the wait.</param>
    /// <returns>Its result.</returns>
    public static async Task<ProcessResult> RunAsync(ProcessSpec spec, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using ChildProcess process = Start(spec);
        return await process.WaitForExitAsync(timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for the process to exit and its output to be read; kills its whole tree after <paramref name="timeout"/>.</summary>
    /// <param name="timeout">The longest to wait.</param>
    /// <returns>The result; <see cref="ProcessResult.TimedOut"/> tells whether it was killed.</returns>
    public ProcessResult WaitForExit(TimeSpan timeout) => WaitForExitAsync(timeout).GetAwaiter().GetResult();

    /// <summary>Waits for the process to exit and its output to be read; kills its whole tree after <paramref name="timeout"/>.</summary>
    /// <param name="timeout">The longest to wait.</param>
    /// <param name="cancellationToken">Kills the process tree and cancels the wait.</param>
    /// <returns>The result; <see cref="ProcessResult.TimedOut"/> tells whether it was killed.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled (the process tree was killed).</exception>
    public async Task<ProcessResult> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        bool timedOut = false;
        try
        {
            await _exited.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            timedOut = true;
            Kill();
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }

        await DrainAsync().ConfigureAwait(false);
        if (timedOut)
        {
            Append($"ProtoGen.Testing: killed after {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s.");
        }

        CloseLog();
        string standardOutput;
        lock (_output)
        {
            standardOutput = _standardOutput.ToString();
        }

        return new ProcessResult(
            Spec.DisplayName,
            Spec.WorkingDirectory ?? Environment.CurrentDirectory,
            HasExited ? _process.ExitCode : -1,
            Output,
            Elapsed,
            timedOut)
        {
            StandardOutput = standardOutput,
        };
    }

    /// <summary>Waits until the output matches <paramref name="pattern"/>.</summary>
    /// <param name="pattern">What to wait for.</param>
    /// <param name="timeout">The longest to wait; the process keeps running after it.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first match.</returns>
    /// <exception cref="InvalidOperationException">The process exited without printing a match.</exception>
    /// <exception cref="TimeoutException">No match within <paramref name="timeout"/>.</exception>
    public async Task<Match> WaitForOutputAsync(Regex pattern, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            bool exited = HasExited;
            if (exited)
            {
                await DrainAsync().ConfigureAwait(false);
            }

            Match match = pattern.Match(Output);
            if (match.Success)
            {
                return match;
            }

            if (exited)
            {
                throw new InvalidOperationException($"{Spec.DisplayName} exited ({_process.ExitCode}) before printing /{pattern}/:\n{Output}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{Spec.DisplayName} did not print /{pattern}/ within {timeout.TotalSeconds} s:\n{Output}");
            }

            await Task.WhenAny(_exited.Task, Task.Delay(50, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// Sends SIGINT to the process, as Ctrl+C in a terminal does (<c>kill -INT pid</c>): <c>dotnet build</c> then
    /// cancels the build. Only the process itself gets the signal; it is up to it to stop its children. Returns at
    /// once; wait with <see cref="WaitForExitAsync"/>. Does nothing if the process has exited.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">On Windows, which has no signals.</exception>
    /// <exception cref="InvalidOperationException">
    /// The process ignores SIGINT: it inherited the ignored signal, as programs started in the background by a shell
    /// without job control do, and .NET keeps it ignored.
    /// </exception>
    public void Interrupt()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Interrupt sends SIGINT, which Windows does not have.");
        }

        if (HasExited)
        {
            return;
        }

        if (IgnoresSigInt(Id))
        {
            throw new InvalidOperationException(
                $"{Spec.DisplayName} (pid {Id}) ignores SIGINT: this test process inherited it ignored (a shell started it in the background without job control); run it in the foreground or with 'set -m'.");
        }

        if (SendSignal(Id, SigInt) != 0 && !HasExited)
        {
            throw new InvalidOperationException($"kill(-INT, {Id}) failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>Kills the process and all its descendants now, and waits (up to <see cref="KillTimeout"/>) until it is gone.</summary>
    public void Kill()
    {
        try
        {
            if (!HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // It exited in between.
        }

        _exited.Task.Wait(KillTimeout);
    }

    /// <summary>Kills what still runs and releases the process.</summary>
    public void Dispose()
    {
        Kill();
        CloseLog();
        _process.Dispose();
    }

    /// <summary>Whether <paramref name="pid"/> ignores SIGINT, from its <c>SigIgn</c> mask in <c>/proc/PID/status</c> (Linux; elsewhere false).</summary>
    private static bool IgnoresSigInt(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
                {
                    ulong mask = ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    return (mask & (1UL << (SigInt - 1))) != 0;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            // No /proc (macOS), or the process is gone: send the signal anyway.
        }

        return false;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    private async Task DrainAsync()
    {
        try
        {
            await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).WaitAsync(DrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A child that outlives the process holds the pipes; its output is not needed.
        }
    }

    private void Receive(string? line, TaskCompletionSource closed, StringBuilder? stream)
    {
        if (line is null)
        {
            closed.TrySetResult();
        }
        else
        {
            Append(line, stream);
        }
    }

    private void Append(string line, StringBuilder? stream = null)
    {
        lock (_output)
        {
            _output.Append(line).Append('\n');
            stream?.Append(line).Append('\n');
            if (_log is not null && !_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }

    private void CloseLog()
    {
        lock (_output)
        {
            if (_log is not null && !_logClosed)
            {
                _logClosed = true;
                _log.Dispose();
            }
        }
    }
}
