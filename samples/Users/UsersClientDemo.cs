using System;
using System.Threading.Tasks;
using Accounts;
using Grpc.Core;

namespace UsersSample;

/// <summary>Creates a user, lists users, then lists them under a deadline too short for the server.</summary>
public static class UsersClientDemo
{
    public static async Task<int> RunAsync(IUsersClient client)
    {
        ArgumentNullException.ThrowIfNull(client);

        // The wrapper adds ip=127.0.0.1 and a 5s deadline (from the <Protobuf> item) to every call.
        CreateUserResult created = await client.CreateUserAsync(new CreateUserRequest { User = new User { Username = "tom", UserId = 1 } }).ConfigureAwait(false);
        Console.WriteLine($"User created: {created.User.Username}");

        var request = new GetUsersRequest
        {
            User = { new User { Username = "alexa", UserId = 2 }, new User { Username = "christie", UserId = 3 } },
        };
        int streamed = 0;
        await foreach (GetUsersResult result in client.GetUsersStreamAsync(request).ConfigureAwait(false))
        {
            streamed++;
            Console.WriteLine($"User: {result.User.Username} (id {result.User.UserId})");
        }

        // The server takes 200 ms per user: a 100 ms per-call timeout (over the wrapper's 5s) expires first.
        StatusCode status = StatusCode.OK;
        try
        {
            await foreach (GetUsersResult result in client.GetUsersStreamAsync(request, timeout: TimeSpan.FromMilliseconds(100)).ConfigureAwait(false))
            {
                Console.WriteLine($"User: {result.User.Username} (id {result.User.UserId})");
            }
        }
        catch (RpcException e)
        {
            status = e.StatusCode;
        }

        Console.WriteLine($"GetUsers with a 100 ms timeout: {status}");
        return created.User.Username == "tom" && streamed == 2 && status == StatusCode.DeadlineExceeded ? 0 : 1;
    }
}
