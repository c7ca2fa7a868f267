using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ProtoGen.Samples;
using Routeguide;
using RouteGuideSample;

// dotnet run --project samples/RouteGuide [-- demo|server|client [--port N] [--target HOST:PORT]]
// With no arguments (demo): starts the server on 127.0.0.1 (a free port), runs the client through all four RPCs
// and a deadline that expires, stops the server, exits 0.
FeatureDatabase database = FeatureDatabase.Load();
return await SampleProgram.RunAsync(
    args,
    configureServices: services => services.AddSingleton(database).AddSingleton<RouteGuideService>(),
    mapServices: endpoints => endpoints.MapGrpcService<RouteGuideService>(),
    runClient: channel =>
    {
        // Deadlines and the x-client header come from the <Protobuf> item in RouteGuide.csproj.
        var client = new RouteGuideClientWrapper(channel);
        return new RouteGuideClientDemo(client, client.Defaults, database).RunAsync();
    });
