using System;
using System.Threading;
using Xunit;

namespace ProtoGen.Runtime.Tests;

public sealed class GrpcDeadlinesTests
{
    private static readonly DateTime Now = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private static readonly TimeSpan Call = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Method = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Client = TimeSpan.FromSeconds(3);

    [Fact]
    public void ExplicitDeadline_AlwaysWins()
    {
        DateTime deadline = Now.AddMinutes(5);
        Assert.Equal(deadline, GrpcDeadlines.Compute(Now, deadline, Call, Method, Client));
    }

    [Fact]
    public void Timeouts_InOrder_Call_Method_Client()
    {
        Assert.Equal(Now + Call, GrpcDeadlines.Compute(Now, null, Call, Method, Client));
        Assert.Equal(Now + Method, GrpcDeadlines.Compute(Now, null, null, Method, Client));
        Assert.Equal(Now + Client, GrpcDeadlines.Compute(Now, null, null, null, Client));
    }

    [Fact]
    public void NoTimeout_OrInfinite_MeansNoDeadline()
    {
        Assert.Null(GrpcDeadlines.Compute(Now, null, null, null, null));
        Assert.Null(GrpcDeadlines.Compute(Now, null, Timeout.InfiniteTimeSpan, Method, Client));
    }

    [Fact]
    public void Result_IsUtc_AndSaturates()
    {
        DateTime? deadline = GrpcDeadlines.Compute(Now, null, TimeSpan.MaxValue, null, null);
        Assert.Equal(DateTime.MaxValue, deadline);
        Assert.Equal(DateTimeKind.Utc, deadline!.Value.Kind);
        Assert.Equal(DateTimeKind.Utc, GrpcDeadlines.Compute(Now, null, Call, null, null)!.Value.Kind);
    }

    [Fact]
    public void ZeroTimeout_IsAnImmediateDeadline_NegativeThrows()
    {
        Assert.Equal(Now, GrpcDeadlines.Compute(Now, null, TimeSpan.Zero, null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => GrpcDeadlines.Compute(Now, null, TimeSpan.FromSeconds(-1), null, null));
    }
}
