using Helloworld;
using HelloWorldSample;
using Microsoft.AspNetCore.Builder;
using ProtoGen.Samples;

// dotnet run --project samples/HelloWorld [-- demo|server|client [--port N] [--target HOST:PORT]]
return await SampleProgram.RunAsync(
    args,
    configureServices: _ => { },
    mapServices: endpoints => endpoints.MapGrpcService<GreeterService>(),
    // The wrapper's deadline (5s) and x-client header come from the <Protobuf> item's metadata.
    runClient: channel => GreeterClientDemo.RunAsync(new GreeterClientWrapper(channel), "world"));
