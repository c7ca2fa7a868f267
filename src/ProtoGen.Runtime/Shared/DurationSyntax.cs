// This file is compiled into both ProtoGen.Runtime and ProtoGen.Generators (linked), so the
// manifest reader and the runtime accept exactly the same duration grammar.
using System;
using System.Globalization;

namespace ProtoGen.Runtime;

/// <summary>
/// The duration grammar of ProtoGen (see docs/client-wrappers.md, "Durations"):
/// <c>number unit</c> with unit <c>ms</c>, <c>s</c>, <c>m</c> or <c>h</c> (e.g. <c>250ms</c>, <c>1.5s</c>),
/// or a .NET TimeSpan in the invariant constant format <c>[d.]hh:mm:ss[.fffffff]</c>.
/// The value must be greater than zero and a whole number of ticks (100 ns).
/// </summary>
internal static class DurationSyntax
{
    /// <summary>Parses <paramref name="text"/>; returns <see langword="null"/> and an error text when it is not a valid duration.</summary>
    public static TimeSpan? TryParse(string? text, out string? error)
    {
        error = null;
        if (text is null || text.Length == 0)
        {
            error = "the duration is empty";
            return null;
        }

        TimeSpan value;
        if (ContainsColon(text))
        {
            if (text[0] == '-' || !TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out value))
            {
                error = "it is neither '<number><unit>' (unit ms, s, m or h) nor a TimeSpan '[d.]hh:mm:ss[.fffffff]'";
                return null;
            }
        }
        else if (!TryParseNumberWithUnit(text, out value, out error))
        {
            return null;
        }

        if (value <= TimeSpan.Zero)
        {
            error = "the duration must be greater than zero";
            return null;
        }

        return value;
    }

    private static bool TryParseNumberWithUnit(string text, out TimeSpan value, out string? error)
    {
        value = default;
        error = "it is neither '<number><unit>' (unit ms, s, m or h) nor a TimeSpan '[d.]hh:mm:ss[.fffffff]'";

        int end = 0;
        int digitsBeforePoint = 0;
        while (end < text.Length && IsDigit(text[end]))
        {
            end++;
            digitsBeforePoint++;
        }

        if (digitsBeforePoint == 0)
        {
            return false;
        }

        if (end < text.Length && text[end] == '.')
        {
            end++;
            int digitsAfterPoint = 0;
            while (end < text.Length && IsDigit(text[end]))
            {
                end++;
                digitsAfterPoint++;
            }

            if (digitsAfterPoint == 0)
            {
                return false;
            }
        }

        string number = text.Substring(0, end);
        long ticksPerUnit;
        switch (text.Substring(end))
        {
            case "ms": ticksPerUnit = TimeSpan.TicksPerMillisecond; break;
            case "s": ticksPerUnit = TimeSpan.TicksPerSecond; break;
            case "m": ticksPerUnit = TimeSpan.TicksPerMinute; break;
            case "h": ticksPerUnit = TimeSpan.TicksPerHour; break;
            default: return false;
        }

        // At most 20 significant characters keeps the value inside decimal's range.
        if (number.Length > 20 || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal amount))
        {
            error = "the number is too long";
            return false;
        }

        if (amount > TimeSpan.MaxValue.Ticks / ticksPerUnit)
        {
            error = "the duration is too large";
            return false;
        }

        decimal ticks = amount * ticksPerUnit;
        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            error = "the duration is too large";
            return false;
        }

        if (decimal.Truncate(ticks) != ticks)
        {
            error = "the duration is finer than 100 ns (one tick)";
            return false;
        }

        value = TimeSpan.FromTicks((long)ticks);
        error = null;
        return true;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    // A loop: string.Contains(char) is not in netstandard2.0, and IndexOf draws a different analyzer warning per target.
    private static bool ContainsColon(string text)
    {
        foreach (char c in text)
        {
            if (c == ':')
            {
                return true;
            }
        }

        return false;
    }
}
