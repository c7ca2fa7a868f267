using System;
using System.Threading.Tasks;
using ProtoGen.Samples.Tests.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Samples.Tests;

/// <summary>
/// samples/Users: a service without a package importing its messages by a logical path (ImportPrefix), the
/// wrapper's default metadata (ip) printed by the server with the user-agent, and a timeout ending in DeadlineExceeded.
/// </summary>
[Collection(SharedSamples.Name)]
public sealed class UsersTests(SamplesFixture fixture)
{
    private static ProcessSpec CSharpServer => SamplesFixture.CSharp("Users").With("server");

    private static ProcessSpec CSharpClient => SamplesFixture.CSharp("Users").With("client");

    [Fact]
    public async Task Csharp_wrapper_client_calls_csharp_server()
    {
        PairResult result = await SamplesFixture.RunPairAsync(CSharpServer, CSharpClient);

        AssertUsers(result, "DeadlineExceeded", "grpc-dotnet/");
    }

    [Fact]
    public async Task Csharp_wrapper_client_calls_python_server()
    {
        PairResult result = await SamplesFixture.RunPairAsync(await fixture.PythonAsync("users_server.py"), CSharpClient);

        AssertUsers(result, "DeadlineExceeded", "grpc-dotnet/");
    }

    [Fact]
    public async Task Python_client_calls_csharp_server()
    {
        PairResult result = await SamplesFixture.RunPairAsync(CSharpServer, await fixture.PythonAsync("users_client.py"));

        AssertUsers(result, "DEADLINE_EXCEEDED", "grpc-python/");
    }

    private static void AssertUsers(PairResult result, string deadlineExceeded, string userAgent)
    {
        Assert.True(result.ClientExitCode == 0, result.ToString());
        Assert.StartsWith(
            "User created: tom\nUser: alexa (id 2)\nUser: christie (id 3)\n",
            result.ClientOutput,
            StringComparison.Ordinal);
        Assert.Contains($"GetUsers with a 100 ms timeout: {deadlineExceeded}\n", result.ClientOutput, StringComparison.Ordinal);
        Assert.Contains($"[server] CreateUser metadata: ip=127.0.0.1, user-agent={userAgent}", result.ServerOutput, StringComparison.Ordinal);
        Assert.Contains($"[server] GetUsers metadata: ip=127.0.0.1, user-agent={userAgent}", result.ServerOutput, StringComparison.Ordinal);
    }
}
