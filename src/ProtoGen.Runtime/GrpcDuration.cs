using System;

namespace ProtoGen.Runtime;

/// <summary>
/// Parses durations in ProtoGen's grammar (the one of the <c>.protogen-wrappers</c> manifest), so that
/// defaults read from configuration accept the same text: <c>250ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c>,
/// <c>1.5s</c>, or a TimeSpan <c>00:00:30</c>.
/// </summary>
public static class GrpcDuration
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">The duration text.</param>
    /// <param name="value">The duration, when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid duration.</returns>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        TimeSpan? parsed = DurationSyntax.TryParse(text, out _);
        value = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">The duration text.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="FormatException">The text is not a valid duration.</exception>
    public static TimeSpan Parse(string text)
    {
        TimeSpan? parsed = DurationSyntax.TryParse(text, out string? error);
        return parsed ?? throw new FormatException($"'{text}' is not a valid duration: {error}.");
    }
}
