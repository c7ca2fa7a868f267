using ProtoGen.Package.Tests.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Package.Tests;

/// <summary>A project folder and a proto root outside it, both with spaces in their names (as is the workspace).</summary>
public sealed class PathsWithSpacesTests
{
    [Fact]
    public void Project_and_proto_folders_with_spaces_build_and_run()
    {
        using var workspace = new ConsumerWorkspace("spaces");
        workspace
            .WriteMappedTree("shared protos/team protos")
            .Write("My App/My App.csproj", workspace.MappedProject(
                """
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                """,
                root: "../shared protos/team protos",
                ledgerMetadata: "GrpcServices=\"Client\" DefaultTimeout=\"1.5s\""))
            .Write("My App/Program.cs", """
                using System;
                using Contoso.Payments.V1;

                Console.WriteLine($"{LedgerReflection.Descriptor.Name} -> {typeof(LedgerEntry).Namespace}");
                Console.WriteLine($"default timeout: {LedgerClientWrapper.CreateGeneratedDefaults().DefaultTimeout}");
                return 0;
                """);

        workspace.Build("My App").AssertSucceeded();
        ProcessResult run = workspace.DotNet("My App", "run", "--no-build", "--no-restore").AssertSucceeded();

        Assert.Equal(
            """
            acme/payments/v1/ledger.proto -> Contoso.Payments.V1
            default timeout: 00:00:01.5000000
            """,
            run.Output.Trim().ReplaceLineEndings("\n"));
    }
}
