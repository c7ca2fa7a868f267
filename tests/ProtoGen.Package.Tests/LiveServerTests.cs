using ProtoGen.Package.Tests.Infrastructure;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Package.Tests;

/// <summary>The whole workflow from the package: mapping, a namespace rule, a wrapper with defaults, a live call.</summary>
public sealed class LiveServerTests
{
    [Fact]
    public void Mapped_protos_and_a_wrapper_with_defaults_call_a_live_server()
    {
        using var workspace = new ConsumerWorkspace("live server");
        workspace
            .WriteMappedTree("App/protos")
            .Write("App/App.csproj", workspace.MappedProject(
                """
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                """,
                references: $"""
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <PackageReference Include="Grpc.AspNetCore.Server" Version="{Repo.GrpcVersion}" />
                <PackageReference Include="Grpc.Net.Client" Version="{Repo.GrpcVersion}" />
                """))
            .Write("App/Program.cs", LiveServerProgram.Start(
                "using Acme.Common.V1;\nusing Contoso.Payments.V1;",
                "app.MapGrpcService<LedgerService>();") + """
                ILedgerClient ledger = new LedgerClientWrapper(channel);
                var entry = new LedgerEntry { Id = "e-1", Amount = new Money { CurrencyCode = "EUR", Units = 12 } };
                LedgerReceipt receipt = await ledger.RecordEntryAsync(entry);
                LedgerReceipt overridden = await ledger.RecordEntryAsync(entry, timeout: TimeSpan.FromSeconds(60));

                var file = LedgerReflection.Descriptor;
                Console.WriteLine($"proto: {file.Name} imports {file.Dependencies.Single().Name}");
                Console.WriteLine($"namespaces: {typeof(LedgerEntry).Namespace}, {typeof(Money).Namespace}");
                Console.WriteLine($"generated default timeout: {LedgerClientWrapper.CreateGeneratedDefaults().DefaultTimeout}");
                Console.WriteLine($"call: {receipt.Id} {receipt.Summary} from {receipt.Client}");
                bool defaultDeadline = receipt.DeadlineSeconds > 0 && receipt.DeadlineSeconds <= 7;
                bool overriddenDeadline = overridden.DeadlineSeconds > 7 && overridden.DeadlineSeconds <= 60;
                Console.WriteLine($"deadline from the default (0-7 s): {defaultDeadline}");
                Console.WriteLine($"deadline from the per-call timeout (7-60 s): {overriddenDeadline}");
                await app.StopAsync();
                return defaultDeadline && overriddenDeadline ? 0 : 1;

                sealed class LedgerService : Ledger.LedgerBase
                {
                    public override Task<LedgerReceipt> RecordEntry(LedgerEntry request, ServerCallContext context) =>
                        Task.FromResult(new LedgerReceipt
                        {
                            Id = request.Id,
                            Summary = $"{request.Amount.Units} {request.Amount.CurrencyCode}",
                            Client = context.RequestHeaders.GetValue("x-client") ?? "(no header)",
                            DeadlineSeconds = (context.Deadline - DateTime.UtcNow).TotalSeconds,
                        });
                }
                """);

        workspace.Build("App").AssertSucceeded();
        ProcessResult run = workspace.DotNet("App", "run", "--no-build", "--no-restore").AssertSucceeded();

        Assert.Equal(
            """
            proto: acme/payments/v1/ledger.proto imports acme/common/v1/money.proto
            namespaces: Contoso.Payments.V1, Acme.Common.V1
            generated default timeout: 00:00:07
            call: e-1 12 EUR from package-test
            deadline from the default (0-7 s): True
            deadline from the per-call timeout (7-60 s): True
            """,
            run.Output.Trim().ReplaceLineEndings("\n"));
    }
}
