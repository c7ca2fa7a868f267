using System;
using System.Threading.Tasks;
using Grpc.Core;
using Helloworld;
using ProtoGen.Samples;

namespace HelloWorldSample;

/// <summary>The tutorial's Greeter, which also says which client called and what deadline it set.</summary>
public sealed class GreeterService : Greeter.GreeterBase
{
    public override async Task<HelloReply> SayHello(HelloRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        Console.WriteLine($"[server] SayHello: name={request.Name} x-client={context.RequestHeaders.GetValue("x-client") ?? "(none)"} deadline={Deadlines.Describe(context.Deadline)}");
        await context.WriteResponseHeadersAsync(new Metadata { { "x-server", "helloworld-csharp" } }).ConfigureAwait(false);
        return new HelloReply { Message = "Hello " + request.Name };
    }
}
