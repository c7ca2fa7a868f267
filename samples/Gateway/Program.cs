using System;
using System.Globalization;
using System.Linq;
using System.Net;
using GatewaySample;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProtoGen.Runtime;
using ProtoGen.Samples;
using Routeguide;

// dotnet run --project samples/Gateway -- [--port N] [--target HOST:PORT]
// An HTTP gateway in front of a RouteGuide server: GET /feature?latitude=..&longitude=.. and
// GET /features?lo_lat=..&lo_lon=..&hi_lat=..&hi_lon=.. call RouteGuide through the IRouteGuideClient that
// AddRouteGuideClient registers. Each request has a budget (Gateway:RequestTimeout, or a shorter x-timeout
// header) that becomes the deadline of its RouteGuide calls whenever it is earlier than their defaults.
SampleCommandLine options;
try
{
    options = SampleCommandLine.Parse(args.Length > 0 && args[0].StartsWith('-') ? ["server", .. args] : args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message + "\nusage: [--port N] [--target HOST:PORT]");
    return 2;
}

WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.Protocols = HttpProtocols.Http1));

// Defaults: RouteGuide.csproj's <Protobuf> (10s), under appsettings.json's GrpcClients:routeguide.RouteGuide
// (GetFeature 3s, x-client), capped by grpc_service_config.json (6s, retries). Checked at start (ValidateOnStart).
builder.Services.AddSingleton<CallLogger>();
builder.Services.AddRouteGuideClient(client => client.Address = options.TargetUri).AddInterceptor<CallLogger>();

WebApplication app = builder.Build();
TimeSpan requestTimeout = GrpcDuration.Parse(app.Configuration["Gateway:RequestTimeout"] ?? "30s");

app.MapGet("/feature", async (HttpContext http, IRouteGuideClient routeGuide, int latitude, int longitude) =>
{
    using (Propagate(http, requestTimeout))
    {
        Feature feature = await routeGuide.GetFeatureAsync(new Point { Latitude = latitude, Longitude = longitude });
        return Results.Json(new { name = feature.Name, latitude = feature.Location?.Latitude ?? latitude, longitude = feature.Location?.Longitude ?? longitude });
    }
});

app.MapGet("/features", async (HttpContext http, IRouteGuideClient routeGuide, int lo_lat, int lo_lon, int hi_lat, int hi_lon) =>
{
    using (Propagate(http, requestTimeout))
    {
        var rectangle = new Rectangle { Lo = new Point { Latitude = lo_lat, Longitude = lo_lon }, Hi = new Point { Latitude = hi_lat, Longitude = hi_lon } };
        int count = 0;
        await foreach (Feature _ in routeGuide.ListFeaturesStreamAsync(rectangle, cancellationToken: http.RequestAborted))
        {
            count++;
        }

        return Results.Json(new { count });
    }
});

// A RouteGuide call that fails answers 504 (its deadline passed) or 502, with the gRPC status.
app.Use(async (http, next) =>
{
    try
    {
        await next(http);
    }
    catch (RpcException e)
    {
        http.Response.StatusCode = e.StatusCode == StatusCode.DeadlineExceeded ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status502BadGateway;
        await http.Response.WriteAsJsonAsync(new { error = e.StatusCode.ToString() });
    }
});

await app.StartAsync();
string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
Console.WriteLine($"listening on 127.0.0.1:{new Uri(address).Port.ToString(CultureInfo.InvariantCulture)}");
await app.WaitForShutdownAsync();
return 0;

// The request's budget: Gateway:RequestTimeout, or the x-timeout header (ProtoGen's duration grammar) when shorter.
static IDisposable Propagate(HttpContext http, TimeSpan requestTimeout)
{
    TimeSpan budget = GrpcDuration.TryParse(http.Request.Headers["x-timeout"].ToString(), out TimeSpan asked) && asked < requestTimeout ? asked : requestTimeout;
    return GrpcDeadlinePropagation.Begin(DateTime.UtcNow + budget, http.RequestAborted);
}
