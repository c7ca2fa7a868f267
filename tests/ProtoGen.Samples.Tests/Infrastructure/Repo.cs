using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ProtoGen.Samples.Tests.Infrastructure;

/// <summary>Paths of the repository under test and of the samples built with these tests.</summary>
internal static class Repo
{
    public static string Root { get; } = Path.GetFullPath(Metadata("RepoRoot"));

    public static string Samples => Path.Combine(Root, "samples");

    public static string PythonSamples => Path.Combine(Samples, "python");

    /// <summary>A sample's program as the test build left it: <c>artifacts/bin/&lt;Sample&gt;/debug/&lt;Sample&gt;.dll</c>.</summary>
    public static string SampleAssembly(string sample)
    {
        string path = Path.Combine(Root, "artifacts", "bin", sample, Metadata("Configuration").ToLowerInvariant(), sample + ".dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The sample '{sample}' was not built: {path} is missing. The test project builds it (a ProjectReference); run 'dotnet test tests/ProtoGen.Samples.Tests'.");
    }

    private static string Metadata(string key) =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");
}
