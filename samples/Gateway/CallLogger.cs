using System;
using Grpc.Core;
using Grpc.Core.Interceptors;
using ProtoGen.Samples;

namespace GatewaySample;

/// <summary>
/// An interceptor on the RouteGuide client (AddInterceptor): prints each call with the deadline it goes out with,
/// after the wrapper's defaults, the service config's cap and the gateway's propagated deadline.
/// </summary>
public sealed class CallLogger : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        Log(context.Method, context.Options);
        return continuation(request, context);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        Log(context.Method, context.Options);
        return continuation(request, context);
    }

    private static void Log(IMethod method, CallOptions options)
        => Console.WriteLine($"[gateway] {method.FullName} x-client={options.Headers?.GetValue("x-client") ?? "(none)"} deadline={Deadlines.Describe(options.Deadline ?? DateTime.MaxValue)}");
}
