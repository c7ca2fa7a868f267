using System;
using Xunit;

namespace ProtoGen.Runtime.Tests;

public sealed class GrpcDurationTests
{
    [Theory]
    [InlineData("250ms", 2_500_000L)]
    [InlineData("30s", 300_000_000L)]
    [InlineData("2m", 1_200_000_000L)]
    [InlineData("1h", 36_000_000_000L)]
    [InlineData("1.5s", 15_000_000L)]
    [InlineData("0.0001ms", 1L)]
    [InlineData("00:00:30", 300_000_000L)]
    [InlineData("1.00:00:00", 864_000_000_000L)]
    [InlineData("00:00:00.25", 2_500_000L)]
    public void Valid(string text, long ticks)
    {
        Assert.True(GrpcDuration.TryParse(text, out TimeSpan value));
        Assert.Equal(TimeSpan.FromTicks(ticks), value);
        Assert.Equal(TimeSpan.FromTicks(ticks), GrpcDuration.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" 1s")]
    [InlineData("1s ")]
    [InlineData("1")]
    [InlineData("s")]
    [InlineData("1sec")]
    [InlineData("1MS")]
    [InlineData("1e3ms")]
    [InlineData("1,5s")]
    [InlineData("-1s")]
    [InlineData("0ms")]
    [InlineData("0.00001ms")]
    [InlineData("-00:00:01")]
    [InlineData("00:00:00")]
    [InlineData("00:60:00")]
    [InlineData("99999999999999999999h")]
    public void Invalid(string? text)
    {
        Assert.False(GrpcDuration.TryParse(text, out _));
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => GrpcDuration.Parse(text));
        }
    }
}
