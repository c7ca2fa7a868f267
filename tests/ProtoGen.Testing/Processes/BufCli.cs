using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using ProtoGen.Testing.Infrastructure;

namespace ProtoGen.Testing.Processes;

/// <summary>
/// The <c>buf</c> CLI that the breaking-change check is compared with, installed by the repository's own
/// <c>tests/tools/install-buf.sh</c> from the npm registry into <c>artifacts/tools/buf/</c> (git-ignored), once per
/// test run. In CI (<c>CI=true</c>) it must be there: a failed install fails the tests that need it. Elsewhere the
/// only reason to do without it is a machine with no npm (<see cref="SkipReason"/>).
/// </summary>
public static class BufCli
{
    /// <summary>The version the install script pins (<c>tests/tools/install-buf.sh</c>).</summary>
    public const string Version = "1.75.0";

    /// <summary>The longest one buf run may take before it is killed.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private static readonly Lazy<string> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The install script.</summary>
    public static string InstallScript => Path.Combine(Repo.Root, "tests", "tools", "install-buf.sh");

    /// <summary>
    /// Why tests that need buf cannot run here, or null when they can: only outside CI, and only when npm (which the
    /// install script needs) is not on <c>PATH</c>.
    /// </summary>
    public static string? SkipReason =>
        IsCi || OnPath("npm") ? null
        : $"buf {Version} is installed from the npm registry by tests/tools/install-buf.sh, and npm is not on PATH; install Node.js (npm) to run the comparison with buf (in CI, with CI=true, it runs and fails without npm).";

    /// <summary>The buf executable, installed on first use.</summary>
    /// <exception cref="InvalidOperationException">The install script failed (its output says why).</exception>
    public static string FullPath => Installed.Value;

    /// <summary>Runs buf in <paramref name="workingDirectory"/>, killed after <see cref="Timeout"/>, and returns its result whatever its exit code.</summary>
    /// <param name="workingDirectory">Where buf runs: the paths it reports are relative to it.</param>
    /// <param name="arguments">buf's arguments.</param>
    /// <returns>The result; <see cref="ProcessResult.StandardOutput"/> holds what buf printed to standard output alone.</returns>
    public static ProcessResult Run(string workingDirectory, params string[] arguments) =>
        ChildProcess.Run(
            new ProcessSpec(FullPath, arguments)
            {
                Name = "buf " + string.Join(' ', arguments),
                WorkingDirectory = workingDirectory,
                // No cache or telemetry outside the test's own directories.
                Environment = [new("BUF_CACHE_DIR", Path.Combine(Repo.Artifacts, "tools", "buf", "cache")), new("NO_COLOR", "1")],
            },
            Timeout).AssertExited();

    private static bool IsCi => Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Trim() == "1" || ci.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));

    private static string Install()
    {
        ProcessResult result = ChildProcess.Run(new ProcessSpec("bash", [InstallScript]) { Name = "tests/tools/install-buf.sh" }, InstallTimeout);
        string? path = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (!result.Succeeded || path is null || !File.Exists(path))
        {
            throw new InvalidOperationException(result.Describe($"did not install buf {Version} (exit code {result.ExitCode})"));
        }

        return path;
    }

    private static bool OnPath(string program)
    {
        IEnumerable<string> names = OperatingSystem.IsWindows() ? [program + ".cmd", program + ".exe"] : [program];
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => names.Any(name => File.Exists(Path.Combine(directory, name))));
    }
}
