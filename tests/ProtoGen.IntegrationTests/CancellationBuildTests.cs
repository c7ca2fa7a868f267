using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProtoGen.IntegrationTests.Infrastructure;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.IntegrationTests;

/// <summary>
/// A protoc run that is cancelled with the build (Ctrl+C) or outlives <c>$(ProtoGenProtocTimeout)</c> is killed with
/// everything it started, leaves no output behind, and the next build compiles as if nothing had happened. protoc is a
/// stand-in (through <c>PROTOBUF_PROTOC</c>) that marks its start and sleeps for 300 s before it runs the real protoc.
/// </summary>
public sealed class CancellationBuildTests
{
    /// <summary>How long a cancelled build may take to end: far less than the stand-in's sleep, far more than a kill needs.</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(60);

    private static readonly string[] LogicalPaths = ["protos/orders.proto", "protos/types.proto"];

    [Fact]
    public async Task Build_cancelled_during_protoc_kills_it_writes_nothing_and_the_next_build_succeeds()
    {
        using var tools = new TempDirectory("protogen-tests", "cancel-tools");
        using SlowProtoc slow = new(tools);
        using TestProject project = Project("cancel");

        using ChildProcess build = project.StartBuild(environment: [new("PROTOBUF_PROTOC", slow.Path)]);
        Assert.True(
            await Eventually(() => build.HasExited || slow.Sleeping.Count > 0, DotNet.BuildTimeout),
            "protoc never started:\n" + build.Output);
        Assert.False(build.HasExited, build.Output);
        var clock = Stopwatch.StartNew();
        build.Interrupt(); // SIGINT, as Ctrl+C.
        ProcessResult result = await build.WaitForExitAsync(Prompt);

        Assert.False(result.TimedOut, $"The cancelled build did not end within {Prompt.TotalSeconds} s:\n{result.Output}");
        Assert.NotEqual(0, result.ExitCode);
        Assert.True(clock.Elapsed < Prompt, result.Output);
        Assert.True(await Eventually(() => slow.Sleeping.Count == 0 && !slow.ShellRunning, TimeSpan.FromSeconds(10)), "protoc's process tree outlived the build:\n" + result.Output);
        AssertNothingGenerated(project);

        BuildResult next = project.Build();

        Assert.True(next.Succeeded, next.Output);
        Assert.Equal(LogicalPaths, next.BatchCompiled.Order(StringComparer.Ordinal));
        Assert.Contains("class OrderService", project.Read("obj/Debug/net10.0/protos/OrdersGrpc.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Protoc_run_longer_than_ProtoGenProtocTimeout_is_PGB1011_writes_nothing_and_the_next_build_works()
    {
        using var tools = new TempDirectory("protogen-tests", "timeout-tools");
        using SlowProtoc slow = new(tools);
        using TestProject project = Project("timeout");

        // An environment variable is a property to MSBuild: the same as -p:ProtoGenProtocTimeout=1.
        BuildResult timedOut = project.Build(environment: [new("PROTOBUF_PROTOC", slow.Path), new("ProtoGenProtocTimeout", "1")]);

        Assert.False(timedOut.Succeeded, timedOut.Output);
        Assert.True(slow.Started, "The stand-in protoc never ran:\n" + timedOut.Output);
        string[] errors = timedOut.Diagnostics.Where(d => d.Contains(": error ", StringComparison.Ordinal)).ToArray();
        string error = Assert.Single(errors);
        Assert.Contains(": error PGB1011:", error, StringComparison.Ordinal);
        Assert.Contains("1 s", error, StringComparison.Ordinal);
        Assert.All(LogicalPaths, p => Assert.Contains(p, error, StringComparison.Ordinal));
        Assert.Contains("ProtoGenProtocTimeout", error, StringComparison.Ordinal);
        Assert.Empty(slow.Sleeping);
        Assert.False(slow.ShellRunning);
        AssertNothingGenerated(project);

        BuildResult next = project.Build();

        Assert.True(next.Succeeded, next.Output);
        Assert.Equal(LogicalPaths, next.BatchCompiled.Order(StringComparer.Ordinal));
        Assert.Contains("class OrderService", project.Read("obj/Debug/net10.0/protos/OrdersGrpc.cs"), StringComparison.Ordinal);
    }

    private static TestProject Project(string name) =>
        new TestProject(name)
            .Write("protos/types.proto", """
                syntax = "proto3";

                package cancel.types;

                message Order {
                  string id = 1;
                }
                """)
            .Write("protos/orders.proto", """
                syntax = "proto3";

                package cancel.orders;

                import "protos/types.proto";

                service OrderService {
                  rpc Place(cancel.types.Order) returns (cancel.types.Order);
                }
                """)
            .WithProject("""<Protobuf Include="protos/*.proto" />""");

    /// <summary>No generated C# under obj/ (only the SDK's own) and no dependency file: a killed run writes nothing.</summary>
    private static void AssertNothingGenerated(TestProject project)
    {
        string[] written = Directory.Exists(project.IntermediateDirectory)
            ? Directory.EnumerateFiles(project.IntermediateDirectory, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(project.IntermediateDirectory, f).Replace('\\', '/'))
                .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) && !f.Contains("protogen/", StringComparison.Ordinal)
                        && !Path.GetFileName(f).StartsWith("TestApp.", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith(".NETCoreApp", StringComparison.Ordinal))
                    || f.EndsWith(".protodep", StringComparison.Ordinal))
                .ToArray()
            : [];
        Assert.True(written.Length == 0, "Left behind: " + string.Join(", ", written));
    }

    private static async Task<bool> Eventually(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    /// <summary>The slow stand-in protoc, its start mark, and its processes; kills any it left when disposed.</summary>
    private sealed class SlowProtoc : IDisposable
    {
        private readonly string _mark;
        private readonly string _sleep = ToolScripts.UniqueSleep();

        public SlowProtoc(TempDirectory tools)
        {
            _mark = tools["protoc.started"];
            Path = ToolScripts.Slow(tools["protoc"], GrpcToolsProtoc.FullPath, _mark, _sleep);
        }

        public string Path { get; }

        public bool Started => File.Exists(_mark);

        /// <summary>The stand-in's <c>sleep</c> processes still running.</summary>
        public IReadOnlyList<int> Sleeping => ToolScripts.ProcessesWithCommandLine("sleep", _sleep);

        /// <summary>Whether the stand-in's shell (its pid is in the mark) still runs.</summary>
        public bool ShellRunning =>
            Started && int.TryParse(File.ReadAllText(_mark).Trim(), out int pid) && File.Exists($"/proc/{pid}/cmdline") && !IsZombie(pid);

        public void Dispose()
        {
            foreach (int pid in Sleeping)
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill();
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    // Gone already.
                }
            }
        }

        private static bool IsZombie(int pid)
        {
            try
            {
                return File.ReadLines($"/proc/{pid}/status").Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z', StringComparison.Ordinal));
            }
            catch (IOException)
            {
                return true;
            }
        }
    }
}
