using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using ProtoGen.Bench;
using ProtoGen.Bench.Layouts;
using ProtoGen.Bench.Projects;
using ProtoGen.Bench.Reporting;
using ProtoGen.Bench.Running;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;

// ProtoGen.Bench: build times of plain Grpc.Tools against Grpc.Tools + ProtoGen. See bench/README.md.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

var dotnet = new DotnetCli(options.Timeout, options.CompilerServer);
try
{
    Directory.CreateDirectory(options.WorkDirectory);
    foreach ((string name, string text) in ProjectFiles.WorkRootFiles)
    {
        File.WriteAllText(Path.Combine(options.WorkDirectory, name), text);
    }

    ProtoGenSnapshot protoGen = ProtoGenSnapshot.Take(Repo.Root, Repo.BuildDirectory, BenchRepo.BuiltAssemblies, Path.Combine(options.WorkDirectory, "protogen"));
    Console.WriteLine($"ProtoGen.Bench: measuring ProtoGen {protoGen.Version}; work folder {options.WorkDirectory}");

    List<ProtoLayout> layouts = options.Synthetic ? [.. options.Sizes.Order().Select(size => SyntheticLayout.Create(size, options.Teams))] : [];
    if (options.Vendored)
    {
        layouts.Add(VendoredLayout.Create());
    }

    if (options.Corpus)
    {
        layouts.Add(CorpusLayout.Create(BenchRepo.CommonProtosPackage, BenchRepo.CommonProtosVersion, BenchRepo.GrpcProtos));
    }

    if (options.Libraries)
    {
        layouts.Add(SyntheticLayout.CreateLibraries(options.LibraryProtos, options.Teams));
    }

    var runner = new BenchRunner(options, protoGen, dotnet, Console.Out);
    var clock = Stopwatch.StartNew();
    var measured = new List<LayoutResult>();
    BenchResults? results = null;
    foreach (ProtoLayout layout in layouts)
    {
        measured.Add(runner.Run(layout));

        // Written after every layout, so a long run that fails late keeps what it measured.
        LayoutResult? headline = measured.Where(l => l.Name.StartsWith("synthetic-", StringComparison.Ordinal)).MaxBy(l => l.Protos);
        LayoutResult? vendored = measured.FirstOrDefault(l => l.Name == "vendored");
        LayoutResult? libraries = measured.FirstOrDefault(l => l.Name.StartsWith("libraries-", StringComparison.Ordinal));
        results = new BenchResults(
            DateTimeOffset.UtcNow,
            protoGen.Commit,
            protoGen.Dirty,
            MachineInfo.Describe(),
            options.Runs,
            options.CompilerServer,
            "dotnet run -c Release --project bench/ProtoGen.Bench --" + (args.Length == 0 ? string.Empty : " " + string.Join(' ', args)),
            [.. measured],
            new Summary(
                headline is null ? null : Ratios.Of(headline),
                vendored is null ? null : Ratios.Of(vendored),
                libraries is null ? null : LibraryRatios.Of(libraries)));
        Directory.CreateDirectory(options.OutputDirectory);
        File.WriteAllText(Path.Combine(options.OutputDirectory, "latest.md"), MarkdownReport.Render(results));
        JsonReport.Write(results, Path.Combine(options.OutputDirectory, "latest.json"));
    }

    Console.WriteLine(FormattableString.Invariant($"ProtoGen.Bench: {clock.Elapsed.TotalMinutes:0.0} min; results in {Path.Combine(options.OutputDirectory, "latest.md")} and latest.json"));
    Console.WriteLine(results!.Summary.CpuLine);
    Console.WriteLine(results.Summary.Line);
    return 0;
}
catch (BenchException e)
{
    Console.Error.WriteLine("ProtoGen.Bench: " + e.Message);
    return 1;
}
finally
{
    // With --compiler-server, the servers the bench's builds started would idle on for minutes: end them, by id.
    foreach (int pid in dotnet.StartedCompilerServers.Where(ProcFs.IsCompilerServer))
    {
        try
        {
            using Process server = Process.GetProcessById(pid);
            server.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }
    }
}

/// <summary>The machine a bench runs on.</summary>
internal static class MachineInfo
{
    public static Machine Describe() => new(
        Processor(),
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        RuntimeInformation.OSDescription,
        DotnetSdk(),
        Repo.GrpcVersion,
        Repo.GoogleProtobufVersion);

    private static string Processor() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : RuntimeInformation.ProcessArchitecture.ToString();

    private static string DotnetSdk() =>
        DotNet.Run(Repo.Root, TimeSpan.FromMinutes(1), "--version").AssertSucceeded().StandardOutput.Trim();
}
