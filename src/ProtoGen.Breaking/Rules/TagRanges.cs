using System.Collections.Generic;
using System.Linq;

namespace ProtoGen.Breaking.Rules;

/// <summary>Inclusive number ranges (reserved and extension ranges) and what a later version dropped from them.</summary>
internal static class TagRanges
{
    /// <summary>The largest field number of a message.</summary>
    public const int MessageMax = 536_870_911;

    /// <summary>The largest number of a message with <c>message_set_wire_format</c>, and of an enum.</summary>
    public const int Int32Max = int.MaxValue;

    /// <summary>The parts of <paramref name="previous"/> that <paramref name="current"/> no longer covers.</summary>
    public static List<(int Start, int End)> Missing((int Start, int End) previous, IReadOnlyList<(int Start, int End)> current)
    {
        var missing = new List<(int, int)>();
        long next = previous.Start;
        foreach ((int start, int end) in Collapse(current))
        {
            if (end < next)
            {
                continue;
            }

            if (start > previous.End)
            {
                break;
            }

            if (start > next)
            {
                missing.Add(((int)next, start - 1));
            }

            next = (long)end + 1;
            if (next > previous.End)
            {
                return missing;
            }
        }

        if (next <= previous.End)
        {
            missing.Add(((int)next, previous.End));
        }

        return missing;
    }

    /// <summary>"5", "5 to 10" or "5 to max", as a finding names a range.</summary>
    public static string Format((int Start, int End) range, int max) =>
        range.Start == range.End ? FileRules.Text(range.Start)
        : range.End == max ? FileRules.Text(range.Start) + " to max"
        : FileRules.Text(range.Start) + " to " + FileRules.Text(range.End);

    private static List<(int Start, int End)> Collapse(IReadOnlyList<(int Start, int End)> ranges)
    {
        var result = new List<(int Start, int End)>();
        foreach ((int start, int end) in ranges.OrderBy(r => r.Start).ThenBy(r => r.End))
        {
            if (result.Count > 0 && start <= (long)result[result.Count - 1].End + 1)
            {
                (int lastStart, int lastEnd) = result[result.Count - 1];
                result[result.Count - 1] = (lastStart, end > lastEnd ? end : lastEnd);
            }
            else
            {
                result.Add((start, end));
            }
        }

        return result;
    }
}
