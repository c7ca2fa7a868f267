using System.Collections.Generic;
using System.Linq;

namespace ProtoGen.Bench.Reporting;

/// <summary>Median, minimum and maximum of the runs of one measure.</summary>
internal sealed record Stat(double Median, double Min, double Max)
{
    /// <summary>The statistics of the values present; null when there are none.</summary>
    public static Stat? Of(IEnumerable<double?> values)
    {
        double[] sorted = [.. values.OfType<double>().Order()];
        if (sorted.Length == 0)
        {
            return null;
        }

        int middle = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Stat(median, sorted[0], sorted[^1]);
    }
}
