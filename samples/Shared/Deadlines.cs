using System;
using System.Globalization;

namespace ProtoGen.Samples;

/// <summary>How the samples' servers print the deadline a call arrived with.</summary>
public static class Deadlines
{
    /// <summary><c>none</c>, or the time left in whole seconds (<c>5s</c>): clients round grpc-timeout differently, so round to nearest.</summary>
    public static string Describe(DateTime deadline)
    {
        if (deadline == DateTime.MaxValue)
        {
            return "none";
        }

        double left = Math.Max(0, (deadline - DateTime.UtcNow).TotalSeconds);
        return Math.Round(left, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) + "s";
    }
}
