using System;
using System.IO;
using ProtoGen.Testing.Infrastructure;

namespace ProtoGen.Samples.Tests.Infrastructure;

/// <summary>Where the samples built with these tests are, beside ProtoGen.Testing's <see cref="Repo"/>.</summary>
internal static class BuiltSamples
{
    /// <summary>The samples' Python programs and scripts (<c>samples/python</c>).</summary>
    public static string PythonDirectory => Path.Combine(Repo.Samples, "python");

    /// <summary>A sample's program as the test build left it: <c>artifacts/bin/&lt;Sample&gt;/debug/&lt;Sample&gt;.dll</c>.</summary>
    public static string Assembly(string sample)
    {
        string path = Path.Combine(Repo.Artifacts, "bin", sample, Repo.Configuration.ToLowerInvariant(), sample + ".dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The sample '{sample}' was not built: {path} is missing. The test project builds it (a ProjectReference); run 'dotnet test tests/ProtoGen.Samples.Tests'.");
    }
}
