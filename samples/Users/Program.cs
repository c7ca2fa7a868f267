using Accounts;
using Microsoft.AspNetCore.Builder;
using ProtoGen.Samples;
using UsersSample;

// dotnet run --project samples/Users [-- demo|server|client [--port N] [--target HOST:PORT]]
return await SampleProgram.RunAsync(
    args,
    configureServices: _ => { },
    mapServices: endpoints => endpoints.MapGrpcService<UsersService>(),
    runClient: channel => UsersClientDemo.RunAsync(new UsersClientWrapper(channel)));
