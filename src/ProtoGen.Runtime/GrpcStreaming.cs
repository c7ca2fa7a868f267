#if NETSTANDARD2_1_OR_GREATER
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Grpc.Core;

namespace ProtoGen.Runtime;

/// <summary>
/// Server streams as <see cref="IAsyncEnumerable{T}"/>. The wrappers' <c>…StreamAsync</c> methods call this one
/// generic iterator, so a project compiles one state machine rather than one per streaming method.
/// </summary>
public static class GrpcStreaming
{
    /// <summary>
    /// Starts a server-streaming call when the enumeration starts, yields every response, and disposes of the
    /// call when the enumeration ends.
    /// </summary>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="start">Starts the call; it receives <paramref name="cancellationToken"/>, combined with the token given to <c>GetAsyncEnumerator</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The responses, read until the stream ends; an expired deadline ends the enumeration with an <see cref="RpcException"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="start"/> is <see langword="null"/>.</exception>
    public static IAsyncEnumerable<TResponse> ReadAllAsync<TResponse>(Func<CancellationToken, AsyncServerStreamingCall<TResponse>> start, CancellationToken cancellationToken = default)
    {
        if (start is null)
        {
            throw new ArgumentNullException(nameof(start));
        }

        return ReadAll(start, cancellationToken);
    }

    private static async IAsyncEnumerable<TResponse> ReadAll<TResponse>(Func<CancellationToken, AsyncServerStreamingCall<TResponse>> start, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using AsyncServerStreamingCall<TResponse> call = start(cancellationToken);
        while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return call.ResponseStream.Current;
        }
    }
}
#endif
