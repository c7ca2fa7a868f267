using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace ProtoGen.Testing.Tests;

/// <summary>A fresh directory under the system temp directory, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("protogen-testing-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

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

    private static string FindProjectDirectory() =>
        typeof(TestSupport).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "ProjectDirectory").Value!;

    public static void WriteExact(string path, string text) =>
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
}
