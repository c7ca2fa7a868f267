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
/// Measures one layout: writes both projects, restores them and builds each once unmeasured (warm-up and check;
/// not with --quick), then makes every run's builds — clean, no-op, touch, edit, and the IDE's design-time builds —
/// alternating the two variants build by build, and the variant that goes first run by run.
/// </summary>
internal sealed class BenchRunner(BenchOptions options, ProtoGenSnapshot protoGen, DotnetCli dotnet, TextWriter progress)
{
    private static readonly Variant[] Variants = [Variant.GrpcTools, Variant.ProtoGen];
    private int _edit;

    public LayoutResult Run(ProtoLayout layout)
    {
        progress.WriteLine(FormattableString.Invariant($"== {layout.Name}: {layout.Description} ({layout.ProtoCount} protos, {layout.ServiceCount} services, leaf {layout.LeafLogicalPath}, most imported {layout.MostImportedLogicalPath})"));
        string logs = Path.Combine(options.WorkDirectory, "logs", layout.Name);
        if (Directory.Exists(logs))
        {
            Directory.Delete(logs, recursive: true);
        }

        var projects = Variants.ToDictionary(
            v => v,
            v => BenchProject.Write(layout, v, Path.Combine(options.WorkDirectory, "work", layout.Name, v.Key()), protoGen));
        foreach (BenchProject project in projects.Values)
        {
            Check(dotnet.Restore(project.ProjectFile, Path.Combine(logs, project.Variant.Key(), "restore.log")), "restore", project);
            if (options.WarmUp)
            {
                CommandRun warmUp = Build(project, Path.Combine(logs, project.Variant.Key(), "warmup"));
                progress.WriteLine(FormattableString.Invariant($"   warm-up build {project.Variant.Title()}: {warmUp.Elapsed.TotalSeconds:0.0} s"));
            }
        }

        var samples = BuildCaseNames.InRunOrder
            .SelectMany(c => Variants.Select(v => (c, v)))
            .ToDictionary(key => key, _ => new List<BuildSample>());
        for (int run = 1; run <= options.Runs; run++)
        {
            Variant[] order = run % 2 == 1 ? Variants : [.. Variants.Reverse()];
            foreach (BuildCase buildCase in BuildCaseNames.InRunOrder)
            {
                foreach (Variant variant in order)
                {
                    BuildSample sample = Measure(projects[variant], buildCase, run, logs);
                    samples[(buildCase, variant)].Add(sample);
                    progress.WriteLine(FormattableString.Invariant(
                        $"   run {run}/{options.Runs} {buildCase.Title(),-18} {variant.Title(),-22} {sample.WallSeconds,7:0.00} s  cpu {sample.CpuSeconds ?? 0,7:0.00} s  protoc phase {sample.ProtocPhaseSeconds,6:0.00} s  C# {sample.CSharpCompileSeconds,6:0.00} s  peak {sample.PeakRssMiB ?? 0,5:0} MiB  load {sample.LoadAverage ?? 0,5:0.0}"));
                }
            }
        }

        // After the last run's edit build: the generated C# of the current protos.
        var generated = projects.Values.ToDictionary(p => p.Variant.Key(), p => p.MeasureGeneratedCode(), StringComparer.Ordinal);
        var cases = BuildCaseNames.InRunOrder
            .SelectMany(c => Variants.Select(v => new CaseResult(c.Key(), v.Key(), samples[(c, v)])))
            .ToList();
        return new LayoutResult(layout.Name, layout.Description, layout.ProtoCount, layout.ServiceCount, layout.LeafLogicalPath, layout.MostImportedLogicalPath, generated, cases);
    }

    private BuildSample Measure(BenchProject project, BuildCase buildCase, int run, string logs)
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
    private CommandRun Build(BenchProject project, string name, bool designTime = false) =>
        Check(dotnet.Build(project.ProjectFile, name + ".binlog", name + ".log", designTime), "build", project);

    private static CommandRun Check(CommandRun run, string what, BenchProject project) =>
        run.Succeeded
            ? run
            : throw new BenchException($"{what} of {project.ProjectFile} failed (exit code {run.ExitCode}); output in {run.OutputLog}:\n{run.Tail()}");
}
