using System.Collections.Generic;

namespace ProtoGen.Build.Proto;

/// <summary>A span of the proto text (0-based offset and length) with its 1-based line and column.</summary>
internal readonly record struct TextSpan(int Start, int Length, int Line, int Column)
{
    public int End => Start + Length;
}

/// <summary>An <c>import</c> statement: the logical path it names and where the path is written.</summary>
internal sealed record ProtoImport(string Path, TextSpan Span);

/// <summary>A top-level <c>service</c> declaration.</summary>
internal sealed record ProtoService(string Name, TextSpan Span);

/// <summary>The file's own <c>option csharp_namespace</c>: its value and the string literals that spell it.</summary>
internal sealed record CSharpNamespaceOption(string Value, IReadOnlyList<TextSpan> Literals);

/// <summary>What ProtoGen needs to know of a proto file's top level.</summary>
internal sealed record ProtoFileInfo(
    string? Package,
    IReadOnlyList<ProtoImport> Imports,
    IReadOnlyList<ProtoService> Services,
    CSharpNamespaceOption? CSharpNamespace);
