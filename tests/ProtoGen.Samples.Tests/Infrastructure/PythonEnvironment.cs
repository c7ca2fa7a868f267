using System;
using System.IO;
using System.Threading.Tasks;
using ProtoGen.Testing.Processes;

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
        (int exit, string output) = await RunAsync(Bash("generate.sh", directory), SamplesFixture.Timeout).ConfigureAwait(false);
        if (exit != 0)
        {
            throw new InvalidOperationException($"samples/python/generate.sh failed (exit {exit}):\n{output}");
        }

        return new PythonEnvironment(directory);
    }

    /// <summary>A Python sample program, e.g. <c>route_guide_server.py</c>.</summary>
    public ProcessSpec Program(string script) => new ProcessSpec(Python, ["-u", Path.Combine(BuiltSamples.PythonDirectory, script)])
    {
        Name = script + " (Python)",
        Environment =
        [
            new("PYTHONPATH", GeneratedDirectory),
            new("PYTHONHOME", null),
            new("PYTHONSTARTUP", null),
            new("PYTHONNOUSERSITE", "1"),
            new("PYTHONDONTWRITEBYTECODE", "1"),
            new("PYTHONUNBUFFERED", "1"),
        ],
    };

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

        var check = new ProcessSpec(Python, ["-c", "import grpc, google.protobuf"])
        {
            Name = "python3 import check",
            Environment = [new("PYTHONNOUSERSITE", "1"), new("PYTHONPATH", null)],
        };
        (int exit, _) = await RunAsync(check, SamplesFixture.Timeout).ConfigureAwait(false);
        return exit == 0;
    }

    private static ProcessSpec Bash(string script, params string[] arguments) =>
        new("bash", [Path.Combine(BuiltSamples.PythonDirectory, script), .. arguments])
        {
            Name = script,
            Environment = [new("DEBIAN_FRONTEND", "noninteractive")],
        };

    /// <summary>Runs a setup step; a step killed on timeout reports exit code -1 (its output says so).</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(ProcessSpec spec, TimeSpan timeout)
    {
        using ChildProcess process = SamplesFixture.Start(spec);
        ProcessResult result = await process.WaitForExitAsync(timeout).ConfigureAwait(false);
        return (result.TimedOut ? -1 : result.ExitCode, result.Output);
    }
}
