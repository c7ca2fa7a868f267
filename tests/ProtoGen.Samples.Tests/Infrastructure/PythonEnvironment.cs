using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace ProtoGen.Samples.Tests.Infrastructure;

/// <summary>
/// Debian's Python gRPC (<c>/usr/bin/python3</c> with python3-grpcio and python3-protobuf, <c>/usr/bin/protoc</c> and
/// <c>grpc_python_plugin</c>), installed by <c>samples/python/setup.sh</c> when missing, and the samples' Python code
/// generated into a temporary directory. Never skipped: if it cannot be set up, the Python tests fail with the reason.
/// </summary>
internal sealed class PythonEnvironment : IDisposable
{
    public const string Python = "/usr/bin/python3";

    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(10);

    private PythonEnvironment(string generatedDirectory) => GeneratedDirectory = generatedDirectory;

    /// <summary>Where <c>generate.sh</c> wrote the <c>_pb2</c> modules (on the programs' PYTHONPATH).</summary>
    public string GeneratedDirectory { get; }

    public static async Task<PythonEnvironment> CreateAsync()
    {
        if (!await IsReadyAsync().ConfigureAwait(false))
        {
            (int setupExit, string setupOutput) = await RunAsync(Bash("setup.sh"), SetupTimeout).ConfigureAwait(false);
            if (setupExit != 0 || !await IsReadyAsync().ConfigureAwait(false))
            {
                throw new InvalidOperationException(
                    $"Debian's Python gRPC is missing and samples/python/setup.sh could not install it (exit {setupExit}); " +
                    $"run it as root: sudo bash samples/python/setup.sh\n{setupOutput}");
            }
        }

        string directory = Path.Combine(Path.GetTempPath(), "protogen-samples-python-" + Guid.NewGuid().ToString("N")[..8]);
        (int exit, string output) = await RunAsync(Bash("generate.sh", directory), SampleProcess.Timeout).ConfigureAwait(false);
        if (exit != 0)
        {
            throw new InvalidOperationException($"samples/python/generate.sh failed (exit {exit}):\n{output}");
        }

        return new PythonEnvironment(directory);
    }

    /// <summary>A Python sample program, e.g. <c>route_guide_server.py</c>.</summary>
    public ProcessSpec Program(string script) => new(
        script + " (Python)",
        Python,
        ["-u", Path.Combine(Repo.PythonSamples, script)],
        new Dictionary<string, string?>
        {
            ["PYTHONPATH"] = GeneratedDirectory,
            ["PYTHONHOME"] = null,
            ["PYTHONSTARTUP"] = null,
            ["PYTHONNOUSERSITE"] = "1",
            ["PYTHONDONTWRITEBYTECODE"] = "1",
            ["PYTHONUNBUFFERED"] = "1",
        });

    public void Dispose()
    {
        try
        {
            Directory.Delete(GeneratedDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private static async Task<bool> IsReadyAsync()
    {
        if (!File.Exists(Python) || !File.Exists("/usr/bin/protoc") || !File.Exists("/usr/bin/grpc_python_plugin"))
        {
            return false;
        }

        var check = new ProcessSpec("python3 import check", Python, ["-c", "import grpc, google.protobuf"], new Dictionary<string, string?> { ["PYTHONNOUSERSITE"] = "1", ["PYTHONPATH"] = null });
        (int exit, _) = await RunAsync(check, SampleProcess.Timeout).ConfigureAwait(false);
        return exit == 0;
    }

    private static ProcessSpec Bash(string script, params string[] arguments) =>
        new(script, "bash", [Path.Combine(Repo.PythonSamples, script), .. arguments], new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" });

    private static async Task<(int ExitCode, string Output)> RunAsync(ProcessSpec spec, TimeSpan timeout)
    {
        using SampleProcess process = SampleProcess.Start(spec);
        int exit = await process.WaitForExitAsync(timeout).ConfigureAwait(false);
        return (exit, process.Output);
    }
}
