using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Testing.Tests;

internal static class TestSupport
{
    /// <summary>The directory of this test project's sources, recorded in the assembly at build time.</summary>
    public static string ProjectDirectory { get; } = FindProjectDirectory();

    /// <summary>Ignores the process environment, so an ambient PROTOGEN_ACCEPT_SNAPSHOTS cannot accept.</summary>
    public static SettingsTask WithoutEnvironment(this SettingsTask task) => task.UseEnvironment(_ => null);

    /// <summary>Awaits a verification that must fail and returns its exception.</summary>
    public static async Task<SnapshotMismatchException> Mismatch(SettingsTask task) =>
        await Assert.ThrowsAsync<SnapshotMismatchException>(async () => await task);

    /// <summary>Awaits a verification that must fail and returns the received file's text.</summary>
    public static async Task<string> Received(SettingsTask task) =>
        ReadExact((await Mismatch(task)).ReceivedFile);

    /// <summary>Reads a file byte for byte as UTF-8, failing on a BOM or a carriage return.</summary>
    public static string ReadExact(string path)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{path} starts with a BOM.");
        Assert.DoesNotContain((byte)'\r', bytes);
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
    }

    private static string FindProjectDirectory() => BuildMetadata.Get(typeof(TestSupport).Assembly, "ProjectDirectory");

    public static void WriteExact(string path, string text) =>
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));

    /// <summary>Fails unless the process <paramref name="pid"/> ends within 10 s (a killed process may take a moment).</summary>
    public static void AssertProcessEnds(int pid)
    {
        var clock = Stopwatch.StartNew();
        while (IsRunning(pid))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"process {pid} still runs");
            Thread.Sleep(50);
        }
    }

    /// <summary>Whether <paramref name="pid"/> runs: a zombie (state Z in <c>/proc/PID/stat</c>) has ended, whoever reaps it.</summary>
    private static bool IsRunning(int pid)
    {
        if (Directory.Exists("/proc/self"))
        {
            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{pid}/stat");
            }
            catch (IOException)
            {
                return false;
            }

            return stat[(stat.LastIndexOf(')') + 2)..] is not ['Z' or 'X', ..];
        }

        try
        {
            using Process process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
