using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProtoGen.Generators;
using ProtoGen.Testing.Roslyn;

// The generator's driver benchmark. Usage:
//   dotnet run -c Release --project bench/ProtoGen.GeneratorBench -- <project dir> [--runs N] [--analyzers]
// <project dir> is a built ProtoGen project (a bench layout's protogen/ folder): its obj/ holds the C# that
// Grpc.Tools wrote and the wrapper manifest that ProtoGen wrote. --analyzers runs the .NET SDK's own analyzers
// (Microsoft.CodeAnalysis.NetAnalyzers, as a build does) with every compile, concurrently with the emit as csc does.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: ProtoGen.GeneratorBench <built ProtoGen project dir> [--runs N] [--analyzers]");
    return 2;
}

string projectDir = Path.GetFullPath(args[0]);
int runsAt = Array.IndexOf(args, "--runs");
int runs = runsAt > 0 && runsAt + 1 < args.Length ? int.Parse(args[runsAt + 1], CultureInfo.InvariantCulture) : 5;
ImmutableArray<DiagnosticAnalyzer> analyzers = args.Contains("--analyzers") ? SdkAnalyzers.Load() : [];
ImmutableDictionary<string, ReportDiagnostic> severities = analyzers.IsEmpty ? ImmutableDictionary<string, ReportDiagnostic>.Empty : SdkAnalyzers.DefaultSeverities().ToImmutableDictionary();
Console.WriteLine(analyzers.IsEmpty ? "without the SDK's analyzers" : $"with the SDK's analyzers ({analyzers.Length}, from {SdkAnalyzers.Directory})");
string obj = Path.Combine(projectDir, "obj");

// The generator as the compiler runs it, over the .NET 10, Google.Protobuf, Grpc.Core.Api and ProtoGen.Runtime
// references, without documentation parsing or step tracking (neither is on in a normal build).
var harness = new RoslynHarness(
    () => new ClientWrapperGenerator(),
    RoslynHarness.Net100With(typeof(Google.Protobuf.IMessage), typeof(Grpc.Core.ClientBase<>), typeof(ProtoGen.Runtime.GrpcCallDefaults)),
    new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None))
{
    TrackSteps = false,
};

string[] files = Directory.GetFiles(obj, "*.cs", SearchOption.AllDirectories)
    .Where(static f => !f.Contains("/ref/", StringComparison.Ordinal) && !f.EndsWith("AssemblyInfo.cs", StringComparison.Ordinal) && !f.EndsWith(".GlobalUsings.g.cs", StringComparison.Ordinal))
    .Concat(Directory.GetFiles(projectDir, "*.cs", SearchOption.TopDirectoryOnly))
    .OrderBy(static f => f, StringComparer.Ordinal)
    .ToArray();
string manifest = Directory.GetFiles(obj, "*.protogen-wrappers", SearchOption.AllDirectories).Single();
AdditionalText[] additional = [new InMemoryAdditionalText(manifest, File.ReadAllText(manifest))];
var globals = new Dictionary<string, string>
{
    ["build_property.ProtoGenClientWrappers"] = "true",
    ["build_property.ProtoGenDefaultTimeout"] = "30s",
};

var sw = Stopwatch.StartNew();
SyntaxTree[] trees = harness.ParseFiles(files);
long lines = trees.Sum(static t => (long)t.GetText().Lines.Count);
Console.WriteLine($"parsed {trees.Length} files, {lines:N0} lines in {sw.Elapsed.TotalSeconds:F2} s");

// With --analyzers, the rule severities of a net10.0 project, so the analyzers that run are the ones a build runs.
CSharpCompilation WithSeverities(CSharpCompilation compilation)
    => compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(compilation.Options.SpecificDiagnosticOptions.SetItems(severities)));

CSharpCompilation Compilation() => WithSeverities(harness.Compilation(trees, assemblyName: "BenchApp"));

GeneratorDriver Driver(IReadOnlyDictionary<string, string>? options = null) => harness.CreateDriver(additional, options ?? globals);

