using System;
using System.Globalization;
using System.IO;
using System.Threading;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;

namespace ProtoGen.Package.Tests.Infrastructure;

/// <summary>
/// A local NuGet feed holding ProtoGen and ProtoGen.Runtime packed from this repository, once per test run, with a
/// prerelease version no earlier run used (<c>0.1.0-test.&lt;ticks&gt;</c>): the global packages folder can never
/// serve a package of an earlier run. The packages extracted for this version are removed when the run ends.
/// </summary>
internal sealed class PackageFeed
{
    private static readonly Lazy<PackageFeed> Shared = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    private PackageFeed(string directory, string version, TimeSpan packDuration)
    {
        Directory = directory;
        Version = version;
        PackDuration = packDuration;
    }

    /// <summary>The feed of this test run, packed on first use (every test waits for the same pack).</summary>
    public static PackageFeed Instance => Shared.Value;

    /// <summary>The folder the packages are in: a NuGet source.</summary>
    public string Directory { get; }

    /// <summary>The version of ProtoGen and ProtoGen.Runtime in this feed.</summary>
    public string Version { get; }

    public TimeSpan PackDuration { get; }

    public string PackagePath(string id) => Path.Combine(Directory, $"{id}.{Version}.nupkg");

    private static PackageFeed Pack()
    {
        string version = $"{Repo.Version}-test.{DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)}";
        string feeds = Path.Combine(Path.GetTempPath(), "protogen-package-feed");
        RemoveAbandonedFeeds(feeds);
        string work = Path.Combine(feeds, version);
        string feed = Path.Combine(work, "feed");
        System.IO.Directory.CreateDirectory(feed);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Cleanup(work, version);

        // Its own artifacts folder: the pack never touches the repository's artifacts/, nor a concurrent build's.
        ProcessResult pack = DotNet.Run(
            Repo.Root,
            DotNet.BuildTimeout,
            "pack", Path.Combine(Repo.Root, "src", "ProtoGen", "ProtoGen.csproj"), "-c", "Release", "-o", feed, "-p:Version=" + version,
            "-p:ArtifactsPath=" + Path.Combine(work, "artifacts") + Path.DirectorySeparatorChar,
            "-nodeReuse:false", "-tl:off", "-v:minimal");
        pack.AssertSucceeded();
        TempDirectory.TryDelete(Path.Combine(work, "artifacts"));

        var result = new PackageFeed(feed, version, pack.Duration);
        foreach (string id in new[] { "ProtoGen", "ProtoGen.Runtime" })
        {
            if (!File.Exists(result.PackagePath(id)))
            {
                throw new InvalidOperationException(pack.Describe($"wrote no {id}.{version}.nupkg"));
            }
        }

        return result;
    }

    private static void Cleanup(string work, string version)
    {
        if (Environment.GetEnvironmentVariable(TempDirectory.KeepVariable) is "1" or "true")
        {
            return;
        }

        TempDirectory.TryDelete(Path.Combine(Repo.NuGetPackageRoot, "protogen", version));
        TempDirectory.TryDelete(Path.Combine(Repo.NuGetPackageRoot, "protogen.runtime", version));
        TempDirectory.TryDelete(work);
    }

    /// <summary>Feeds of runs that were killed before they could clean up.</summary>
    private static void RemoveAbandonedFeeds(string feeds)
    {
        if (!System.IO.Directory.Exists(feeds))
        {
            return;
        }

        foreach (string directory in System.IO.Directory.EnumerateDirectories(feeds))
        {
            if (System.IO.Directory.GetLastWriteTimeUtc(directory) < DateTime.UtcNow.AddDays(-1))
            {
                TempDirectory.TryDelete(directory);
            }
        }
    }
}
