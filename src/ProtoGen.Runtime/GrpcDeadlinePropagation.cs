using System;
using System.Collections.Generic;
using System.Threading;
using Grpc.Core;

namespace ProtoGen.Runtime;

/// <summary>
/// Deadline (and cancellation) propagation for calls made by ProtoGen client wrappers inside a server call or any
/// other unit of work with a deadline of its own. Inside a scope, every wrapper call's deadline is the earlier of
/// its own (explicit, per-call timeout or default) and the scope's: a default never extends the incoming deadline.
/// </summary>
/// <example>
/// <code>
/// public override async Task&lt;Reply&gt; Handle(Request request, ServerCallContext context)
/// {
///     using (GrpcDeadlinePropagation.Begin(context))
///     {
///         Feature feature = await _routeGuide.GetFeatureAsync(point); // min(default, context.Deadline)
///     }
/// }
/// </code>
/// </example>
/// <remarks>
/// Grpc.Net.ClientFactory's <c>EnableCallContextPropagation()</c> does the same for clients it creates (the earlier
/// deadline wins there too); this scope is for an explicit <see cref="ServerCallContext"/> and for deadlines that do
/// not come from a gRPC call (an HTTP request's budget). Scopes nest (the earliest deadline wins) and flow with the
/// async context like <see cref="AsyncLocal{T}"/>.
/// </remarks>
public static class GrpcDeadlinePropagation
{
    private static readonly AsyncLocal<GrpcPropagationScope?> CurrentScope = new();

    /// <summary>The deadline of the innermost scope, combined with those around it; <see langword="null"/> outside a scope or when no scope has one.</summary>
    public static DateTime? CurrentDeadline => CurrentScope.Value?.Deadline;

    internal static GrpcPropagationScope? Current => CurrentScope.Value;

    /// <summary>Starts a scope with the deadline and cancellation of a server call.</summary>
    /// <param name="context">The server call whose deadline and cancellation calls inside the scope inherit.</param>
    /// <returns>The scope; dispose it to end it.</returns>
    public static IDisposable Begin(ServerCallContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        return Begin(context.Deadline, context.CancellationToken);
    }

    /// <summary>Starts a scope with <paramref name="deadline"/> (<see cref="DateTime.MaxValue"/>: none) and <paramref name="cancellationToken"/>.</summary>
    /// <param name="deadline">The latest deadline of calls inside the scope.</param>
    /// <param name="cancellationToken">Cancels calls inside the scope (combined with each call's own token).</param>
    /// <returns>The scope; dispose it to end it.</returns>
    public static IDisposable Begin(DateTime deadline, CancellationToken cancellationToken = default)
    {
        GrpcPropagationScope? parent = CurrentScope.Value;
        DateTime? own = deadline >= DateTime.MaxValue.AddTicks(-1) ? null : GrpcDeadlines.ToUtc(deadline);
        var scope = new GrpcPropagationScope(parent, GrpcDeadlines.Earlier(parent?.Deadline, own), cancellationToken);
        CurrentScope.Value = scope;
        return scope;
    }

    internal static void End(GrpcPropagationScope scope)
    {
        if (ReferenceEquals(CurrentScope.Value, scope))
        {
            CurrentScope.Value = scope.Parent;
        }
    }
}

/// <summary>A propagation scope: the combined deadline and the tokens calls inside it are cancelled by.</summary>
internal sealed class GrpcPropagationScope : IDisposable
{
    private readonly CancellationToken _token;
    private readonly object _gate = new();
    private List<CancellationTokenSource>? _linked;
    private bool _disposed;

    public GrpcPropagationScope(GrpcPropagationScope? parent, DateTime? deadline, CancellationToken token)
    {
        Parent = parent;
        Deadline = deadline;
        _token = token;
    }

    public GrpcPropagationScope? Parent { get; }

    public DateTime? Deadline { get; }

    /// <summary>A call's token combined with this scope's (and its parents').</summary>
    public CancellationToken Link(CancellationToken callToken)
    {
        CancellationToken token = Parent?.Link(callToken) ?? callToken;
        if (!_token.CanBeCanceled || token == _token)
        {
            return token;
        }

        if (!token.CanBeCanceled)
        {
            return _token;
        }

        var linked = CancellationTokenSource.CreateLinkedTokenSource(token, _token);
        lock (_gate)
        {
            if (_disposed)
            {
                linked.Dispose();
                return token;
            }

            (_linked ??= new List<CancellationTokenSource>()).Add(linked);
        }

        return linked.Token;
    }

    public void Dispose()
    {
        GrpcDeadlinePropagation.End(this);
        List<CancellationTokenSource>? linked;
        lock (_gate)
        {
            _disposed = true;
            linked = _linked;
            _linked = null;
        }

        foreach (CancellationTokenSource source in linked ?? new List<CancellationTokenSource>())
        {
            source.Dispose();
        }
    }
}
