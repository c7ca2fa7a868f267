using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ProtoGen.Bench.Logs;
using ProtoGen.Bench.Projects;

namespace ProtoGen.Bench.Reporting;

/// <summary>Writes latest.md: for each layout, the side-by-side times, where the time goes, and the targets of a clean build.</summary>
internal static class MarkdownReport
{
    public static string Render(BenchResults results)
    {
        var md = new StringBuilder();
        void Line(FormattableString line) => md.Append(FormattableString.Invariant(line)).Append('\n');

        Line($"# ProtoGen build benchmark");
        Line($"");
        Line($"Plain Grpc.Tools against Grpc.Tools + ProtoGen (include-path mapping, namespace rules, client wrappers), same protos. Written by `{results.BuildCommand}` on {results.Date:yyyy-MM-dd HH:mm} UTC; how each number is measured: [bench/README.md](../README.md).");
        Line($"");
        Line($"- ProtoGen: commit `{results.ProtoGenCommit}`{(results.ProtoGenUncommittedChanges ? " with uncommitted changes in build/ or src/" : string.Empty)}");
        Line($"- Machine: {results.Machine.Processor}, {results.Machine.Cores} cores, {results.Machine.MemoryGiB:0} GiB, {results.Machine.OperatingSystem}");
        Line($"- .NET SDK {results.Machine.DotnetSdk}, Grpc.Tools {results.Machine.GrpcTools}, Google.Protobuf {results.Machine.GoogleProtobuf}; `dotnet build --no-restore -nodeReuse:false -p:UseSharedCompilation={(results.CompilerServer ? "true" : "false")}`, Debug, binary log and `ReportAnalyzer` on for every measured build of both variants except the timed no-op build (a second no-op build gives its targets)");
        Line($"- {results.Runs} run(s) per case, the variants alternating build by build; times in seconds, median (min–max); ratio = ProtoGen's median / Grpc.Tools' median, lower is better. CPU = user + system time of the build's processes (less sensitive than wall time to other work on the machine; see the load average column)");
        Line($"");
        Line($"```");
        Line($"{results.Summary.CpuLine}");
        Line($"{results.Summary.Line}");
        Line($"```");
        Line($"(ratios of the {results.Summary.Layouts} layouts; keys without `vendored_` or `libraries_` are the first's)");

        foreach (LayoutResult layout in results.Layouts)
        {
            Line($"");
            Line($"## {layout.Name}");
            Line($"");
            Line($"{layout.Description}: {layout.Protos} protos, {layout.Services} services; the touched leaf is `{layout.Leaf}`, the most imported proto (the design-time edit) `{layout.MostImported}`.");
            Line($"");
            if (layout.Variants.Count == 2)
            {
                RenderSideBySide(md, layout);
            }
            else
            {
                RenderLibraries(md, layout);
                Line($"");
                Line($"Projects whose C# compile ran (csc called), in the last run, with its time in seconds:");
                Line($"");
                RenderCompiledProjects(md, layout);
            }

            Line($"");
            Line($"Where the time goes (medians; the protoc phase is `_Protobuf_CoreCompile` plus ProtoGen's targets; the generator runs inside the C# compile):");
            Line($"");
            RenderBreakdown(md, layout);
            Line($"");
            Line($"Targets of the clean build (median ms): the protoc-phase targets, and every target over 1% of the wall time in either variant:");
            Line($"");
            RenderTargets(md, layout);
            Line($"");
            string generated = string.Join("; ", layout.Variants.Select(v => Describe(v, layout.GeneratedCode[v.Key()])));
            Line($"Generated C# by protoc (files under obj/, the wrappers' generated code is in memory): {generated}.");
        }

        return md.ToString();
    }

    private static void RenderSideBySide(StringBuilder md, LayoutResult layout)
    {
        md.Append("| build | Grpc.Tools | Grpc.Tools + ProtoGen | ratio | CPU Grpc.Tools | CPU ProtoGen | CPU ratio |\n");
        md.Append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (BuildCase buildCase in BuildCaseNames.InRunOrder)
        {
            Row(md, buildCase.Title(), layout, buildCase, [c => c.Wall, c => c.Cpu], "0.00");
        }

        Row(md, "protoc phase of the clean build", layout, BuildCase.Clean, [c => c.ProtocPhase], "0.00");
        Row(md, "peak RSS of the clean build, MiB", layout, BuildCase.Clean, [c => c.PeakRssMiB], "0");
    }

    /// <summary>
    /// A libraries layout: the monolithic project with plain Grpc.Tools (a), the split wired by hand (b), the split with
    /// ProtoGen, and the split with ProtoGen's ratios to both.
    /// </summary>
    private static void RenderLibraries(StringBuilder md, LayoutResult layout)
    {
        md.Append("| build | (a) monolith, Grpc.Tools | (b) ").Append(Variant.SplitGrpcTools.Title()).Append(" | ").Append(Variant.SplitProtoGen.Title())
            .Append(" | vs (a) | vs (b) | CPU (a) | CPU (b) | CPU ProtoGen |\n");
        md.Append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (BuildCase buildCase in layout.BuildCases)
        {
            CaseResult monolith = layout.Get(buildCase, Variant.GrpcTools);
            CaseResult split = layout.Get(buildCase, Variant.SplitGrpcTools);
            CaseResult protoGen = layout.Get(buildCase, Variant.SplitProtoGen);
            md.Append(CultureInfo.InvariantCulture, $"| {buildCase.Title()} | {Format(monolith.Wall, "0.00")} | {Format(split.Wall, "0.00")} | {Format(protoGen.Wall, "0.00")} | {Ratio(protoGen.Wall, monolith.Wall)} | {Ratio(protoGen.Wall, split.Wall)} | {Median(monolith.Cpu)} | {Median(split.Cpu)} | {Median(protoGen.Cpu)} |\n");
        }
    }

