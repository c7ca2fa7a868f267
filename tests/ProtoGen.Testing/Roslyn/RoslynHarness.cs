using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace ProtoGen.Testing.Roslyn;

/// <summary>
/// Runs an incremental generator in process, as the compiler does: parses sources, builds a compilation over the
/// .NET 10 reference assemblies and the given references, and drives the generator with additional files and
/// global options. Used by the generator tests and the generator benchmark.
/// </summary>
/// <remarks>
/// ProtoGen.Testing references Roslyn privately: a project that uses this class references
/// <c>Microsoft.CodeAnalysis.CSharp</c> and <c>Basic.Reference.Assemblies.Net100</c> itself (central versions).
/// </remarks>
public sealed class RoslynHarness
{
    private readonly Func<IIncrementalGenerator> _createGenerator;

    /// <summary>Creates a harness.</summary>
    /// <param name="createGenerator">Creates the generator under test (a new one for every driver).</param>
    /// <param name="references">The compilation's references (see <see cref="Net100With"/>).</param>
    /// <param name="parseOptions">How sources are parsed; the default is <see cref="DefaultParseOptions"/>.</param>
    public RoslynHarness(Func<IIncrementalGenerator> createGenerator, IEnumerable<MetadataReference> references, CSharpParseOptions? parseOptions = null)
    {
        ArgumentNullException.ThrowIfNull(createGenerator);
        ArgumentNullException.ThrowIfNull(references);
        _createGenerator = createGenerator;
        References = [.. references];
        ParseOptions = parseOptions ?? DefaultParseOptions;
    }

    /// <summary>The latest C#, with documentation comments checked (as <c>GenerateDocumentationFile</c> does).</summary>
    public static CSharpParseOptions DefaultParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>How sources are parsed; the generator's output is parsed the same way.</summary>
    public CSharpParseOptions ParseOptions { get; }

    /// <summary>The compilation's references.</summary>
    public ImmutableArray<MetadataReference> References { get; }

    /// <summary>Whether drivers record each step's inputs and outputs (<c>TrackedSteps</c>) for cache tests; on by default.</summary>
    public bool TrackSteps { get; init; } = true;

    /// <summary>The .NET 10 reference assemblies and the assemblies that define <paramref name="types"/>.</summary>
    /// <param name="types">A type of each assembly to add, e.g. <c>typeof(Google.Protobuf.IMessage)</c>.</param>
    /// <returns>The references.</returns>
    public static ImmutableArray<MetadataReference> Net100With(params Type[] types) =>
        [.. Net100.References.All, .. types.Select(t => MetadataReference.CreateFromFile(t.Assembly.Location))];

    /// <summary>The same harness with other parse options (an older language version, no documentation mode).</summary>
    /// <param name="parseOptions">The options.</param>
    /// <returns>A new harness.</returns>
    public RoslynHarness WithParseOptions(CSharpParseOptions parseOptions) =>
        new(_createGenerator, References, parseOptions) { TrackSteps = TrackSteps };

