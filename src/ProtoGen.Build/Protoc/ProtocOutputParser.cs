using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ProtoGen.Build.Protoc;

/// <summary>Parses protoc's default (gcc-style) error output: <c>file:line:column: [warning: ]text</c> or <c>file: text</c>.</summary>
internal static class ProtocOutputParser
{
    private static readonly Regex Located = new(
        @"^(?<file>.+?):(?<line>\d+):(?<column>\d+):\s*(?<warning>warning:\s*)?(?<text>.*)$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeSpan.FromSeconds(1));

    private static readonly Regex FileOnly = new(
        @"^(?<file>(?:[A-Za-z]:)?[^:]+?\.proto):\s+(?<warning>warning:\s*)?(?<text>.+)$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeSpan.FromSeconds(1));

    /// <summary>Splits protoc's output into messages; a line of neither shape becomes a message with no file.</summary>
    public static IReadOnlyList<ProtocMessage> Parse(string output)
    {
        var messages = new List<ProtocMessage>();
        foreach (string raw in output.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            Match m = Located.Match(line);
            if (m.Success)
            {
                messages.Add(new ProtocMessage(
                    m.Groups["file"].Value,
                    int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture),
                    int.Parse(m.Groups["column"].Value, CultureInfo.InvariantCulture),
                    m.Groups["warning"].Success,
                    m.Groups["text"].Value.Trim()));
                continue;
            }

            m = FileOnly.Match(line);
            if (m.Success)
            {
                messages.Add(new ProtocMessage(m.Groups["file"].Value, 0, 0, m.Groups["warning"].Success, m.Groups["text"].Value.Trim()));
                continue;
            }

            messages.Add(new ProtocMessage(string.Empty, 0, 0, line.StartsWith("warning", StringComparison.OrdinalIgnoreCase), line.Trim()));
        }

        return messages;
    }
}
