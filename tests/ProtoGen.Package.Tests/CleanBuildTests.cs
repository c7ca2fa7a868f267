using ProtoGen.Package.Tests.Infrastructure;
using Xunit;

namespace ProtoGen.Package.Tests;

/// <summary><c>dotnet clean</c> removes what ProtoGen and Grpc.Tools wrote; the next build writes it again.</summary>
public sealed class CleanBuildTests
{
    private static readonly string[] Outputs =
    [
        "Lib/obj/Debug/net10.0/acme/payments/v1/Ledger.cs",
        "Lib/obj/Debug/net10.0/acme/payments/v1/LedgerGrpc.cs",
        "Lib/obj/Debug/net10.0/acme/common/v1/Money.cs",
        "Lib/obj/Debug/net10.0/protogen",
        "Lib/bin/Debug/net10.0/Lib.dll",
    ];

    [Fact]
    public void Clean_then_build_recreates_every_output()
    {
        using var workspace = new ConsumerWorkspace("clean");
        workspace
            .WriteMappedTree("Lib/protos")
            .Write("Lib/Lib.csproj", workspace.MappedProject(
                """
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                """));

        workspace.Build("Lib").AssertSucceeded();
        Assert.All(Outputs, output => Assert.True(workspace.Exists(output), output + " after the first build"));

        workspace.DotNet("Lib", "clean", "-nodeReuse:false", "-tl:off", "-v:minimal").AssertSucceeded();
        Assert.All(Outputs, output => Assert.False(workspace.Exists(output), output + " after clean"));

        workspace.Build("Lib").AssertSucceeded();
        Assert.All(Outputs, output => Assert.True(workspace.Exists(output), output + " after clean and build"));
    }
}
