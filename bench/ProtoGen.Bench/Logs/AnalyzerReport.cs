using System;
using System.Collections.Generic;
using System.Globalization;

namespace ProtoGen.Bench.Logs;

/// <summary>
/// Reads the compiler's <c>-p:ReportAnalyzer=true</c> report (lines of the Csc task's output). Its generator section
/// starts with <c>Total generator execution time: 1.239 seconds.</c> and lists, per generator assembly,
/// <c>   0.409   33   ProtoGen.Generators, Version=0.1.0.0, ...</c> (seconds, percent, assembly), then its
/// generators indented below.
/// </summary>
internal static class AnalyzerReport
{
    private const string GeneratorTotal = "Total generator execution time:";
    private const string AnalyzerTotal = "Total analyzer execution time:";

    /// <summary>The seconds all generators took, and those of the named generator assembly; null where absent.</summary>
    public static (double? AllGenerators, double? Assembly) GeneratorSeconds(IEnumerable<string> lines, string assemblyName)
    {
        double? total = null;
        double? assembly = null;
        bool inGenerators = false;
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.StartsWith(GeneratorTotal, StringComparison.Ordinal))
            {
                inGenerators = true;
                total = Seconds(line[GeneratorTotal.Length..].Replace("seconds.", string.Empty, StringComparison.Ordinal));
            }
            else if (line.StartsWith(AnalyzerTotal, StringComparison.Ordinal))
            {
                inGenerators = false;
            }
            else if (inGenerators && assembly is null)
            {
                // "0.409   33   ProtoGen.Generators, Version=..." (the assembly line; its generators have no comma)
                string[] parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parts.Length == 3 && parts[2].StartsWith(assemblyName + ",", StringComparison.Ordinal))
                {
                    assembly = Seconds(parts[0]);
                }
            }
        }

        return (total, assembly);
    }

    /// <summary>"0.409" → 0.409; "&lt;0.001" → 0.</summary>
    private static double? Seconds(string text)
    {
        text = text.Trim();
        if (text.StartsWith('<'))
        {
            return 0;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) ? seconds : null;
    }
}
