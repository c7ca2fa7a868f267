using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ProtoGen.Bench.Layouts;
using ProtoGen.Bench.Logs;
using ProtoGen.Bench.Projects;
using ProtoGen.Bench.Reporting;
using ProtoGen.Bench.Running;
using ProtoGen.Testing.Infrastructure;

namespace ProtoGen.Bench;

/// <summary>A build that failed or timed out: the bench stops, naming its output log.</summary>
internal sealed class BenchException(string message) : Exception(message);

/// <summary>
/// Measures one layout: writes each variant's projects, restores them and builds each once unmeasured (warm-up and
/// check; not with --quick), then makes every run's builds — clean, no-op, touch, edit, and (for one project) the IDE's
/// design-time builds — alternating the variants build by build, and their order run by run.
/// </summary>
internal sealed class BenchRunner(BenchOptions options, ProtoGenSnapshot protoGen, DotnetCli dotnet, TextWriter progress)
{
    /// <summary>One project, plain Grpc.Tools against ProtoGen, every case.</summary>
    private static readonly Variant[] ProjectVariants = [Variant.GrpcTools, Variant.ProtoGen];

    /// <summary>
    /// A libraries layout: the monolithic project with plain Grpc.Tools, the split wired by hand with plain Grpc.Tools,
    /// and the split with ProtoGen; the command-line builds (a design-time build is of one project).
    /// </summary>
    private static readonly Variant[] LibraryVariants = [Variant.GrpcTools, Variant.SplitGrpcTools, Variant.SplitProtoGen];

    private static readonly BuildCase[] LibraryCases = [BuildCase.Clean, BuildCase.NoOp, BuildCase.TouchLeaf, BuildCase.EditSource];

    private int _edit;

    public LayoutResult Run(ProtoLayout layout)
    {
        bool libraries = layout.AppImportPrefix is not null;
        Variant[] variants = libraries ? LibraryVariants : ProjectVariants;
        BuildCase[] cases = libraries ? LibraryCases : BuildCaseNames.InRunOrder;
        progress.WriteLine(FormattableString.Invariant($"== {layout.Name}: {layout.Description} ({layout.ProtoCount} protos, {layout.ServiceCount} services, leaf {layout.LeafLogicalPath}, most imported {layout.MostImportedLogicalPath})"));
        string logs = Path.Combine(options.WorkDirectory, "logs", layout.Name);
        if (Directory.Exists(logs))
        {
            Directory.Delete(logs, recursive: true);
        }

        var projects = variants.ToDictionary(v => v, v => Write(layout, v));
        foreach (IBenchBuild project in projects.Values)
        {
            Check(dotnet.Restore(project.ProjectFile, Path.Combine(logs, project.Variant.Key(), "restore.log")), "restore", project);
            if (options.WarmUp)
            {
                CommandRun warmUp = Build(project, Path.Combine(logs, project.Variant.Key(), "warmup"));
                progress.WriteLine(FormattableString.Invariant($"   warm-up build {project.Variant.Title()}: {warmUp.Elapsed.TotalSeconds:0.0} s"));
            }
        }

        var samples = cases
            .SelectMany(c => variants.Select(v => (c, v)))
            .ToDictionary(key => key, _ => new List<BuildSample>());
        for (int run = 1; run <= options.Runs; run++)
        {
            Variant[] order = run % 2 == 1 ? variants : [.. variants.Reverse()];
            foreach (BuildCase buildCase in cases)
            {
                foreach (Variant variant in order)
                {
                    BuildSample sample = Measure(projects[variant], buildCase, run, logs);
                    samples[(buildCase, variant)].Add(sample);
                    progress.WriteLine(FormattableString.Invariant(
                        $"   run {run}/{options.Runs} {buildCase.Title(),-18} {variant.Title(),-26} {sample.WallSeconds,7:0.00} s  cpu {sample.CpuSeconds ?? 0,7:0.00} s  protoc phase {sample.ProtocPhaseSeconds,6:0.00} s  C# {sample.CSharpCompileSeconds,6:0.00} s  peak {sample.PeakRssMiB ?? 0,5:0} MiB  load {sample.LoadAverage ?? 0,5:0.0}"));
                }
            }
        }

        // After the last run's edit build: the generated C# of the current protos.
        var generated = projects.Values.ToDictionary(p => p.Variant.Key(), p => p.MeasureGeneratedCode(), StringComparer.Ordinal);
        var results = cases
            .SelectMany(c => variants.Select(v => new CaseResult(c.Key(), v.Key(), samples[(c, v)])))
            .ToList();
        return new LayoutResult(layout.Name, layout.Description, layout.ProtoCount, layout.ServiceCount, layout.LeafLogicalPath, layout.MostImportedLogicalPath, generated, results);
    }

    private IBenchBuild Write(ProtoLayout layout, Variant variant)
    {
        string directory = Path.Combine(options.WorkDirectory, "work", layout.Name, variant.Key());
        return variant.IsSplit()
            ? LibrarySolution.Write(layout, variant, directory, protoGen)
            : BenchProject.Write(layout, variant, directory, protoGen);
    }

    private BuildSample Measure(IBenchBuild project, BuildCase buildCase, int run, string logs)
    {
        switch (buildCase)
        {
            case BuildCase.Clean or BuildCase.DesignTimeCold:
                project.Clean();
                break;
            case BuildCase.TouchLeaf:
                project.TouchLeaf(++_edit);
                break;
            case BuildCase.DesignTimeEdit:
                project.TouchMostImported(++_edit);
                break;
            case BuildCase.EditSource:
                project.EditSource(++_edit);
                break;
        }

        string name = Path.Combine(logs, project.Variant.Key(), buildCase.Key() + "-run" + run.ToString(CultureInfo.InvariantCulture));
        bool designTime = buildCase.IsDesignTime();
        CommandRun build;
        if (buildCase is BuildCase.NoOp or BuildCase.DesignTimeNoOp)
        {
            // The binary log's cost (about half a second at 1,000 protos, for both variants) would be a large part of
            // a no-op build: time one without it, then take the targets from a second, instrumented no-op.
            build = Check(dotnet.Build(project.ProjectFile, binlog: null, name + "-timed.log", designTime), "build", project);
            Build(project, name, designTime);
        }
        else
        {
            build = Build(project, name, designTime);
        }

        BuildProfile profile = BinlogProfiler.Read(name + ".binlog");
        return BuildSample.From(run, build, Path.GetRelativePath(Repo.Root, name + ".binlog"), profile);
    }

    /// <summary>An instrumented build: binary log and analyzer report.</summary>
    private CommandRun Build(IBenchBuild project, string name, bool designTime = false) =>
        Check(dotnet.Build(project.ProjectFile, name + ".binlog", name + ".log", designTime), "build", project);

    private static CommandRun Check(CommandRun run, string what, IBenchBuild project) =>
        run.Succeeded
            ? run
            : throw new BenchException($"{what} of {project.ProjectFile} failed (exit code {run.ExitCode}); output in {run.OutputLog}:\n{run.Tail()}");
}
