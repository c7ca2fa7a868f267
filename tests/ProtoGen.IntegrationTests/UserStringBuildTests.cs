using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ProtoGen.IntegrationTests.Infrastructure;
using Xunit;

namespace ProtoGen.IntegrationTests;

/// <summary>
/// The one-assembly ceiling through real builds: protoc's C# embeds every descriptor as string literals, and an assembly
/// holds at most 2^24 bytes of them, past which csc reports one CS8103 per literal. ProtoGen warns from 80 % (PGB2008)
/// and fails at 100 % (PGB1021) before csc runs.
/// </summary>
public sealed class UserStringBuildTests
{
    private const long Limit = 1L << 24;

    /// <summary>
    /// Four protos whose descriptors are big through one custom file option each (a long string: no generated code for
    /// it, so protoc and csc stay fast); the fourth grows from build to build. Random letters, so no two literals are equal.
    /// </summary>
    [Fact]
    public void A_project_near_the_limit_gets_PGB2008_over_it_PGB1021_before_csc_and_the_estimate_matches_csc()
    {
        // Each build's share of the limit is set by the fourth proto's descriptor; the first three are compiled once.
        const double Others = 0.60;
        using TestProject project = new TestProject("user-strings")
            .Write("protos/big/opts.proto", """
                syntax = "proto3";

                package big;

                import "google/protobuf/descriptor.proto";

                extend google.protobuf.FileOptions {
                  string blob = 50000;
                }
                """)
            .Write("protos/big/a.proto", BigProto("a", Others / 3, seed: 1))
            .Write("protos/big/b.proto", BigProto("b", Others / 3, seed: 2))
            .Write("protos/big/c.proto", BigProto("c", Others / 3, seed: 3))
            .Write("protos/big/d.proto", BigProto("d", 0.795 - Others, seed: 4))
            .WithProject(
                """<Protobuf Include="protos/**/*.proto" ProtoRoot="protos" GrpcServices="None" />""",
                """
                <WarningsNotAsErrors>$(WarningsNotAsErrors);PGB2008</WarningsNotAsErrors>
                <MSBuildWarningsNotAsErrors>$(MSBuildWarningsNotAsErrors);PGB2008</MSBuildWarningsNotAsErrors>
                """);

        // 79.5 %: nothing to say, and csc compiles it.
        BuildResult under = project.Build();
        Assert.True(under.Succeeded, under.Output);
        Assert.Empty(under.Diagnostics);
        Assert.Equal(5, under.BatchCompiled.Count);

        // 80.5 %: PGB2008 with the figures. Only d.proto was compiled again: the others' figures come from the cache.
        project.Write("protos/big/d.proto", BigProto("d", 0.805 - Others, seed: 4));
        BuildResult near = project.Build();
        Assert.True(near.Succeeded, near.Output);
        Assert.Equal(["big/d.proto"], near.BatchCompiled);
        string warning = Assert.Single(near.Diagnostics);
        Assert.StartsWith(project.ProjectFile + " : warning PGB2008: ", warning, StringComparison.Ordinal);
        Assert.Contains("needs an estimated 12.9 MB of the 16 MB (2^24 bytes) the CLR allows for an assembly's string literals (80 %)", warning, StringComparison.Ordinal);
        Assert.Contains("Biggest folders: big 12.9 MB in 5 proto(s).", warning, StringComparison.Ordinal);
        Assert.Contains("Biggest protos: big/d.proto 3.3 MB, big/a.proto 3.2 MB, big/b.proto 3.2 MB, big/c.proto 3.2 MB, big/opts.proto 0.0 MB.", warning, StringComparison.Ordinal);
        Assert.Contains("docs/libraries.md", warning, StringComparison.Ordinal);

        // 99.8 %: still a warning, and csc still compiles it: the estimate does not fall short of what csc needs.
        project.Write("protos/big/d.proto", BigProto("d", 0.998 - Others, seed: 4));
        BuildResult atTheEdge = project.Build();
        Assert.True(atTheEdge.Succeeded, atTheEdge.Output);
        Assert.Contains("(99 %)", Assert.Single(atTheEdge.Diagnostics), StringComparison.Ordinal);

        // 100.2 %: PGB1021, and the build stops before csc.
        project.Write("protos/big/d.proto", BigProto("d", 1.002 - Others, seed: 4));
        BuildResult over = project.Build();
        Assert.False(over.Succeeded, over.Output);
        string error = Assert.Single(over.Diagnostics);
        Assert.StartsWith(project.ProjectFile + " : error PGB1021: ", error, StringComparison.Ordinal);
        Assert.Contains("(100 %)", error, StringComparison.Ordinal);
        Assert.DoesNotContain(": error CS8103:", over.Output, StringComparison.Ordinal);

        // The same project without the check: csc fails exactly as estimated, one CS8103 per literal past the limit.
        BuildResult withoutCheck = project.Build(environment: [new KeyValuePair<string, string?>("ProtoGenCheckUserStrings", "false")]);
        Assert.False(withoutCheck.Succeeded, withoutCheck.Output);
        string[] cs8103 = withoutCheck.Diagnostics.Where(d => d.Contains(": error CS8103:", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(cs8103);
        Assert.All(withoutCheck.Diagnostics, d => Assert.Contains(": error CS8103:", d, StringComparison.Ordinal));
    }

    /// <summary>
    /// A proto whose descriptor takes about <paramref name="share"/> of the heap limit: a file option of random letters
    /// (45 descriptor bytes are 60 base64 characters, 122 bytes on the heap).
    /// </summary>
    private static string BigProto(string name, double share, int seed)
    {
        int length = (int)(share * Limit * 45 / 122);
        var random = new Random(seed);
        const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var blob = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            blob.Append(Letters[random.Next(Letters.Length)]);
        }

        return $$"""
            syntax = "proto3";

            package big;

            import "big/opts.proto";

            option (big.blob) = "{{blob}}";

            message {{name.ToUpperInvariant()}} {
              string name = 1;
            }
            """;
    }
}
