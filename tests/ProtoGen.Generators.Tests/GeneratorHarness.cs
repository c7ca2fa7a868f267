using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ProtoGen.Generators.Tests;

/// <summary>Builds compilations over real Grpc.Tools output and runs the generator over them.</summary>
internal static class GeneratorHarness
{
    public const string ManifestPath = "/repo/obj/Debug/net10.0/protogen/ProtoGen.protogen-wrappers";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly ImmutableArray<MetadataReference> GrpcReferences =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(Google.Protobuf.IMessage).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Grpc.Core.ClientBase<>).Assembly.Location),
    ];

    private static readonly MetadataReference RuntimeReference =
        MetadataReference.CreateFromFile(typeof(ProtoGen.Runtime.GrpcCallDefaults).Assembly.Location);

    /// <summary>The runtime's netstandard2.0 build (see the csproj): everything but GrpcStreaming.</summary>
    public static readonly MetadataReference NetStandard20RuntimeReference =
        MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "runtime-netstandard2.0", "ProtoGen.Runtime.dll"));

    /// <summary>
    /// The Grpc.Tools output of a fixture proto (see the csproj: GrpcFixtures/&lt;name&gt;/), as syntax trees
    /// with stable paths, so snapshots do not depend on where the tests run.
    /// </summary>
    public static IEnumerable<SyntaxTree> Fixture(string name)
    {
        string root = Path.Combine(AppContext.BaseDirectory, "GrpcFixtures", name);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Grpc.Tools fixture '{name}' was not generated at {root}.");
        }

        foreach (string file in Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            yield return CSharpSyntaxTree.ParseText(
                SourceText.From(File.ReadAllText(file), Encoding.UTF8),
                ParseOptions,
                path: $"/fixtures/{name}/{relative}");
        }
    }

    public static SyntaxTree Source(string path, string text) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: path);

    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees, bool withRuntime = true, MetadataReference? runtime = null)
        => CSharpCompilation.Create(
            "Consumer",
            trees,
            withRuntime ? GrpcReferences.Add(runtime ?? RuntimeReference) : GrpcReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)

                // As the .NET SDK does (NoWarn 1701;1702): binding-redirect assumptions between reference versions.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText>? additionalTexts = null, IReadOnlyDictionary<string, string>? globalOptions = null)
        => CSharpGeneratorDriver.Create(
            [new ClientWrapperGenerator().AsSourceGenerator()],
            additionalTexts,
            ParseOptions,
            new TestOptionsProvider(globalOptions ?? new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static RunOutput Run(
        IEnumerable<SyntaxTree> trees,
        string? manifest = null,
        IReadOnlyDictionary<string, string>? globalOptions = null,
        bool withRuntime = true)
    {
        AdditionalText[] texts = manifest is null ? [] : [new InMemoryAdditionalText(ManifestPath, manifest)];
        CSharpCompilation compilation = Compilation(trees, withRuntime);
        GeneratorDriver driver = CreateDriver(texts, globalOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new RunOutput(driver, compilation, output, diagnostics);
    }

    public static Dictionary<string, string> WrapAll(string? defaultTimeout = null)
    {
        var options = new Dictionary<string, string> { ["build_property.ProtoGenClientWrappers"] = "true" };
        if (defaultTimeout is not null)
        {
            options["build_property.ProtoGenDefaultTimeout"] = defaultTimeout;
        }

        return options;
    }

    /// <summary>The generated sources, each under a header with its hint name, ordered by hint name.</summary>
    public static string RenderSources(GeneratorDriverRunResult result)
    {
        var builder = new StringBuilder();
        foreach (GeneratedSourceResult source in result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            builder.Append("//// ").Append(source.HintName).Append('\n');
            builder.Append(source.SourceText.ToString()).Append('\n');
        }

        // Exactly one final newline: the snapshot helper strips one, and a blank last line would not round-trip.
        return builder.Length == 0 ? "(no sources)\n" : builder.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>Diagnostics as text: ID, severity, file(line,col), message; sorted.</summary>
    public static string RenderDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics
            .Select(d =>
            {
                FileLinePositionSpan span = d.Location.GetLineSpan();
                string where = d.Location == Location.None
                    ? "(no location)"
                    : $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
                return $"{d.Id} {d.Severity} {where}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            })
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToList();
        return lines.Count == 0 ? "(no diagnostics)\n" : string.Join("\n", lines) + "\n";
    }

    internal sealed record RunOutput(GeneratorDriver Driver, CSharpCompilation Input, Compilation Output, ImmutableArray<Diagnostic> Diagnostics)
    {
        public GeneratorDriverRunResult Result => Driver.GetRunResult();
    }
}

/// <summary>An additional file held in memory.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Analyzer-config options with given global properties.</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> globalOptions) : AnalyzerConfigOptionsProvider
{
    private static readonly TestOptions Empty = new(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions { get; } = new TestOptions(globalOptions);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    private sealed class TestOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            => values.TryGetValue(key, out value);
    }
}
