using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Serialization;
using ProtoGen.Bench.Logs;
using ProtoGen.Bench.Projects;
using ProtoGen.Bench.Running;

namespace ProtoGen.Bench.Reporting;

/// <summary>One measured build.</summary>
/// <remarks><see cref="Binlog"/> is relative to the repository when the work folder is inside it.</remarks>
internal sealed record BuildSample(
    int Run,
    double WallSeconds,
    double? CpuSeconds,
    double? LoadAverage,
    double ProtocPhaseSeconds,
    double GrpcToolsProtocSeconds,
    double ProtoGenTargetsSeconds,
    [property: JsonPropertyName("csharpCompileSeconds")] double CSharpCompileSeconds,
    double? GeneratorSeconds,
    double? AllGeneratorsSeconds,
    double? PeakRssMiB,
    double? PeakTreeRssMiB,
    string Binlog,
    [property: JsonIgnore] IReadOnlyDictionary<string, double> TargetMilliseconds,
    IReadOnlyDictionary<string, double> CSharpCompileMillisecondsByProject)
{
    private const double MiB = 1024 * 1024;

    public static BuildSample From(int run, CommandRun build, string binlog, BuildProfile profile) =>
        new(
            run,
            build.Elapsed.TotalSeconds,
            build.CpuTime?.TotalSeconds,
            build.LoadAverage,
            profile.ProtocPhaseSeconds,
            profile.GrpcToolsProtocSeconds,
            profile.ProtoGenTargetsSeconds,
            profile.CSharpCompileSeconds,
            profile.ProtoGenGeneratorSeconds,
            profile.AllGeneratorsSeconds,
            build.PeakBytes / MiB,
            build.PeakTreeBytes / MiB,
            binlog,
            profile.TargetMilliseconds,
            profile.CSharpCompileByProject);
}

/// <summary>The runs of one case of one variant, and their statistics.</summary>
internal sealed record CaseResult(string Case, string Variant, IReadOnlyList<BuildSample> Samples)
{
    public Stat? Wall => Stat.Of(Samples.Select(s => (double?)s.WallSeconds));

    /// <summary>CPU time of the build's processes (user + system).</summary>
    public Stat? Cpu => Stat.Of(Samples.Select(s => s.CpuSeconds));

    /// <summary>The machine's 1-minute load average when the builds started.</summary>
    public Stat? LoadAverage => Stat.Of(Samples.Select(s => s.LoadAverage));

    /// <summary><c>_Protobuf_CoreCompile</c> plus every <c>_ProtoGen_*</c>/<c>ProtoGen_*</c> target.</summary>
    public Stat? ProtocPhase => Stat.Of(Samples.Select(s => (double?)s.ProtocPhaseSeconds));

    public Stat? GrpcToolsProtoc => Stat.Of(Samples.Select(s => (double?)s.GrpcToolsProtocSeconds));

    public Stat? ProtoGenTargets => Stat.Of(Samples.Select(s => (double?)s.ProtoGenTargetsSeconds));

    [JsonPropertyName("csharpCompile")]
    public Stat? CSharpCompile => Stat.Of(Samples.Select(s => (double?)s.CSharpCompileSeconds));

    public Stat? Generator => Stat.Of(Samples.Select(s => s.GeneratorSeconds));

    public Stat? PeakRssMiB => Stat.Of(Samples.Select(s => s.PeakRssMiB));

    public Stat? PeakTreeRssMiB => Stat.Of(Samples.Select(s => s.PeakTreeRssMiB));

