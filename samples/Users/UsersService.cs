using System;
using System.Linq;
using System.Threading.Tasks;
using Accounts;
using Grpc.Core;

namespace UsersSample;

/// <summary>The Users server: prints the metadata of every call, streams users back slowly (200 ms each).</summary>
public sealed class UsersService : Users.UsersBase
{
    public override Task<CreateUserResult> CreateUser(CreateUserRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        PrintMetadata(nameof(CreateUser), context);
        return Task.FromResult(new CreateUserResult { User = request.User });
    }

    public override async Task GetUsers(GetUsersRequest request, IServerStreamWriter<GetUsersResult> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        PrintMetadata(nameof(GetUsers), context);
        foreach (User user in request.User)
        {
            await Task.Delay(200, context.CancellationToken).ConfigureAwait(false);
            await responseStream.WriteAsync(new GetUsersResult { User = user }).ConfigureAwait(false);
        }
    }

    private static void PrintMetadata(string method, ServerCallContext context)
    {
        // What the client chose to send: not HTTP/2 or gRPC protocol headers.
        string[] hidden = ["content-type", "te", "host", "accept-encoding"];
        var entries = context.RequestHeaders
            .Where(e => !e.Key.StartsWith(':') && !e.Key.StartsWith("grpc-", StringComparison.Ordinal) && !hidden.Contains(e.Key))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"{e.Key}={e.Value}");
        Console.WriteLine($"[server] {method} metadata: {string.Join(", ", entries)}");
    }
}
