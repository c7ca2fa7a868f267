using System;
using System.Collections.Generic;
using System.IO;

namespace ProtoGen.Build.Mapping;

/// <summary>Finds a metadata value in the text of a project file, so a diagnostic can name its line.</summary>
internal sealed class ProjectFileLocator : ISourceLocator
{
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

        return (0, 0);
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