    /// <summary>The median time of every target that ran, in milliseconds.</summary>
    public IReadOnlyDictionary<string, double> TargetMedianMilliseconds =>
        Samples.SelectMany(s => s.TargetMilliseconds.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToDictionary(name => name, name => Stat.Of(Samples.Select(s => (double?)s.TargetMilliseconds.GetValueOrDefault(name)))!.Median, StringComparer.Ordinal);
}

/// <summary>Everything measured for one layout.</summary>
internal sealed record LayoutResult(
    string Name,
    string Description,
    int Protos,
    int Services,
    string Leaf,
    string MostImported,
    IReadOnlyDictionary<string, GeneratedCode> GeneratedCode,
    IReadOnlyList<CaseResult> Cases)
{
    public CaseResult Get(BuildCase buildCase, Variant variant) =>
        Cases.Single(c => c.Case == buildCase.Key() && c.Variant == variant.Key());

    /// <summary>One variant's median of a measure over another's, for one case; null when either has no value.</summary>
    public double? Ratio(BuildCase buildCase, Variant variant, Variant baseline, Func<CaseResult, Stat?> measure) =>
        measure(Get(buildCase, variant))?.Median / measure(Get(buildCase, baseline))?.Median;

    /// <summary>The variants built, in the order of the first run.</summary>
    [JsonIgnore]
    public IReadOnlyList<Variant> Variants => [.. Cases.Select(c => c.Variant).Distinct(StringComparer.Ordinal).Select(VariantNames.Parse)];

    /// <summary>The cases measured, in run order.</summary>
    [JsonIgnore]
    public IReadOnlyList<BuildCase> BuildCases => [.. BuildCaseNames.InRunOrder.Where(b => Cases.Any(c => c.Case == b.Key()))];
}

/// <summary>ProtoGen's median divided by plain Grpc.Tools' median, for one layout (lower is better).</summary>
internal sealed record Ratios(
    string Layout,
    double Clean,
    double NoOp,
    double Touch1,
    double ProtocPhase,
    double DesignTimeCold,
    double DesignTimeNoOp,
    double DesignTimeEdit,
    double? CleanCSharpCompile,
    double? CleanCpu,
    double? Touch1Cpu)
{
    public static Ratios Of(LayoutResult layout)
    {
        double? Ratio(BuildCase buildCase, Func<CaseResult, Stat?> measure) => layout.Ratio(buildCase, Variant.ProtoGen, Variant.GrpcTools, measure);

        return new Ratios(
            layout.Name,
            Ratio(BuildCase.Clean, c => c.Wall)!.Value,
            Ratio(BuildCase.NoOp, c => c.Wall)!.Value,
            Ratio(BuildCase.TouchLeaf, c => c.Wall)!.Value,
            Ratio(BuildCase.Clean, c => c.ProtocPhase)!.Value,
            Ratio(BuildCase.DesignTimeCold, c => c.Wall)!.Value,
            Ratio(BuildCase.DesignTimeNoOp, c => c.Wall)!.Value,
            Ratio(BuildCase.DesignTimeEdit, c => c.Wall)!.Value,
            Ratio(BuildCase.Clean, c => c.CSharpCompile),
            Ratio(BuildCase.Clean, c => c.Cpu),
            Ratio(BuildCase.TouchLeaf, c => c.Cpu));
    }
}

/// <summary>
/// A libraries layout's ratios: the split with ProtoGen's median over the monolithic project with plain Grpc.Tools
/// (a), or over the same split wired by hand with plain Grpc.Tools (b).
/// </summary>
internal sealed record LibraryRatios(
    string Layout,
    double Touch1VsMonolith,
    double EditSourceVsMonolith,
    double CleanVsMonolith,
    double NoOpVsSplitGrpcTools,
    double? CleanCpuVsMonolith,
    double? Touch1CpuVsMonolith)
{
    public static LibraryRatios Of(LayoutResult layout)
    {
        double? Ratio(BuildCase buildCase, Variant baseline, Func<CaseResult, Stat?> measure) => layout.Ratio(buildCase, Variant.SplitProtoGen, baseline, measure);

        return new LibraryRatios(
            layout.Name,
            Ratio(BuildCase.TouchLeaf, Variant.GrpcTools, c => c.Wall)!.Value,
            Ratio(BuildCase.EditSource, Variant.GrpcTools, c => c.Wall)!.Value,
            Ratio(BuildCase.Clean, Variant.GrpcTools, c => c.Wall)!.Value,
            Ratio(BuildCase.NoOp, Variant.SplitGrpcTools, c => c.Wall)!.Value,
            Ratio(BuildCase.Clean, Variant.GrpcTools, c => c.Cpu),
            Ratio(BuildCase.TouchLeaf, Variant.GrpcTools, c => c.Cpu));
    }
}

/// <summary>
/// The ratios a run ends with: the largest synthetic layout's (the headline), the vendored layout's and the libraries
/// layout's, each when it was built.
/// </summary>
internal sealed record Summary(Ratios? Headline, Ratios? Vendored, LibraryRatios? Libraries)
{
    /// <summary>Which layouts the ratios are of.</summary>
    public string Layouts => string.Join(", ", new[] { Headline?.Layout, Vendored?.Layout, Libraries?.Layout }.OfType<string>());

