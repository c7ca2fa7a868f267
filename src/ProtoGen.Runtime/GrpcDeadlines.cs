using System;
using System.Threading;

namespace ProtoGen.Runtime;

/// <summary>Deadline computation of ProtoGen client wrappers.</summary>
public static class GrpcDeadlines
{
    /// <summary>
    /// Computes a call's deadline: an explicit <paramref name="deadline"/> always wins; otherwise
    /// <paramref name="utcNow"/> plus the first timeout given of <paramref name="callTimeout"/>,
    /// <paramref name="methodTimeout"/> and <paramref name="clientTimeout"/>; no timeout (or an infinite one) means no deadline.
    /// </summary>
    /// <param name="utcNow">The current UTC time.</param>
    /// <param name="deadline">An explicit per-call deadline.</param>
    /// <param name="callTimeout">The per-call timeout.</param>
    /// <param name="methodTimeout">The method's default timeout.</param>
    /// <param name="clientTimeout">The client's default timeout.</param>
    /// <returns>The deadline (UTC), or <see langword="null"/> for none.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The chosen timeout is negative and not infinite.</exception>
    public static DateTime? Compute(DateTime utcNow, DateTime? deadline, TimeSpan? callTimeout, TimeSpan? methodTimeout, TimeSpan? clientTimeout)
    {
        if (deadline.HasValue)
        {
            return deadline;
        }

        TimeSpan? chosen = callTimeout ?? methodTimeout ?? clientTimeout;
        if (chosen is not TimeSpan timeout || timeout == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        if (timeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(callTimeout), timeout, "A timeout must not be negative (use Timeout.InfiniteTimeSpan for none).");
        }

        DateTime now = utcNow.Kind == DateTimeKind.Utc ? utcNow : DateTime.SpecifyKind(utcNow.ToUniversalTime(), DateTimeKind.Utc);

        // Saturate: gRPC reads DateTime.MaxValue as "no deadline".
        return timeout.Ticks >= DateTime.MaxValue.Ticks - now.Ticks
            ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)
            : now + timeout;
    }

    /// <summary>The earlier of two deadlines; <see langword="null"/> is no deadline.</summary>
    internal static DateTime? Earlier(DateTime? left, DateTime? right)
        => left is not DateTime a ? right : right is not DateTime b ? left : (a <= b ? a : b);

    /// <summary><paramref name="value"/> as UTC (local times are converted; unspecified ones are taken as UTC, as gRPC does).</summary>
    internal static DateTime ToUtc(DateTime value)
        => value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
}
