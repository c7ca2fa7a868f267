using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ProtoGen.Package.Tests.Infrastructure;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Package.Tests;

/// <summary>
/// The breaking-change check from the packed package: its tasks load from <c>tasks/netstandard2.0/breaking/</c>
/// with the Google.Protobuf (descriptors) and YamlDotNet (buf.yaml) beside them, and fail the build at the proto.
/// </summary>
public sealed class BreakingPackageTests
{
    private static readonly string[] BreakingFolderFiles = ["ProtoGen.Breaking.dll", "Google.Protobuf.dll", "YamlDotNet.dll"];

    private const string Ledger = """
        syntax = "proto3";

        package acme.ledger.v1;

        message Entry {
          string id = 1;
          int64 amount = 2;
          string memo = 3;
        }
        """;

    [Fact]
    public void A_consumer_checked_against_a_directory_baseline_fails_at_the_changed_field()
    {
        using var workspace = new ConsumerWorkspace("breaking");
        workspace
            .Write("Lib/baseline/acme/ledger/v1/ledger.proto", Ledger)
            // Two changes: the type of field 2 (FIELD_SAME_TYPE) and the name of field 3 (FIELD_SAME_NAME and
            // FIELD_SAME_JSON_NAME), which the buf.yaml excepts: read with YamlDotNet.
            .Write("Lib/protos/acme/ledger/v1/ledger.proto", Ledger
                .Replace("  int64 amount = 2;", "  string amount = 2;", StringComparison.Ordinal)
                .Replace("string memo = 3;", "string note = 3;", StringComparison.Ordinal))
            .Write("Lib/buf.yaml", """
                version: v2
                breaking:
                  use:
                    - FILE
                  except:
                    - FIELD_SAME_NAME
                    - FIELD_SAME_JSON_NAME
                """)
            .Write("Lib/Lib.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <ProtoGenBreakingAgainst>baseline</ProtoGenBreakingAgainst>
                  </PropertyGroup>
                  <ItemGroup>
                {workspace.ProtoGenReferences}
                  </ItemGroup>
                  <ItemGroup>
                    <Protobuf Include="protos/**/*.proto" ProtoRoot="protos" GrpcServices="None" />
                  </ItemGroup>
                </Project>
                """);

        ProcessResult build = workspace.Build("Lib");

        Assert.False(build.Succeeded, build.Output);
        string[] errors = build.Output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => Regex.IsMatch(l, @": error [A-Z]+\d+: "))
            .Distinct()
            .ToArray();
        string error = Assert.Single(errors);
        Assert.StartsWith(workspace.Path("Lib/protos/acme/ledger/v1/ledger.proto") + "(7,3): error PGB3002: ", error, StringComparison.Ordinal);
        Assert.EndsWith("[FIELD_SAME_TYPE] [" + workspace.Path("Lib/Lib.csproj") + "]", error, StringComparison.Ordinal);

        // The tasks ran from the package's own folder, with their dependencies beside them.
        string breaking = Path.Combine(Repo.NuGetPackageRoot, "protogen", workspace.Feed.Version, "tasks", "netstandard2.0", "breaking");
        Assert.All(
            BreakingFolderFiles,
            file => Assert.True(File.Exists(Path.Combine(breaking, file)), file + " in " + breaking));
        Assert.False(workspace.Exists("Lib/bin/Debug/net10.0/Lib.dll"), "the check fails the build before the C# compile");
    }
}
