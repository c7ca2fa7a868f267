using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProtoGen.Samples;

/// <summary>
/// A gRPC server in this process: Kestrel on 127.0.0.1 (never all interfaces), cleartext HTTP/2 only, so
/// gRPC clients of any language connect with HTTP/2 prior knowledge.
/// </summary>
public sealed class SampleServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SampleServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    /// <summary>The port the server listens on (the one the OS chose when 0 was asked).</summary>
    public int Port { get; }

    /// <summary><c>127.0.0.1:port</c>.</summary>
    public string Address => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The address as a URI for <c>GrpcChannel.ForAddress</c>.</summary>
    public Uri Uri => new("http://" + Address);

    /// <summary>Starts the server on 127.0.0.1:<paramref name="port"/> (0: a free port).</summary>
    public static async Task<SampleServer> StartAsync(int port, Action<IServiceCollection> configureServices, Action<IEndpointRouteBuilder> mapServices)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        ArgumentNullException.ThrowIfNull(mapServices);

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        configureServices(builder.Services);

        WebApplication app = builder.Build();
        mapServices(app);
        await app.StartAsync().ConfigureAwait(false);

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new SampleServer(app, new Uri(address).Port);
    }

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
