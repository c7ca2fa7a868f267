using System;
using System.Threading.Tasks;
using Grpc.Core;
using Helloworld;

namespace HelloWorldSample;

/// <summary>The tutorial's client, through the generated wrapper's interface.</summary>
public static class GreeterClientDemo
{
    public static async Task<int> RunAsync(IGreeterClient client, string name)
    {
        ArgumentNullException.ThrowIfNull(client);
        using AsyncUnaryCall<HelloReply> call = client.SayHelloAsync(new HelloRequest { Name = name });
        HelloReply reply = await call.ResponseAsync.ConfigureAwait(false);
        Metadata headers = await call.ResponseHeadersAsync.ConfigureAwait(false);
        Console.WriteLine($"Greeter client received: {reply.Message}");
        Console.WriteLine($"x-server: {headers.GetValue("x-server") ?? "(none)"}");
        return reply.Message == "Hello " + name ? 0 : 1;
    }
}
