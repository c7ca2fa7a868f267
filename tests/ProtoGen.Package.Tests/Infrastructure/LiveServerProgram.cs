namespace ProtoGen.Package.Tests.Infrastructure;

/// <summary>The start of a consumer program that hosts gRPC services on 127.0.0.1 (a free port) and calls them.</summary>
internal static class LiveServerProgram
{
    /// <summary>
    /// The program's usings (<paramref name="usings"/> added), Kestrel on 127.0.0.1 over HTTP/2, the services
    /// <paramref name="mapServices"/> maps (<c>app.MapGrpcService&lt;T&gt;();</c> lines) and a channel to them: <c>app</c>
    /// and <c>channel</c> are in scope after it.
    /// </summary>
    public static string Start(string usings, string mapServices) => $$"""
        using System;
        using System.Linq;
        using System.Net;
        using System.Threading.Tasks;
        using Grpc.Core;
        using Grpc.Net.Client;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Hosting.Server;
        using Microsoft.AspNetCore.Hosting.Server.Features;
        using Microsoft.AspNetCore.Http.Features;
        using Microsoft.AspNetCore.Server.Kestrel.Core;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Logging;
        {{usings}}

        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Parse("127.0.0.1"), 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        await using var app = builder.Build();
        {{mapServices}}
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        using var channel = GrpcChannel.ForAddress(address);

        """;
}