    /// <summary>Parses <paramref name="text"/> as the file <paramref name="path"/>.</summary>
    /// <param name="path">The tree's path (diagnostics and snapshots show it).</param>
    /// <param name="text">The C# source.</param>
    /// <returns>The tree.</returns>
    public SyntaxTree Parse(string path, string text) =>
        CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), ParseOptions, path);

    /// <summary>Parses the file <paramref name="file"/>, under its own path or under <paramref name="path"/>.</summary>
    /// <param name="file">The file to read.</param>
    /// <param name="path">The tree's path; the default is <paramref name="file"/>.</param>
    /// <returns>The tree.</returns>
    public SyntaxTree ParseFile(string file, string? path = null) => Parse(path ?? file, File.ReadAllText(file));

    /// <summary>Parses many files in parallel, each under its own path, in the order given.</summary>
    /// <param name="files">The files.</param>
    /// <returns>The trees.</returns>
    public SyntaxTree[] ParseFiles(IEnumerable<string> files) =>
        files.AsParallel().AsOrdered().Select(f => ParseFile(f)).ToArray();

    /// <summary>
    /// Parses every <c>*.cs</c> file under <paramref name="directory"/>, in ordinal order of their paths, under stable
    /// paths <c>{pathPrefix}/{relative path}</c>, so snapshots do not depend on where the tests run.
    /// </summary>
    /// <param name="directory">The directory to read.</param>
    /// <param name="pathPrefix">What the trees' paths start with, e.g. <c>/fixtures/route_guide</c>.</param>
    /// <returns>The trees.</returns>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public IEnumerable<SyntaxTree> ParseDirectory(string directory, string pathPrefix)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"No sources at {directory}.");
        }

        return Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => ParseFile(f, pathPrefix.TrimEnd('/') + "/" + Path.GetRelativePath(directory, f).Replace('\\', '/')))
            .ToArray();
    }

    /// <summary>
    /// A library compilation of <paramref name="trees"/>, nullable enabled, with the .NET SDK's default suppressions
    /// (<c>NoWarn</c> 1701 and 1702: binding-redirect assumptions between reference versions).
    /// </summary>
    /// <param name="trees">The sources.</param>
    /// <param name="references">The references; the default is <see cref="References"/>.</param>
    /// <param name="assemblyName">The assembly name.</param>
    /// <returns>The compilation.</returns>
    public CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference>? references = null, string assemblyName = "Consumer") =>
        CSharpCompilation.Create(
            assemblyName,
            trees,
            references ?? References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

    /// <summary>A driver of a new generator, with additional files and global analyzer-config options.</summary>
    /// <param name="additionalTexts">The additional files; none by default.</param>
    /// <param name="globalOptions">Global options such as <c>build_property.X</c>; none by default.</param>
    /// <returns>The driver, not yet run.</returns>
    public GeneratorDriver CreateDriver(IEnumerable<AdditionalText>? additionalTexts = null, IReadOnlyDictionary<string, string>? globalOptions = null) =>
        CSharpGeneratorDriver.Create(
            [_createGenerator().AsSourceGenerator()],
            additionalTexts,
            ParseOptions,
            new GlobalOptionsProvider(globalOptions ?? new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: TrackSteps));

    /// <summary>Runs a new driver over <paramref name="compilation"/> and returns the compilation with the generated sources.</summary>
    /// <param name="compilation">The input.</param>
    /// <param name="additionalTexts">The additional files; none by default.</param>
    /// <param name="globalOptions">Global options; none by default.</param>
    /// <returns>The run.</returns>
    public GeneratorRun Run(CSharpCompilation compilation, IEnumerable<AdditionalText>? additionalTexts = null, IReadOnlyDictionary<string, string>? globalOptions = null)
    {
        GeneratorDriver driver = CreateDriver(additionalTexts, globalOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorRun(driver, compilation, output, diagnostics);
    }

    /// <summary>The generated sources, each under a <c>//// {hint name}</c> header, ordered by hint name, ending in one <c>\n</c>.</summary>
    /// <param name="result">A driver's run result.</param>
    /// <returns>The text, or <c>(no sources)</c>.</returns>
    public static string RenderSources(GeneratorDriverRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var builder = new StringBuilder();
        foreach (GeneratedSourceResult source in result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            builder.Append("//// ").Append(source.HintName).Append('\n');
            builder.Append(source.SourceText.ToString()).Append('\n');
        }

        // Exactly one final newline: the snapshot helper strips one, and a blank last line would not round-trip.
        return builder.Length == 0 ? "(no sources)\n" : builder.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>Diagnostics as sorted lines <c>ID Severity file(line,col): message</c> (messages in the invariant culture).</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    /// <returns>The text, or <c>(no diagnostics)</c>.</returns>
    public static string RenderDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics
            .Select(d =>
            {
                FileLinePositionSpan span = d.Location.GetLineSpan();
                string where = d.Location == Location.None
                    ? "(no location)"
                    : $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
                return $"{d.Id} {d.Severity} {where}: {d.GetMessage(CultureInfo.InvariantCulture)}";
            })
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToList();
        return lines.Count == 0 ? "(no diagnostics)\n" : string.Join("\n", lines) + "\n";
    }

    /// <summary>Emits <paramref name="compilation"/> to memory.</summary>
    /// <param name="compilation">The compilation.</param>
    /// <returns>The assembly image.</returns>
    /// <exception cref="InvalidOperationException">The compilation has errors (the first ten are in the message).</exception>
    public static byte[] Emit(Compilation compilation)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        using var stream = new MemoryStream();
        EmitResult result = compilation.Emit(stream);
        return result.Success
            ? stream.ToArray()
            : throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
    }
}

/// <summary>One run of a generator driver over a compilation.</summary>
/// <param name="Driver">The driver after the run: run it again to test caching.</param>
/// <param name="Input">The compilation given to the generator.</param>
/// <param name="Output">The compilation with the generated sources added.</param>
/// <param name="Diagnostics">The generator's diagnostics.</param>
public sealed record GeneratorRun(GeneratorDriver Driver, CSharpCompilation Input, Compilation Output, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The driver's run result (generated sources, tracked steps).</summary>
    public GeneratorDriverRunResult Result => Driver.GetRunResult();
}
