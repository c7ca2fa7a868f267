using System.IO;
using ProtoGen.Build.Mapping;
using Xunit;

namespace ProtoGen.Build.Tests;

public sealed class LogicalPathsTests
{
    [Theory]
    [InlineData("acme/payments", "acme/payments")]
    [InlineData("acme/payments/", "acme/payments")]
    [InlineData(" acme ", "acme")]
    [InlineData("a", "a")]
    [InlineData("custom-path/v1", "custom-path/v1")]
    public void NormalizePrefix_accepts_canonical_relative_paths(string prefix, string expected)
    {
        Assert.Equal(expected, LogicalPaths.NormalizePrefix(prefix, out string? reason));
        Assert.Null(reason);
    }

    [Theory]
    [InlineData("../bad", "'..' segment")]
    [InlineData("a/../b", "'..' segment")]
    [InlineData("./a", "'.' segment")]
    [InlineData("a/.", "'.' segment")]
    [InlineData("a\\b", "backslash")]
    [InlineData("/x", "absolute")]
    [InlineData("C:x", "absolute")]
    [InlineData("C:/x", "absolute")]
    [InlineData("a//b", "empty segment")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("/", "empty")]
    public void NormalizePrefix_rejects_what_protoc_rejects(string prefix, string reason)
    {
        Assert.Null(LogicalPaths.NormalizePrefix(prefix, out string? actual));
        Assert.NotNull(actual);
        Assert.Contains(reason, actual, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b/c", "a/b", true)]
    [InlineData("a/b", "a/b", true)]
    [InlineData("a/bc", "a/b", false)]
    [InlineData("a", "a/b", false)]
    [InlineData("b/a", "a", false)]
    [InlineData("google/protobuf/compiler", "google/protobuf", true)]
    [InlineData("google/protobufx", "google/protobuf", false)]
    public void IsUnder_respects_segment_boundaries(string path, string prefix, bool expected) =>
        Assert.Equal(expected, LogicalPaths.IsUnder(path, prefix));

    [Theory]
    [InlineData("", "x.proto", "x.proto")]
    [InlineData("a/b", "x.proto", "a/b/x.proto")]
    [InlineData("a", "", "a")]
    public void Combine(string prefix, string relative, string expected) =>
        Assert.Equal(expected, LogicalPaths.Combine(prefix, relative));

    [Theory]
    [InlineData("a/b/x.proto", "a/b")]
    [InlineData("x.proto", "")]
    public void DirectoryOf(string path, string expected) =>
        Assert.Equal(expected, LogicalPaths.DirectoryOf(path));

    [Fact]
    public void RelativeTo_gives_a_slash_separated_path_under_the_root()
    {
        string root = Path.Combine(Path.GetTempPath(), "root");
        Assert.Equal("a/v1/x.proto", LogicalPaths.RelativeTo(root, Path.Combine(root, "a", "v1", "x.proto")));
        Assert.Equal("x.proto", LogicalPaths.RelativeTo(root + Path.DirectorySeparatorChar, Path.Combine(root, "x.proto")));
    }

    [Fact]
    public void RelativeTo_is_null_outside_the_root_and_for_a_sibling_with_a_longer_name()
    {
        string root = Path.Combine(Path.GetTempPath(), "root");
        Assert.Null(LogicalPaths.RelativeTo(root, Path.Combine(Path.GetTempPath(), "other", "x.proto")));
        Assert.Null(LogicalPaths.RelativeTo(root, Path.Combine(Path.GetTempPath(), "rootx", "x.proto")));
    }

    [Fact]
    public void RelativeTo_normalises_dot_segments()
    {
        string root = Path.Combine(Path.GetTempPath(), "root");
        Assert.Equal("b/x.proto", LogicalPaths.RelativeTo(Path.Combine(root, "a", ".."), Path.Combine(root, "b", ".", "x.proto")));
    }
}
