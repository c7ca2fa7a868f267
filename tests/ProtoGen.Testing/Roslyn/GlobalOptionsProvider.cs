using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProtoGen.Testing.Roslyn;

/// <summary>
/// Analyzer-config options with given global values (<c>build_property.*</c>, as MSBuild's
/// <c>CompilerVisibleProperty</c> items give them) and no per-file values.
/// </summary>
/// <param name="globalOptions">The global values by key, e.g. <c>build_property.ProtoGenClientWrappers</c>.</param>
public sealed class GlobalOptionsProvider(IReadOnlyDictionary<string, string> globalOptions) : AnalyzerConfigOptionsProvider
{
    private static readonly Options Empty = new(new Dictionary<string, string>());

    /// <inheritdoc />
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(globalOptions);

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