    /// <summary>The same for CPU time, less sensitive to other work on the machine.</summary>
    public string CpuLine => "bench-cpu:"
        + (Headline is { } h ? FormattableString.Invariant($" clean_vs_grpctools={h.CleanCpu:0.00} touch1_vs_grpctools={h.Touch1Cpu:0.00}") : string.Empty)
        + (Vendored is { } v ? FormattableString.Invariant($" vendored_clean_vs_grpctools={v.CleanCpu:0.00} vendored_touch1_vs_grpctools={v.Touch1Cpu:0.00}") : string.Empty)
        + (Libraries is { } l ? FormattableString.Invariant($" libraries_clean_vs_monolith={l.CleanCpuVsMonolith:0.00} libraries_touch1_vs_monolith={l.Touch1CpuVsMonolith:0.00}") : string.Empty);

    /// <summary>The closing line of a bench run; keys without <c>vendored_</c> or <c>libraries_</c> are the headline layout's.</summary>
    public string Line
    {
        get
        {
            var line = new StringBuilder("bench:");
            void Add(FormattableString keys) => line.Append(' ').Append(FormattableString.Invariant(keys));

            if (Headline is { } h)
            {
                Add($"clean_vs_grpctools={h.Clean:0.00} noop_vs_grpctools={h.NoOp:0.00} touch1_vs_grpctools={h.Touch1:0.00} protoc_phase_vs_grpctools={h.ProtocPhase:0.00}");
            }

            if (Vendored is { } v)
            {
                Add($"vendored_clean_vs_grpctools={v.Clean:0.00} vendored_noop_vs_grpctools={v.NoOp:0.00} vendored_touch1_vs_grpctools={v.Touch1:0.00}");
            }

            if (Headline is { } hd)
            {
                Add($"dtb_edit_vs_grpctools={hd.DesignTimeEdit:0.00} dtb_noop_vs_grpctools={hd.DesignTimeNoOp:0.00}");
            }

            if (Vendored is { } w)
            {
                Add($"vendored_dtb_edit_vs_grpctools={w.DesignTimeEdit:0.00} vendored_dtb_noop_vs_grpctools={w.DesignTimeNoOp:0.00}");
            }

            if (Headline is { } hw)
            {
                // The clean build's CoreCompile with every client wrapped (ProtoGen's side) over plain Grpc.Tools' (no wrappers).
                Add($"wrappers_compile_vs_unwrapped={hw.CleanCSharpCompile:0.00}");
            }

            if (Libraries is { } l)
            {
                Add($"libraries_touch1_vs_monolith={l.Touch1VsMonolith:0.00} libraries_editcs_vs_monolith={l.EditSourceVsMonolith:0.00} libraries_clean_vs_monolith={l.CleanVsMonolith:0.00} libraries_noop_vs_split_grpctools={l.NoOpVsSplitGrpcTools:0.00}");
            }

            return line.ToString();
        }
    }
}

/// <summary>The machine and tools of a bench run.</summary>
internal sealed record Machine(string Processor, int Cores, double MemoryGiB, string OperatingSystem, string DotnetSdk, string GrpcTools, string GoogleProtobuf);

/// <summary>A whole bench run: what is written to latest.json.</summary>
internal sealed record BenchResults(
    DateTimeOffset Date,
    string ProtoGenCommit,
    bool ProtoGenUncommittedChanges,
    Machine Machine,
    int Runs,
    bool CompilerServer,
    string BuildCommand,
    IReadOnlyList<LayoutResult> Layouts,
    Summary Summary);
