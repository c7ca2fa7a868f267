using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using ProtoGen.Package.Tests.Infrastructure;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Package.Tests;

/// <summary>
/// A ProtoGen library packed with its protos: a consumer with ProtoGen imports them by logical path from the package,
/// with the library's namespaces and wrappers, and calls a live server; a consumer with plain Grpc.Tools imports them too.
/// </summary>
public sealed class ProtoPackageTests
{
    private const string Money = """
        syntax = "proto3";
        package acme.common.v1;

        message Money {
          string currency = 1;
          int64 units = 2;
        }
        """;

    private const string Ledger = """
        syntax = "proto3";
        package acme.payments.v1;

        import "acme/common/v1/money.proto";

        service Ledger {
          rpc Record (Entry) returns (Receipt);
        }

        message Entry {
          string id = 1;
          acme.common.v1.Money amount = 2;
        }

        message Receipt {
          string id = 1;
          double deadline_seconds = 2;
        }
        """;

    private const string Report = """
        syntax = "proto3";
        package acme.app.v1;

        import "acme/common/v1/money.proto";
        import "acme/payments/v1/ledger.proto";

        message Report {
          acme.payments.v1.Entry entry = 1;
          acme.common.v1.Money total = 2;
        }
        """;

    [Fact]
    public void Packed_library_protos_are_imported_by_ProtoGen_and_plain_Grpc_Tools_consumers_and_its_wrapper_calls_a_live_server()
    {
        using var workspace = new ConsumerWorkspace("proto packages").WithLocalFeed("feed", "Contoso.*");
        string version = "1.0.0-t" + DateTime.UtcNow.Ticks;
        WriteLibrary(workspace, version);

        workspace.DotNet("Lib", "pack", "-nodeReuse:false", "-tl:off", "-v:minimal", "-o", workspace.Path("feed"), $"-p:PackageVersion={version}").AssertSucceeded();
        string nupkg = workspace.Path($"feed/Contoso.Ledger.{version}.nupkg");
        try
        {
            AssertPackageContents(nupkg, version);
            AssertProtoGenConsumer(workspace, version);
            AssertPlainGrpcToolsConsumer(workspace, version);

            // ProtoGenPackProtos=false: a package of the assembly alone.
            string bare = version + ".1";
            workspace.DotNet("Lib", "pack", "--no-build", "-nodeReuse:false", "-tl:off", "-v:minimal", "-o", workspace.Path("feed"), $"-p:PackageVersion={bare}", "-p:ProtoGenPackProtos=false").AssertSucceeded();
            using (ZipArchive optOut = ZipFile.OpenRead(workspace.Path($"feed/Contoso.Ledger.{bare}.nupkg")))
            {
                Assert.Contains("lib/net10.0/Contoso.Ledger.dll", optOut.Entries.Select(e => e.FullName));
                Assert.DoesNotContain(optOut.Entries, e => e.FullName.StartsWith("protos/", StringComparison.Ordinal) || e.FullName.StartsWith("protogen/", StringComparison.Ordinal) || e.FullName.StartsWith("buildTransitive/", StringComparison.Ordinal));
            }

            AssertBreakingCheckAgainstThePackage(workspace, version, bare);
        }
        finally
        {
            // The global packages folder keeps every version it extracted; this one is of this run only.
            foreach (string extracted in new[] { version, version + ".1" }.Select(v => Path.Combine(Repo.NuGetPackageRoot, "contoso.ledger", v)))
            {
                if (Directory.Exists(extracted))
                {
                    Directory.Delete(extracted, recursive: true);
                }
            }
        }
    }

