using System;
using System.Threading.Tasks;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ProtoGen.Samples;

/// <summary>The entry point every sample shares: <c>demo</c>, <c>server</c> or <c>client</c> (see <see cref="SampleCommandLine"/>).</summary>
public static class SampleProgram
{
    /// <summary>
    /// Runs the mode the arguments ask for. Servers print <c>listening on 127.0.0.1:PORT</c> once they accept
    /// calls (scripts and tests read the port from it). Returns the process exit code: the client's, or 2 for a bad command line.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args,
        Action<IServiceCollection> configureServices,
        Action<IEndpointRouteBuilder> mapServices,
        Func<GrpcChannel, Task<int>> runClient)
    {
        ArgumentNullException.ThrowIfNull(runClient);
        SampleCommandLine options;
        try
        {
            options = SampleCommandLine.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            await Console.Error.WriteLineAsync(SampleCommandLine.Usage).ConfigureAwait(false);
            return 2;
        }

        if (options.Mode == SampleMode.Client)
        {
            using GrpcChannel channel = GrpcChannel.ForAddress(options.TargetUri);
            return await runClient(channel).ConfigureAwait(false);
        }

        int exitCode = 0;
        SampleServer server = await SampleServer.StartAsync(options.Port, configureServices, mapServices).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            Console.WriteLine($"listening on {server.Address}");
            if (options.Mode == SampleMode.Server)
            {
                await server.WaitForShutdownAsync().ConfigureAwait(false);
            }
            else
            {
                using GrpcChannel channel = GrpcChannel.ForAddress(server.Uri);
                exitCode = await runClient(channel).ConfigureAwait(false);
            }
        }

        Console.WriteLine("server stopped");
        return exitCode;
    }
}
