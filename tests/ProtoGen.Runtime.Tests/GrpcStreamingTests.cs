using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;
using Xunit;

namespace ProtoGen.Runtime.Tests;

/// <summary>The one iterator behind every wrapper's <c>…StreamAsync</c> method (live calls: ClientWrapperTests).</summary>
public sealed class GrpcStreamingTests
{
    [Fact]
    public async Task StartsTheCallOnlyWhenTheEnumerationStarts_AndDisposesOfItAtTheEnd()
    {
        var stream = new FakeStream(["a", "b"]);
        int started = 0;
        IAsyncEnumerable<string> responses = GrpcStreaming.ReadAllAsync(_ =>
        {
            started++;
            return stream.Call();
        });
        Assert.Equal(0, started);

        var read = new List<string>();
        await foreach (string response in responses)
        {
            read.Add(response);
        }

        Assert.Equal(1, started);
        Assert.Equal(["a", "b"], read);
        Assert.True(stream.Disposed);
    }

    [Fact]
    public async Task TheCallGetsTheTokenOfGetAsyncEnumerator_CombinedWithTheMethodsToken()
    {
        using var fromMethod = new CancellationTokenSource();
        using var fromEnumerator = new CancellationTokenSource();
        var stream = new FakeStream(["a", "b", "c"]);
        CancellationToken given = default;
        IAsyncEnumerable<string> responses = GrpcStreaming.ReadAllAsync(
            token =>
            {
                given = token;
                return stream.Call();
            },
            fromMethod.Token);

        await using IAsyncEnumerator<string> enumerator = responses.GetAsyncEnumerator(fromEnumerator.Token);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.False(given.IsCancellationRequested);

        await fromEnumerator.CancelAsync();
        Assert.True(given.IsCancellationRequested);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await enumerator.MoveNextAsync());
        Assert.False(fromMethod.IsCancellationRequested);
    }

    [Fact]
    public void ANullStart_IsRejected()
        => Assert.Throws<ArgumentNullException>(() => GrpcStreaming.ReadAllAsync<string>(null!));

    private sealed class FakeStream(string[] responses) : IAsyncStreamReader<string>
    {
        private int _index = -1;

        public bool Disposed { get; private set; }

        public string Current => responses[_index];

        public AsyncServerStreamingCall<string> Call()
            => new(this, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => Disposed = true);

        public Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _index++;
            return Task.FromResult(_index < responses.Length);
        }
    }
}
