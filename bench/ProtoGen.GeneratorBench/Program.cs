using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProtoGen.Generators;

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
var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None);

string[] files = Directory.GetFiles(obj, "*.cs", SearchOption.AllDirectories)
    .Where(static f => !f.Contains("/ref/", StringComparison.Ordinal) && !f.EndsWith("AssemblyInfo.cs", StringComparison.Ordinal) && !f.EndsWith(".GlobalUsings.g.cs", StringComparison.Ordinal))
    .Concat(Directory.GetFiles(projectDir, "*.cs", SearchOption.TopDirectoryOnly))
    .OrderBy(static f => f, StringComparer.Ordinal)
    .ToArray();
string manifest = Directory.GetFiles(obj, "*.protogen-wrappers", SearchOption.AllDirectories).Single();
AdditionalText[] additional = [new FileText(manifest, SourceText.From(File.ReadAllText(manifest), Encoding.UTF8))];
var globals = new Dictionary<string, string>
{
    ["build_property.ProtoGenClientWrappers"] = "true",
    ["build_property.ProtoGenDefaultTimeout"] = "30s",
};

ImmutableArray<MetadataReference> references =
[
    .. Net100.References.All,
    MetadataReference.CreateFromFile(typeof(Google.Protobuf.IMessage).Assembly.Location),
    MetadataReference.CreateFromFile(typeof(Grpc.Core.ClientBase<>).Assembly.Location),
    MetadataReference.CreateFromFile(typeof(ProtoGen.Runtime.GrpcCallDefaults).Assembly.Location),
];

var sw = Stopwatch.StartNew();
SyntaxTree[] trees = files
    .AsParallel().AsOrdered()
    .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f), Encoding.UTF8), parseOptions, f))
    .ToArray();
long lines = trees.Sum(static t => (long)t.GetText().Lines.Count);
Console.WriteLine($"parsed {trees.Length} files, {lines:N0} lines in {sw.Elapsed.TotalSeconds:F2} s");

CSharpCompilation Compilation() => CSharpCompilation.Create(
    "BenchApp",
    trees,
    references,
    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

GeneratorDriver Driver() => CSharpGeneratorDriver.Create(
    [new ClientWrapperGenerator().AsSourceGenerator()],
    additional,
    parseOptions,
    new Options(globals),
    new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

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
    Emit(Compilation());
    double bare = sw.Elapsed.TotalSeconds;
    sw.Restart();
    Emit(output);
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
using var image = new MemoryStream();
Compilation().Emit(image);
MetadataReference protocAssembly = MetadataReference.CreateFromImage(image.ToArray());
var alone = new List<double>();
for (int run = 0; run <= runs; run++)
{
    var only = CSharpCompilation.Create("Wrappers", generatedTrees, references.Add(protocAssembly), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    sw.Restart();
    Emit(only);
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

static void Emit(Compilation compilation)
{
    using var stream = new MemoryStream();
    Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream);
    if (!result.Success)
    {
        throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).Take(10)));
    }
}

static double Median(List<double> values)
{
    var sorted = values.OrderBy(static v => v).ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static double Min(List<double> values) => values.Min();

static double Max(List<double> values) => values.Max();

internal sealed class FileText(string path, SourceText text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => text;
}

internal sealed class Options(IReadOnlyDictionary<string, string> globals) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(globals);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Values.Empty;

    private sealed class Values(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Values Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            => values.TryGetValue(key, out value);
    }
}