    private static void WriteLibrary(ConsumerWorkspace workspace, string version) =>
        workspace
            .Write("Lib/protos/acme/common/v1/money.proto", Money)
            .Write("Lib/protos/acme/payments/v1/ledger.proto", Ledger)
            .Write("Lib/Lib.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <PackageId>Contoso.Ledger</PackageId>
                    <AssemblyName>Contoso.Ledger</AssemblyName>
                    <Version>{version}</Version>
                    <Authors>ProtoGen tests</Authors>
                    <Description>A proto library of the package tests.</Description>
                    <ProtoGenClientWrappers>true</ProtoGenClientWrappers>
                    <ProtoGenDefaultTimeout>7s</ProtoGenDefaultTimeout>
                  </PropertyGroup>
                  <ItemGroup>
                    <!-- ProtoGen builds the library and stays out of its consumers; the wrappers' runtime goes with it. -->
                    <PackageReference Include="ProtoGen" Version="{workspace.Feed.Version}" PrivateAssets="all" />
                    <PackageReference Include="ProtoGen.Runtime" Version="{workspace.Feed.Version}" />
                    <PackageReference Include="Google.Protobuf" Version="{Repo.GoogleProtobufVersion}" />
                    <PackageReference Include="Grpc.Core.Api" Version="{Repo.GrpcVersion}" />
                  </ItemGroup>
                  <ItemGroup>
                    <Protobuf Include="protos/acme/common/v1/money.proto" ProtoRoot="protos" GrpcServices="None" />
                    <Protobuf Include="protos/acme/payments/v1/ledger.proto" ProtoRoot="protos" GrpcServices="Both" />
                    <ProtoNamespace Include="acme/common" Namespace="Contoso.Shared" />
                  </ItemGroup>
                </Project>
                """);

    /// <summary>The library checked against its previous package (downloaded by its restore): a changed field type fails at the field; a package without protos is PGB3115.</summary>
    private static void AssertBreakingCheckAgainstThePackage(ConsumerWorkspace workspace, string version, string bare)
    {
        workspace.Write("Lib/protos/acme/payments/v1/ledger.proto", Ledger.Replace("double deadline_seconds = 2;", "string deadline_seconds = 2;", StringComparison.Ordinal));

        ProcessResult broken = workspace.Build("Lib", $"-p:ProtoGenBreakingAgainst=Contoso.Ledger@{version}");
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Matches(@"protos/acme/payments/v1/ledger\.proto\(\d+,\d+\): error PGB300\d: Field ""2"" (with name ""deadline_seconds"" )?on message ""Receipt"" changed type from ""double"" to ""string""\. \[FIELD_SAME_TYPE\]", broken.Output);

        ProcessResult noProtos = workspace.Build("Lib", $"-p:ProtoGenBreakingAgainst=Contoso.Ledger@{bare}");
        Assert.NotEqual(0, noProtos.ExitCode);
        Assert.Contains($"error PGB3115: Baseline package Contoso.Ledger {bare} ships no protos", noProtos.Output, StringComparison.Ordinal);
    }

    private static void AssertPackageContents(string nupkg, string version)
    {
        using ZipArchive zip = ZipFile.OpenRead(nupkg);
        string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("lib/net10.0/Contoso.Ledger.dll", entries);
        Assert.Contains("buildTransitive/Contoso.Ledger.props", entries);
        Assert.Contains("buildTransitive/Contoso.Ledger.targets", entries);
        Assert.Equal(["protos/acme/common/v1/money.proto", "protos/acme/payments/v1/ledger.proto"], entries.Where(e => e.StartsWith("protos/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        // The packed money.proto says the namespace the library compiled it with; ledger.proto needed no change.
        Assert.Contains("option csharp_namespace = \"Contoso.Shared.V1\";", Read(zip, "protos/acme/common/v1/money.proto"), StringComparison.Ordinal);
        Assert.Equal(Ledger, Read(zip, "protos/acme/payments/v1/ledger.proto"));
        Assert.Equal(
            $"""
            # ProtoGen proto exports (docs/libraries.md)
            format	1
            package	Contoso.Ledger	{version}
            proto	acme/common/v1/money.proto	Contoso.Shared.V1
            proto	acme/payments/v1/ledger.proto	Acme.Payments.V1

            """,
            Read(zip, "protogen/Contoso.Ledger.protogen-exports"));
        string nuspec = Read(zip, "Contoso.Ledger.nuspec");
        Assert.DoesNotContain("id=\"ProtoGen\"", nuspec, StringComparison.Ordinal); // PrivateAssets="all"
        Assert.Contains("id=\"ProtoGen.Runtime\"", nuspec, StringComparison.Ordinal);
    }

    private static void AssertProtoGenConsumer(ConsumerWorkspace workspace, string version)
    {
        workspace
            .Write("App/protos/acme/app/v1/report.proto", Report)
            .Write("App/App.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                {workspace.ProtoGenReferences}
                    <PackageReference Include="Contoso.Ledger" Version="{version}" />
                    <FrameworkReference Include="Microsoft.AspNetCore.App" />
                    <PackageReference Include="Grpc.AspNetCore.Server" Version="{Repo.GrpcVersion}" />
                    <PackageReference Include="Grpc.Net.Client" Version="{Repo.GrpcVersion}" />
                  </ItemGroup>
                  <ItemGroup>
                    <Protobuf Include="protos/acme/app/v1/report.proto" ProtoRoot="protos" GrpcServices="None" />
                  </ItemGroup>
                </Project>
                """)
            .Write("App/Program.cs", LiveServerProgram.Start(
                "using Acme.App.V1;\nusing Acme.Payments.V1;\nusing Contoso.Shared.V1;",
                "app.MapGrpcService<LedgerService>();") + """
                ILedgerClient ledger = new LedgerClientWrapper(channel);
                var report = new Report { Entry = new Entry { Id = "e-1", Amount = new Money { Currency = "EUR", Units = 12 } }, Total = new Money { Currency = "EUR", Units = 12 } };
                Receipt receipt = await ledger.RecordAsync(report.Entry);
                await app.StopAsync();

                Console.WriteLine($"types: {typeof(Money).FullName} and {typeof(LedgerClientWrapper).FullName} from {typeof(LedgerClientWrapper).Assembly.GetName().Name}");
                Console.WriteLine($"report imports: {string.Join(", ", ReportReflection.Descriptor.Dependencies.Select(d => d.Name))}");
                Console.WriteLine($"call: {receipt.Id}, deadline from the library's default (0-7 s): {receipt.DeadlineSeconds > 0 && receipt.DeadlineSeconds <= 7}");

                sealed class LedgerService : Ledger.LedgerBase
                {
                    public override Task<Receipt> Record(Entry request, ServerCallContext context) =>
                        Task.FromResult(new Receipt { Id = request.Id, DeadlineSeconds = (context.Deadline - DateTime.UtcNow).TotalSeconds });
                }
                """);

