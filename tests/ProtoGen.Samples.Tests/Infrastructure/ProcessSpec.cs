using System.Collections.Generic;

namespace ProtoGen.Samples.Tests.Infrastructure;

/// <summary>A program to start: file, arguments and environment changes (a null value removes the variable).</summary>
internal sealed record ProcessSpec(string Name, string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string?> Environment)
{
    public ProcessSpec With(params string[] arguments) => this with { Arguments = [.. Arguments, .. arguments] };
}
