using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using ProtoGen.Build.IO;

namespace ProtoGen.Build.Mapping;

/// <summary>Finds a metadata value in the text of a project file, so a diagnostic can name its line.</summary>
internal sealed class ProjectFileLocator : ISourceLocator
{
    private static readonly Regex IncludeAttribute = new("\\bInclude=[\"'](?<value>[^\"']*)[\"']", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));

    private readonly Dictionary<string, string[]> _lines = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public (int Line, int Column) Locate(string file, string attribute, string value)
    {
        string[] lines = Read(file);
        string[] needles = value.Length == 0
            ? ["<" + attribute + ">", "<" + attribute + " "]
            : [attribute + "=\"" + value + "\"", attribute + "='" + value + "'", ">" + value + "</" + attribute + ">", "\"" + value + "\""];
        foreach (string needle in needles)
        {
            for (int i = 0; i < lines.Length; i++)
            {
                int column = lines[i].IndexOf(needle, StringComparison.Ordinal);
                if (column >= 0)
                {
                    return (i + 1, column + 1);
                }
            }
        }

        return string.Equals(attribute, "Include", StringComparison.Ordinal) && value.Length > 0 ? LocateGlob(lines, value) : (0, 0);
    }

    /// <summary>The first <c>Include="…"</c> whose wildcard entry (<c>**</c>, <c>*</c>, <c>?</c>) matches the item spec <paramref name="value"/>.</summary>
    private static (int Line, int Column) LocateGlob(string[] lines, string value)
    {
        string spec = value.Replace('\\', '/');
        for (int i = 0; i < lines.Length; i++)
        {
            foreach (Match include in IncludeAttribute.Matches(lines[i]))
            {
                foreach (string entry in include.Groups["value"].Value.Split(';'))
                {
                    string pattern = entry.Trim().Replace('\\', '/');
                    if (pattern.IndexOfAny(['*', '?']) >= 0 && pattern.IndexOf("$(", StringComparison.Ordinal) < 0 && Glob(pattern).IsMatch(spec))
                    {
                        return (i + 1, include.Index + 1);
                    }
                }
            }
        }

        return (0, 0);
    }

    /// <summary>MSBuild's wildcards as a regular expression: <c>**/</c> any folders, <c>*</c> and <c>?</c> within one segment.</summary>
    private static Regex Glob(string pattern)
    {
        var regex = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                bool folder = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(folder ? "(?:[^/]*/)*" : ".*");
                i += folder ? 2 : 1;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return new Regex(regex.Append('$').ToString(), (FileSystemCase.IsInsensitive ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private string[] Read(string file)
    {
        if (!_lines.TryGetValue(file, out string[]? lines))
        {
            try
            {
                lines = file.Length > 0 && File.Exists(file) ? File.ReadAllLines(file) : [];
            }
            catch (IOException)
            {
                lines = [];
            }
            catch (UnauthorizedAccessException)
            {
                lines = [];
            }

            _lines[file] = lines;
        }

        return lines;
    }
}
