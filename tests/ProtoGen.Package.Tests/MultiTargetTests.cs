using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ProtoGen.Package.Tests.Infrastructure;
using Xunit;

namespace ProtoGen.Package.Tests;

/// <summary>A library for two frameworks at once, built in parallel, that references only ProtoGen and Google.Protobuf.</summary>
public sealed class MultiTargetTests
{
    [Fact]
    public void Both_frameworks_build_in_parallel_with_mapping_and_wrappers()
    {
        using var workspace = new ConsumerWorkspace("multi target");
        workspace
            .WriteMappedTree("Lib/protos")
            .Write("Lib/Lib.csproj", workspace.MappedProject(
                """
                <TargetFrameworks>netstandard2.0;net10.0</TargetFrameworks>
                <!-- As multi-target libraries usually do; the C# 7.3 default of netstandard2.0 has its own test. -->
                <LangVersion>latest</LangVersion>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                """))
            .Write("Lib/Ledgers.cs", """
                using Contoso.Payments.V1;
                using Grpc.Core;

                namespace Lib
                {
                    /// <summary>Uses the generated wrapper on every framework.</summary>
                    public static class Ledgers
                    {
                        public static ILedgerClient Create(ChannelBase channel) => new LedgerClientWrapper(channel);
                    }
                }
                """);

        workspace.Build("Lib", "-m").AssertSucceeded();

        // Grpc.Tools' targets came with ProtoGen: the project does not reference Grpc.Tools.
        Assert.Contains("Grpc.Tools.targets", File.ReadAllText(workspace.Path("Lib/obj/Lib.csproj.nuget.g.targets")), System.StringComparison.Ordinal);
        foreach (string framework in new[] { "netstandard2.0", "net10.0" })
        {
            Assert.True(workspace.Exists($"Lib/obj/Debug/{framework}/acme/payments/v1/Ledger.cs"), framework + ": mapped output under its logical folder");
            IReadOnlyList<string> types = TypeNames(workspace.Path($"Lib/bin/Debug/{framework}/Lib.dll"));
            Assert.Contains("Contoso.Payments.V1.LedgerClientWrapper", types);
            Assert.Contains("Contoso.Payments.V1.ILedgerClient", types);
            Assert.Contains("Acme.Common.V1.Money", types);
        }
    }

    [Fact]
    public void Wrappers_compile_at_the_default_language_version_of_netstandard2_0()
    {
        using var workspace = new ConsumerWorkspace("csharp 7.3");
        workspace
            .WriteMappedTree("Lib/protos")
            .Write("Lib/Lib.csproj", workspace.MappedProject(
                """
                <TargetFramework>netstandard2.0</TargetFramework>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                """));

        workspace.Build("Lib").AssertSucceeded();

        Assert.Contains("Contoso.Payments.V1.LedgerClientWrapper", TypeNames(workspace.Path("Lib/bin/Debug/netstandard2.0/Lib.dll")));
    }

    private static List<string> TypeNames(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        MetadataReader reader = pe.GetMetadataReader();
        return reader.TypeDefinitions
            .Select(reader.GetTypeDefinition)
            .Select(t => reader.GetString(t.Namespace) + "." + reader.GetString(t.Name))
            .ToList();
    }
}