var generatorTimes = new List<double>();
var compileBare = new List<double>();
var compileWrapped = new List<double>();
var compileOther = new List<double>();
var incremental = new List<double>();
Compilation? wrapped = null;
for (int run = 0; run <= runs; run++)
{
    CSharpCompilation compilation = Compilation();
    GeneratorDriver driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
    double generator = driver.GetTimingInfo().ElapsedTime.TotalSeconds;
    if (diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error))
    {
        Console.Error.WriteLine(string.Join(Environment.NewLine, diagnostics));
        return 1;
    }

    // An unrelated edit: the driver runs again over a compilation with one tree replaced.
    SyntaxTree unrelated = output.SyntaxTrees.First(static t => t.FilePath.EndsWith("Unrelated.cs", StringComparison.Ordinal));
    CSharpCompilation edited = compilation.ReplaceSyntaxTree(unrelated, unrelated.WithChangedText(unrelated.GetText().WithChanges(new TextChange(new TextSpan(0, 0), "// edit\n"))));
    driver = driver.RunGenerators(edited);
    double again = driver.GetTimingInfo().ElapsedTime.TotalSeconds;

    sw.Restart();
    Emit(Compilation(), analyzers);
    double bare = sw.Elapsed.TotalSeconds;
    sw.Restart();
    Emit(output, analyzers);
    double withWrappers = sw.Elapsed.TotalSeconds;
    wrapped = output;

    // The other overload set, compiled whole too.
    var otherOptions = new Dictionary<string, string>(globals) { ["build_property.ProtoGenClientWrapperOverloads"] = OtherOverloads() };
    Driver(otherOptions).RunGeneratorsAndUpdateCompilation(Compilation(), out Compilation other, out _);
    sw.Restart();
    Emit(other, analyzers);
    double withOther = sw.Elapsed.TotalSeconds;
    Console.WriteLine($"run {run}{(run == 0 ? " (warm-up)" : string.Empty)}: generator {generator:F2} s, after an unrelated edit {again:F3} s; compile without wrappers {bare:F2} s, with {withWrappers:F2} s ({GlobalDefault()}), with {withOther:F2} s ({OtherOverloads()})");
    if (run > 0)
    {
        compileOther.Add(withOther);
        generatorTimes.Add(generator);
        incremental.Add(again);
        compileBare.Add(bare);
        compileWrapped.Add(withWrappers);
    }
}

// The wrappers alone, compiled against the protoc output as an assembly: their own compile cost, with less noise
// than the difference of two whole compiles. Every lever side by side, in one run: the overload sets
// (ProtoGenClientWrapperOverloads), and the doc comments removed (the most "docs in one place" can save).
MetadataReference protocAssembly = MetadataReference.CreateFromImage(RoslynHarness.Emit(Compilation()));
var variants = new List<(string Name, SyntaxTree[] Trees)>();
foreach (string overloads in new[] { "All", "Minimal" })
{
    var options = new Dictionary<string, string>(globals) { ["build_property.ProtoGenClientWrapperOverloads"] = overloads };
    Driver(options).RunGeneratorsAndUpdateCompilation(Compilation(), out Compilation variantOutput, out _);
    SyntaxTree[] variantTrees = variantOutput.SyntaxTrees.Skip(trees.Length).ToArray();
    variants.Add((overloads, variantTrees));
    variants.Add((overloads + ", no doc comments", variantTrees.Select(WithoutDocComments).ToArray()));
}

variants.Add(("none (an empty compilation)", []));
var alone = variants.ToDictionary(static v => v.Name, static _ => new List<double>());
for (int run = 0; run <= runs; run++)
{
    foreach ((string name, SyntaxTree[] variantTrees) in variants)
    {
        CSharpCompilation only = WithSeverities(harness.Compilation(variantTrees, harness.References.Add(protocAssembly), "Wrappers"));
        sw.Restart();
        Emit(only, analyzers);
        if (run > 0)
        {
            alone[name].Add(sw.Elapsed.TotalSeconds);
        }
    }
}

int generated = wrapped!.SyntaxTrees.Count() - trees.Length;
long generatedLines = wrapped.SyntaxTrees.Skip(trees.Length).Sum(static t => (long)t.GetText().Lines.Count);
double g = Median(generatorTimes), b = Median(compileBare), w = Median(compileWrapped);
double empty = Median(alone["none (an empty compilation)"]);
Console.WriteLine($"wrappers: {generated} files, {generatedLines:N0} lines");
double o = Median(compileOther);
Console.WriteLine($"median of {runs}: generator {g:F2} s ({Min(generatorTimes):F2}-{Max(generatorTimes):F2}); unrelated edit {Median(incremental):F3} s; compile {b:F2} s without wrappers, {w:F2} s with {GlobalDefault()} (+{w - b:F2} s, {w / b:F3}x), {o:F2} s with {OtherOverloads()} (+{o - b:F2} s, {o / b:F3}x)");
Console.WriteLine("the wrappers alone (minus an empty compilation), and the whole compile that implies:");
foreach ((string name, SyntaxTree[] variantTrees) in variants.Where(static v => v.Trees.Length > 0))
{
    double cost = Median(alone[name]) - empty;
    long variantLines = variantTrees.Sum(static t => (long)t.GetText().Lines.Count);
    Console.WriteLine(FormattableString.Invariant($"  {name,-22} {variantLines,9:N0} lines  +{cost:F2} s  ({(b + cost) / b:F3}x)"));
}

