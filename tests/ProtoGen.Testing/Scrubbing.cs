using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace ProtoGen.Testing;

/// <summary>Text normalization and the built-in scrubbers.</summary>
internal static partial class Scrubbing
{
    private const string Version =
        @"[0-9]+\.[0-9]+\.[0-9]+(?:\.[0-9]+)?" +
        @"(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?" +
        @"(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?";

    /// <summary>
    /// Turns a target into the text that is compared and written: line endings to <c>\n</c>,
    /// scrubbers in order, line endings again (a scrubber may add <c>\r</c>), then one
    /// trailing <c>\n</c> removed, as snapshot files have no final newline.
    /// </summary>
    public static string Apply(string target, IReadOnlyList<Action<StringBuilder>> scrubbers)
    {
        var text = new StringBuilder(NormalizeLineEndings(target));
        foreach (var scrubber in scrubbers)
        {
            scrubber(text);
        }

        return Normalize(text.ToString());
    }

    /// <summary>Line endings to <c>\n</c> and one trailing <c>\n</c> removed.</summary>
    public static string Normalize(string text)
    {
        text = NormalizeLineEndings(text);
        return text.EndsWith('\n') ? text[..^1] : text;
    }

    public static void ScrubLines(StringBuilder text, Func<string, string?> replace)
    {
        if (text.Length == 0)
        {
            return;
        }

        var content = text.ToString();
        var endsWithNewline = content.EndsWith('\n');
        var lines = (endsWithNewline ? content[..^1] : content).Split('\n');
        var kept = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            if (replace(line) is { } replaced)
            {
                kept.Add(replaced);
            }
        }

        text.Clear();
        if (kept.Count > 0)
        {
            text.AppendJoin('\n', kept);
            if (endsWithNewline)
            {
                text.Append('\n');
            }
        }
    }

    public static void Replace(StringBuilder text, Regex regex, MatchEvaluator evaluator)
    {
        var replaced = regex.Replace(text.ToString(), evaluator);
        text.Clear().Append(replaced);
    }

    /// <summary>
    /// Matches <paramref name="path"/> (trailing separators ignored) written with either
    /// separator, when not part of a longer name on either side.
    /// </summary>
    public static Regex PathRegex(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var trimmed = path.TrimEnd('/', '\\');
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("The path must name a directory, not a root.", nameof(path));
        }

        var forward = Regex.Escape(trimmed.Replace('\\', '/'));
        var backward = Regex.Escape(trimmed.Replace('/', '\\'));
        return new Regex(
            $@"(?<![\w.-])(?:{forward}|{backward})(?![\w-]|\.\w)",
            RegexOptions.CultureInvariant);
    }

    /// <summary>
    /// A version number that is a whole path segment, or that directly follows a word ending in
    /// <c>version</c> and <c>=</c>, <c>="</c>, <c>='</c> or one space.
    /// </summary>
    [GeneratedRegex(
        $@"(?<=[/\\]){Version}(?![^/\\""'\s])" +
        $@"|(?<=(?i:version)(?:=[""']?|\x20)){Version}(?![0-9A-Za-z+-]|\.[0-9A-Za-z])",
        RegexOptions.CultureInvariant)]
    public static partial Regex VersionRegex();

    private static string NormalizeLineEndings(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