    private static void RenderCompiledProjects(StringBuilder md, LayoutResult layout)
    {
        md.Append("| build | variant | C# compiles |\n| --- | --- | --- |\n");
        foreach (BuildCase buildCase in layout.BuildCases)
        {
            foreach (Variant variant in layout.Variants)
            {
                IReadOnlyDictionary<string, double> compiled = layout.Get(buildCase, variant).Samples[^1].CSharpCompileMillisecondsByProject;
                string list = compiled.Count == 0
                    ? "none"
                    : string.Join(", ", compiled.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                        .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value / 1000:0.0}")));
                md.Append(CultureInfo.InvariantCulture, $"| {buildCase.Title()} | {variant.Title()} | {list} |\n");
            }
        }
    }

    private static string Ratio(Stat? value, Stat? baseline) =>
        baseline is { Median: > 0 } && value is not null
            ? (value.Median / baseline.Median).ToString("0.00", CultureInfo.InvariantCulture) + "×"
            : "–";

    /// <summary>A row: each measure side by side (median, min–max) with the ratio of the medians; cells left empty when fewer measures.</summary>
    private static void Row(StringBuilder md, string title, LayoutResult layout, BuildCase buildCase, Func<CaseResult, Stat?>[] measures, string format)
    {
        md.Append("| ").Append(title);
        foreach (Func<CaseResult, Stat?> measure in measures)
        {
            Stat? plain = measure(layout.Get(buildCase, Variant.GrpcTools));
            Stat? protoGen = measure(layout.Get(buildCase, Variant.ProtoGen));
            string ratio = Ratio(protoGen, plain);
            md.Append(" | ").Append(Format(plain, format)).Append(" | ").Append(Format(protoGen, format)).Append(" | ").Append(ratio);
        }

        md.Append(string.Concat(Enumerable.Repeat(" | ", 3 * (2 - measures.Length)))).Append(" |\n");
    }

    private static void RenderBreakdown(StringBuilder md, LayoutResult layout)
    {
        md.Append("| build | variant | wall | CPU | protoc phase | `_Protobuf_CoreCompile` | ProtoGen targets | C# compile | ProtoGen generator | peak RSS, MiB (build tree) | load avg. |\n");
        md.Append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (BuildCase buildCase in layout.BuildCases)
        {
            foreach (Variant variant in layout.Variants)
            {
                CaseResult c = layout.Get(buildCase, variant);
                md.Append(CultureInfo.InvariantCulture, $"| {buildCase.Title()} | {variant.Title()} | {Median(c.Wall)} | {Median(c.Cpu)} | {Median(c.ProtocPhase)} | {Median(c.GrpcToolsProtoc)} | {Median(c.ProtoGenTargets)} | {Median(c.CSharpCompile)} | {Median(c.Generator)} | {Median(c.PeakRssMiB, "0")} ({Median(c.PeakTreeRssMiB, "0")}) | {Median(c.LoadAverage, "0.0")} |\n");
            }
        }
    }

    private static void RenderTargets(StringBuilder md, LayoutResult layout)
    {
        IReadOnlyDictionary<string, double>[] variants = [.. layout.Variants.Select(v => layout.Get(BuildCase.Clean, v).TargetMedianMilliseconds)];
        double threshold = 10 * (layout.Get(BuildCase.Clean, Variant.GrpcTools).Wall?.Median ?? 0);     // 1% of the wall time, in ms
        var names = variants.SelectMany(v => v.Keys).Distinct(StringComparer.Ordinal)
            .Where(n => BuildProfile.IsProtocPhaseTarget(n) || variants.Any(v => v.GetValueOrDefault(n) >= threshold))
            .OrderByDescending(n => variants.Max(v => v.GetValueOrDefault(n)))
            .ThenBy(n => n, StringComparer.Ordinal);
        md.Append("| target | ").Append(string.Join(" | ", layout.Variants.Select(v => v.Title()))).Append(" |\n| --- |")
            .Append(string.Concat(layout.Variants.Select(_ => " ---: |"))).Append('\n');
        foreach (string name in names)
        {
            md.Append(CultureInfo.InvariantCulture, $"| `{name}` | {string.Join(" | ", variants.Select(v => Milliseconds(v, name)))} |\n");
        }
    }

    private static string Describe(Variant variant, GeneratedCode code) =>
        string.Create(CultureInfo.InvariantCulture, $"{variant.Title()} {code.Files} files, {code.Lines:N0} lines, {code.Bytes / 1024.0 / 1024:0.0} MiB");

    private static string Milliseconds(IReadOnlyDictionary<string, double> targets, string name) =>
        targets.TryGetValue(name, out double ms) ? ms.ToString("0", CultureInfo.InvariantCulture) : "–";

    private static string Format(Stat? stat, string format) =>
        stat is null
            ? "–"
            : string.Create(CultureInfo.InvariantCulture, $"{stat.Median.ToString(format, CultureInfo.InvariantCulture)} ({stat.Min.ToString(format, CultureInfo.InvariantCulture)}–{stat.Max.ToString(format, CultureInfo.InvariantCulture)})");

    private static string Median(Stat? stat, string format = "0.00") =>
        stat is null ? "–" : stat.Median.ToString(format, CultureInfo.InvariantCulture);
}
