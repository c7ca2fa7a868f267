using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ProtoGen.Testing.Roslyn;

/// <summary>An additional file (<c>AdditionalFiles</c> item) held in memory.</summary>
/// <param name="path">The path the generator sees.</param>
/// <param name="text">The file's text.</param>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

    /// <inheritdoc />
    public override string Path { get; } = path;

    /// <inheritdoc />
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
