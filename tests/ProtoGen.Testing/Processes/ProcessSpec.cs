using System;
using System.Collections.Generic;
using System.Linq;

namespace ProtoGen.Testing.Processes;

/// <summary>
/// A program to start: its file, arguments, working directory and the changes to the environment it inherits from
/// this process. <see cref="DotNet.Command"/> makes one for the <c>dotnet</c> CLI.
/// </summary>
/// <param name="FileName">The program: a path, or a name looked up on <c>PATH</c>.</param>
/// <param name="Arguments">The arguments, each passed as one argument (no shell quoting).</param>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>A name for messages; the default is the command line.</summary>
    public string? Name { get; init; }

    /// <summary>The working directory; the default is this process's.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables to set over the inherited environment, in order; a <see langword="null"/> value removes the variable.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Environment { get; init; } = [];

    /// <summary>A file that also receives the output, line by line as it arrives (for long runs to watch); none by default.</summary>
    public string? OutputLog { get; init; }

    /// <summary>The command line, for messages: arguments with spaces are quoted.</summary>
    public string CommandLine =>
        string.Join(' ', Arguments.Prepend(FileName).Select(a => a.Length == 0 || a.Contains(' ', StringComparison.Ordinal) ? "\"" + a + "\"" : a));

    /// <summary><see cref="Name"/>, or the command line.</summary>
    public string DisplayName => Name ?? CommandLine;

    /// <summary>The same program with <paramref name="arguments"/> appended.</summary>
    /// <param name="arguments">The arguments to add.</param>
    /// <returns>A new spec.</returns>
    public ProcessSpec With(params string[] arguments) => this with { Arguments = [.. Arguments, .. arguments] };

    /// <summary>The same program with more environment changes, applied after the current ones.</summary>
    /// <param name="changes">Variables to set; a <see langword="null"/> value removes the variable.</param>
    /// <returns>A new spec.</returns>
    public ProcessSpec WithEnvironment(IEnumerable<KeyValuePair<string, string?>>? changes) =>
        changes is null ? this : this with { Environment = [.. Environment, .. changes] };

    /// <summary>The same program with one more environment change.</summary>
    /// <param name="name">The variable.</param>
    /// <param name="value">Its value; <see langword="null"/> removes it.</param>
    /// <returns>A new spec.</returns>
    public ProcessSpec WithEnvironment(string name, string? value) => WithEnvironment([new KeyValuePair<string, string?>(name, value)]);
}
