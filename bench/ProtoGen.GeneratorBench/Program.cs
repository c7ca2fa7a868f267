using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ProtoGen.Generators;
using ProtoGen.Testing.Roslyn;

// The generator's driver benchmark. Usage:
//   dotnet run -c Release --project bench/ProtoGen.GeneratorBench -- <project dir> [--runs N]
// <project dir> is a built ProtoGen project (a bench layout's protogen/ folder): its obj/ holds the C# that
// Grpc.Tools wrote and the wrapper manifest that ProtoGen wrote.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: ProtoGen.GeneratorBench <built ProtoGen project dir> [--runs N]");
    return 2;
}

string projectDir = Path.GetFullPath(args[0]);
int runs = args.Length > 2 && args[1] == "--runs" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
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

CSharpCompilation Compilation() => harness.Compilation(trees, assemblyName: "BenchApp");

GeneratorDriver Driver() => harness.CreateDriver(additional, globals);

var generatorTimes = new List<double>();
var compileBare = new List<double>();
var compileWrapped = new List<double>();
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
    RoslynHarness.Emit(Compilation());
    double bare = sw.Elapsed.TotalSeconds;
    sw.Restart();
    RoslynHarness.Emit(output);
    double withWrappers = sw.Elapsed.TotalSeconds;
    wrapped = output;
    Console.WriteLine($"run {run}{(run == 0 ? " (warm-up)" : string.Empty)}: generator {generator:F2} s, after an unrelated edit {again:F3} s; compile without wrappers {bare:F2} s, with {withWrappers:F2} s");
    if (run > 0)
    {
        generatorTimes.Add(generator);
        incremental.Add(again);
        compileBare.Add(bare);
        compileWrapped.Add(withWrappers);
    }
}

// The wrappers alone, compiled against the protoc output as an assembly: their own compile cost, with less noise
// than the difference of two whole compiles.
var generatedTrees = wrapped!.SyntaxTrees.Skip(trees.Length).ToArray();
MetadataReference protocAssembly = MetadataReference.CreateFromImage(RoslynHarness.Emit(Compilation()));
var alone = new List<double>();
for (int run = 0; run <= runs; run++)
{
    CSharpCompilation only = harness.Compilation(generatedTrees, harness.References.Add(protocAssembly), "Wrappers");
    sw.Restart();
    RoslynHarness.Emit(only);
    if (run > 0)
    {
        alone.Add(sw.Elapsed.TotalSeconds);
    }
}

int generated = wrapped.SyntaxTrees.Count() - trees.Length;
long generatedLines = wrapped.SyntaxTrees.Skip(trees.Length).Sum(static t => (long)t.GetText().Lines.Count);
double g = Median(generatorTimes), b = Median(compileBare), w = Median(compileWrapped);
Console.WriteLine($"wrappers: {generated} files, {generatedLines:N0} lines");
Console.WriteLine($"median of {runs}: generator {g:F2} s ({Min(generatorTimes):F2}-{Max(generatorTimes):F2}); unrelated edit {Median(incremental):F3} s; compile {b:F2} s without wrappers, {w:F2} s with (+{w - b:F2} s); the wrappers alone {Median(alone):F2} s");
Console.WriteLine(FormattableString.Invariant($"generator-bench: generator_s={g:F2} compile_s={g + w:F2} generator_share={g / (g + w):P1} wrappers_alone_s={Median(alone):F2}"));
return 0;

static double Median(List<double> values)
{
    var sorted = values.OrderBy(static v => v).ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static double Min(List<double> values) => values.Min();

static double Max(List<double> values) => values.Max();
