using System;
using System.Linq;
using Grpc.Core;
using Xunit;

namespace ProtoGen.Runtime.Tests;

public sealed class GrpcMetadataTests
{
    [Fact]
    public void Merge_PerCallKeyReplacesAllDefaultsOfThatKey()
    {
        var defaults = new Metadata { { "x-a", "1" }, { "x-a", "2" }, { "x-b", "3" }, { "x-c-bin", new byte[] { 1 } } };
        var perCall = new Metadata { { "x-a", "9" }, { "x-d", "4" } };

        Metadata merged = GrpcMetadataMerge.Merge(defaults, perCall)!;

        Assert.Equal(
            new[] { "x-b=3", "x-c-bin=01", "x-a=9", "x-d=4" },
            merged.Select(e => e.Key + "=" + (e.IsBinary ? Convert.ToHexString(e.ValueBytes) : e.Value)));
        Assert.Equal(4, defaults.Count);
        Assert.Equal(2, perCall.Count);
    }

    [Fact]
    public void Merge_WithoutDefaults_ReturnsThePerCallInstance()
    {
        var perCall = new Metadata { { "x-a", "1" } };
        Assert.Same(perCall, GrpcMetadataMerge.Merge(null, perCall));
        Assert.Same(perCall, GrpcMetadataMerge.Merge(new Metadata(), perCall));
        Assert.Null(GrpcMetadataMerge.Merge(null, null));
    }

    [Fact]
    public void Merge_WithoutPerCall_CopiesTheDefaults()
    {
        var defaults = new Metadata { { "x-a", "1" } };
        Metadata merged = GrpcMetadataMerge.Merge(defaults, null)!;
        Assert.NotSame(defaults, merged);
        Assert.Equal("1", merged.GetValue("x-a"));
    }

    [Theory]
    [InlineData("x-team", true)]
    [InlineData("x_team.v2-bin", true)]
    [InlineData("authorization", true)]
    [InlineData("X-Team", false)]
    [InlineData("x team", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("grpc-timeout", false)]
    [InlineData("content-type", false)]
    [InlineData("te", false)]
    [InlineData("-bin", false)]
    [InlineData("x-ü", false)]
    public void Keys(string? key, bool valid)
    {
        Assert.Equal(valid, GrpcMetadataKeys.IsValidKey(key));
        if (valid)
        {
            GrpcMetadataKeys.ValidateKey(key);
        }
        else
        {
            Assert.Throws<ArgumentException>(() => GrpcMetadataKeys.ValidateKey(key));
        }
    }

    [Fact]
    public void BinaryKeys_AndAsciiValues()
    {
        Assert.True(GrpcMetadataKeys.IsBinaryKey("x-id-bin"));
        Assert.False(GrpcMetadataKeys.IsBinaryKey("x-id"));
        Assert.True(GrpcMetadataKeys.IsValidAsciiValue("a b ~"));
        Assert.False(GrpcMetadataKeys.IsValidAsciiValue("tab\there"));
        Assert.False(GrpcMetadataKeys.IsValidAsciiValue("Zürich"));
        Assert.False(GrpcMetadataKeys.IsValidAsciiValue(null));
    }
}