        ProcessResult build = workspace.Build("App", "-v:normal");
        build.AssertSucceeded();
        // The app compiles its own proto only; the package's are imported from it.
        Assert.Contains("compiles 1 proto(s): acme/app/v1/report.proto", build.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.Path("App/obj/Debug/net10.0/acme/common/v1/Money.cs")));

        ProcessResult run = workspace.DotNet("App", "run", "--no-build", "--no-restore").AssertSucceeded();
        Assert.Equal(
            """
            types: Contoso.Shared.V1.Money and Acme.Payments.V1.LedgerClientWrapper from Contoso.Ledger
            report imports: acme/common/v1/money.proto, acme/payments/v1/ledger.proto
            call: e-1, deadline from the library's default (0-7 s): True
            """,
            run.Output.Trim().ReplaceLineEndings("\n"));
    }

    private static void AssertPlainGrpcToolsConsumer(ConsumerWorkspace workspace, string version)
    {
        workspace
            .Write("Plain/protos/acme/app/v1/report.proto", Report)
            .Write("Plain/Plain.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Grpc.Tools" Version="{Repo.GrpcVersion}" PrivateAssets="all" />
                    <PackageReference Include="Google.Protobuf" Version="{Repo.GoogleProtobufVersion}" />
                    <PackageReference Include="Contoso.Ledger" Version="{version}" />
                  </ItemGroup>
                  <ItemGroup>
                    <Protobuf Include="protos/acme/app/v1/report.proto" ProtoRoot="protos" GrpcServices="None" />
                  </ItemGroup>
                </Project>
                """)
            .Write("Plain/Program.cs", """
                var report = new Acme.App.V1.Report { Total = new Contoso.Shared.V1.Money { Currency = "EUR", Units = 3 } };
                System.Console.WriteLine(report.Total.GetType().Assembly.GetName().Name + " " + report);
                """);

        workspace.Build("Plain").AssertSucceeded();
        Assert.False(File.Exists(workspace.Path("Plain/obj/Debug/net10.0/protogen/workspace.plan"))); // no ProtoGen here
        ProcessResult run = workspace.DotNet("Plain", "run", "--no-build", "--no-restore").AssertSucceeded();
        Assert.Equal("Contoso.Ledger { \"total\": { \"currency\": \"EUR\", \"units\": \"3\" } }", run.Output.Trim());
    }

    private static string Read(ZipArchive zip, string entry)
    {
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