Console.WriteLine(FormattableString.Invariant($"generator-bench: generator_s={g:F2} compile_s={g + w:F2} generator_share={g / (g + w):P1} wrappers_alone_s={Median(alone[GlobalDefault()]) - empty:F2} wrappers_alone_implied={(b + Median(alone[GlobalDefault()]) - empty) / b:F3} wrappers_compile_vs_unwrapped={w / b:F3}"));
return 0;

// The variant the generator emits without ProtoGenClientWrapperOverloads.
static string GlobalDefault() => ProtoGen.Generators.ClientWrapperGenerator.DefaultOverloads;

static string OtherOverloads() => GlobalDefault() == "All" ? "Minimal" : "All";

static SyntaxTree WithoutDocComments(SyntaxTree tree)
{
    string text = string.Join("\n", tree.GetText().ToString().Split('\n').Where(static line => !line.TrimStart().StartsWith("///", StringComparison.Ordinal)));
    return CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), (CSharpParseOptions)tree.Options, tree.FilePath);
}

static void Emit(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
{
    using var stream = new MemoryStream();
    if (!analyzers.IsEmpty)
    {
        // As csc does: the analyzers consume the compilation's events while it emits.
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new AnalyzerOptions([]));
        System.Threading.Tasks.Task<ImmutableArray<Diagnostic>> analysis = withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Microsoft.CodeAnalysis.Emit.EmitResult analyzed = withAnalyzers.Compilation.Emit(stream);
        analysis.GetAwaiter().GetResult();
        if (!analyzed.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, analyzed.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        }

        return;
    }

    _ = RoslynHarness.Emit(compilation);
}

static double Median(List<double> values)
{
    var sorted = values.OrderBy(static v => v).ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static double Min(List<double> values) => values.Min();

static double Max(List<double> values) => values.Max();

/// <summary>The .NET SDK's analyzers (Microsoft.CodeAnalysis.NetAnalyzers), from the SDK that runs the bench.</summary>
internal static class SdkAnalyzers
{
    public static string Directory { get; private set; } = string.Empty;

    public static ImmutableArray<DiagnosticAnalyzer> Load()
    {
        string root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "sdk"));
        string sdk = System.IO.Directory.GetDirectories(root).OrderBy(static d => d, StringComparer.Ordinal).Last();
        string folder = Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers");
        Directory = folder;
        var loader = new Loader();
        return
        [
            .. new AnalyzerFileReference(Path.Combine(folder, "Microsoft.CodeAnalysis.NetAnalyzers.dll"), loader).GetAnalyzers(LanguageNames.CSharp),
            .. new AnalyzerFileReference(Path.Combine(folder, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"), loader).GetAnalyzers(LanguageNames.CSharp),
        ];
    }

    /// <summary>
    /// The rule severities a net10.0 project gets by default (the SDK's analysislevel_10_default.globalconfig), so
    /// the analyzers that run are the ones a build runs.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, ReportDiagnostic>> DefaultSeverities()
    {
        string root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "sdk"));
        string sdk = System.IO.Directory.GetDirectories(root).OrderBy(static d => d, StringComparer.Ordinal).Last();
        string config = Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers", "build", "config", "analysislevel_10_default.globalconfig");
        foreach (string line in File.Exists(config) ? File.ReadLines(config) : [])
        {
            string[] parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].StartsWith("dotnet_diagnostic.", StringComparison.Ordinal) && parts[0].EndsWith(".severity", StringComparison.Ordinal))
            {
                string id = parts[0]["dotnet_diagnostic.".Length..^".severity".Length];
                ReportDiagnostic severity = parts[1] switch
                {
                    "none" => ReportDiagnostic.Suppress,
                    "silent" => ReportDiagnostic.Hidden,
                    "suggestion" => ReportDiagnostic.Info,
                    "warning" => ReportDiagnostic.Warn,
                    "error" => ReportDiagnostic.Error,
                    _ => ReportDiagnostic.Default,
                };
                yield return new KeyValuePair<string, ReportDiagnostic>(id, severity);
            }
        }
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
    }
}
