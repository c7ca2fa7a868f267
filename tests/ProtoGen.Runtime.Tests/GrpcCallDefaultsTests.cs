using System;
using System.Linq;
using System.Threading;
using Grpc.Core;
using Xunit;

namespace ProtoGen.Runtime.Tests;

public sealed class GrpcCallDefaultsTests
{
    private static readonly DateTime Now = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private static GrpcClientDefaults Generated() => new()
    {
        DefaultTimeout = TimeSpan.FromSeconds(5),
        MethodTimeouts = { ["Slow"] = TimeSpan.FromSeconds(30), ["Fast"] = TimeSpan.FromSeconds(1) },
        DefaultMetadata = { { "x-team", "maps" }, { "x-id-bin", new byte[] { 7 } } },
    };

    [Fact]
    public void Overrides_AreLaidOverTheGeneratedDefaults()
    {
        var overrides = new GrpcClientDefaults
        {
            DefaultTimeout = TimeSpan.FromSeconds(2),
            MethodTimeouts = { ["Fast"] = TimeSpan.FromMilliseconds(100) },
            DefaultMetadata = { { "x-team", "search" } },
        };

        GrpcCallDefaults defaults = GrpcCallDefaults.Create(Generated(), overrides, () => Now);

        Assert.Equal(TimeSpan.FromSeconds(2), defaults.DefaultTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), defaults.GetDefaultTimeout("Slow"));
        Assert.Equal(TimeSpan.FromMilliseconds(100), defaults.GetDefaultTimeout("Fast"));
        Assert.Equal(TimeSpan.FromSeconds(2), defaults.GetDefaultTimeout("Other"));
        Assert.Equal(new[] { "x-id-bin", "x-team" }, defaults.DefaultMetadata.Select(e => e.Key));
        Assert.Equal("search", defaults.DefaultMetadata.Single(e => e.Key == "x-team").Value);
    }

    [Fact]
    public void InheritGeneratedDefaultsFalse_ReplacesThem()
    {
        GrpcCallDefaults defaults = GrpcCallDefaults.Create(Generated(), new GrpcClientDefaults { InheritGeneratedDefaults = false }, () => Now);
        Assert.Null(defaults.DefaultTimeout);
        Assert.Empty(defaults.MethodTimeouts);
        Assert.Empty(defaults.DefaultMetadata);
        CallOptions options = defaults.CreateCallOptions("Slow", null, null, null, default);
        Assert.Null(options.Deadline);
        Assert.Null(options.Headers);
    }

    [Fact]
    public void InfiniteTimeouts_SwitchDeadlinesOff()
    {
        var overrides = new GrpcClientDefaults { DefaultTimeout = Timeout.InfiniteTimeSpan, MethodTimeouts = { ["Slow"] = Timeout.InfiniteTimeSpan } };
        GrpcCallDefaults defaults = GrpcCallDefaults.Create(Generated(), overrides, () => Now);
        Assert.Null(defaults.GetDefaultTimeout("Slow"));
        Assert.Null(defaults.GetDefaultTimeout("Other"));
        Assert.Equal(TimeSpan.FromSeconds(1), defaults.GetDefaultTimeout("Fast"));
    }

    [Fact]
    public void CreateCallOptions_ComputesTheDeadlineAtCallTime_AndMergesHeaders()
    {
        DateTime clock = Now;
        GrpcCallDefaults defaults = GrpcCallDefaults.Create(Generated(), null, () => clock);
        using var cts = new CancellationTokenSource();

        CallOptions first = defaults.CreateCallOptions("Other", new Metadata { { "x-team", "ops" } }, null, null, cts.Token);
        clock = Now.AddMinutes(1);
        CallOptions second = defaults.CreateCallOptions("Fast", null, null, null, default);
        CallOptions perCall = defaults.CreateCallOptions("Fast", null, null, TimeSpan.FromSeconds(9), default);
        CallOptions explicitDeadline = defaults.CreateCallOptions("Fast", null, Now.AddHours(1), TimeSpan.FromSeconds(9), default);

        Assert.Equal(Now.AddSeconds(5), first.Deadline);
        Assert.Equal(cts.Token, first.CancellationToken);
        Assert.Equal(new[] { "x-id-bin", "x-team" }, first.Headers!.Select(e => e.Key));
        Assert.Equal("ops", first.Headers!.GetValue("x-team"));
        Assert.Equal(Now.AddMinutes(1).AddSeconds(1), second.Deadline);
        Assert.Equal(Now.AddMinutes(1).AddSeconds(9), perCall.Deadline);
        Assert.Equal(Now.AddHours(1), explicitDeadline.Deadline);
    }

    [Fact]
    public void Apply_KeepsACallersDeadline_AndPropagation()
    {
        GrpcCallDefaults defaults = GrpcCallDefaults.Create(Generated(), null, () => Now);

        CallOptions none = defaults.Apply("Slow", new CallOptions());
        Assert.Equal(Now.AddSeconds(30), none.Deadline);
        Assert.Equal(2, none.Headers!.Count);

        CallOptions own = defaults.Apply("Slow", new CallOptions(deadline: Now.AddSeconds(3), headers: new Metadata { { "x-team", "a" } }));
        Assert.Equal(Now.AddSeconds(3), own.Deadline);
        Assert.Equal("a", own.Headers!.GetValue("x-team"));

        CallOptions waiting = defaults.Apply("Slow", new CallOptions().WithWaitForReady());
        Assert.True(waiting.IsWaitForReady);
    }

    [Fact]
    public void None_ChangesNothing()
    {
        CallOptions options = GrpcCallDefaults.None.CreateCallOptions("X", null, null, null, default);
        Assert.Null(options.Deadline);
        Assert.Null(options.Headers);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void InvalidTimeouts_Throw(int seconds)
    {
        Assert.Throws<ArgumentException>(() => GrpcCallDefaults.Create(new GrpcClientDefaults { DefaultTimeout = TimeSpan.FromSeconds(seconds) }, null));
        Assert.Throws<ArgumentException>(() => GrpcCallDefaults.Create(null, new GrpcClientDefaults { MethodTimeouts = { ["M"] = TimeSpan.FromSeconds(seconds) } }));
    }

    [Fact]
    public void InvalidMetadata_Throws()
    {
        Assert.Throws<ArgumentException>(() => GrpcCallDefaults.Create(null, new GrpcClientDefaults { DefaultMetadata = { { "grpc-status", "1" } } }));
        Assert.Throws<ArgumentException>(() => GrpcCallDefaults.Create(null, new GrpcClientDefaults { DefaultMetadata = { { "te", "trailers" } } }));
        Assert.Throws<ArgumentException>(() => GrpcCallDefaults.Create(null, new GrpcClientDefaults { DefaultMetadata = { { "x-a", "line\nbreak" } } }));
        Assert.Throws<ArgumentNullException>(() => GrpcCallDefaults.Create(null, null, null!));
    }

    [Fact]
    public void TheSnapshot_IsNotAffectedByLaterChanges()
    {
        var overrides = new GrpcClientDefaults { DefaultTimeout = TimeSpan.FromSeconds(1) };
        GrpcCallDefaults defaults = GrpcCallDefaults.Create(null, overrides);
        overrides.DefaultTimeout = TimeSpan.FromSeconds(2);
        overrides.MethodTimeouts["M"] = TimeSpan.FromSeconds(3);
        overrides.DefaultMetadata.Add("x-a", "b");
        Assert.Equal(TimeSpan.FromSeconds(1), defaults.GetDefaultTimeout("M"));
        Assert.Empty(defaults.DefaultMetadata);
    }
}
