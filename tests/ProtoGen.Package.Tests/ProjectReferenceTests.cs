using System.IO;
using ProtoGen.Package.Tests.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Package.Tests;

/// <summary>Two projects with ProtoGen and wrappers, one referencing the other: one ProtoGen.Runtime, no type clashes.</summary>
public sealed class ProjectReferenceTests
{
    [Fact]
    public void A_project_referencing_another_sees_one_runtime_and_each_projects_wrappers_once()
    {
        using var workspace = new ConsumerWorkspace("project references");
        workspace
            .WriteMappedTree("B/protos")
            .Write("B/B.csproj", workspace.MappedProject(
                """
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                """,
                ledgerMetadata: "GrpcServices=\"Client\" DefaultTimeout=\"5s\""))
            .Write("A/protos/shop.proto", """
                syntax = "proto3";

                package acme.shop.v1;

                service Shop {
                  rpc Order (OrderRequest) returns (OrderReply);
                }

                message OrderRequest { string sku = 1; }
                message OrderReply { string id = 1; }
                """)
            .Write("A/A.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <!-- Wrappers from the project properties rather than item metadata. -->
                    <ProtoGenClientWrappers>true</ProtoGenClientWrappers>
                    <ProtoGenDefaultTimeout>3s</ProtoGenDefaultTimeout>
                  </PropertyGroup>
                  <ItemGroup>
                {workspace.ProtoGenReferences}
                    <ProjectReference Include="../B/B.csproj" />
                  </ItemGroup>
                  <ItemGroup>
                    <Protobuf Include="protos/shop.proto" GrpcServices="Client" />
                  </ItemGroup>
                </Project>
                """)
            .Write("A/Program.cs", """
                using System;
                using Acme.Shop.V1;
                using Contoso.Payments.V1;
                using ProtoGen.Runtime;

                // One GrpcClientDefaults type serves the wrappers of both projects.
                var defaults = new GrpcClientDefaults { DefaultTimeout = TimeSpan.FromSeconds(1) };
                Func<Grpc.Core.CallInvoker, ILedgerClient> ledger = invoker => new LedgerClientWrapper(invoker, defaults);
                Func<Grpc.Core.CallInvoker, IShopClient> shop = invoker => new ShopClientWrapper(invoker, defaults);

                Console.WriteLine($"ledger wrapper in {typeof(LedgerClientWrapper).Assembly.GetName().Name}, default {LedgerClientWrapper.CreateGeneratedDefaults().DefaultTimeout}");
                Console.WriteLine($"shop wrapper in {typeof(ShopClientWrapper).Assembly.GetName().Name}, default {ShopClientWrapper.CreateGeneratedDefaults().DefaultTimeout}");
                Console.WriteLine($"runtime: {typeof(GrpcClientDefaults).Assembly.GetName().Name}");
                return 0;
                """);

        ProcessResult build = workspace.Build("A").AssertSucceeded();
        Assert.DoesNotContain("CS0433", build.Output, System.StringComparison.Ordinal);
        Assert.DoesNotContain("CS0436", build.Output, System.StringComparison.Ordinal);
        Assert.DoesNotMatch(@": warning [A-Z]+[0-9]+", build.Output);

        ProcessResult run = workspace.DotNet("A", "run", "--no-build", "--no-restore").AssertSucceeded();
        Assert.Equal(
            """
            ledger wrapper in B, default 00:00:05
            shop wrapper in A, default 00:00:03
            runtime: ProtoGen.Runtime
            """,
            run.Output.Trim().ReplaceLineEndings("\n"));

        // One copy of the runtime in the output, from the package.
        Assert.True(File.Exists(workspace.Path("A/bin/Debug/net10.0/ProtoGen.Runtime.dll")));
    }
}
