using System;
using System.IO;
using System.Threading.Tasks;
using ProtoGen.Samples.Tests.Infrastructure;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Samples.Tests;

/// <summary>
/// samples/Libraries: samples/Enterprise's tree split into team libraries (Common, Payments, Billing) and an app that
/// references them. Each proto is compiled once, by its team's library, and the app gets the same types, namespaces
/// and wrappers as the one-project sample.
/// </summary>
[Collection(SharedSamples.Name)]
public sealed class LibrariesTests
{
    [Fact]
    public async Task App_calls_both_teams_through_the_wrappers_their_libraries_generated()
    {
        PairResult result = await SamplesFixture.RunPairAsync(
            SamplesFixture.CSharp("Libraries.App").With("server"),
            SamplesFixture.CSharp("Libraries.App").With("client"));

        Assert.True(result.ClientExitCode == 0, result.ToString());
        string client = result.ClientOutput;
        Assert.Contains("acme/app/v1/month_end.proto imports acme/billing/v1/invoices.proto, acme/payments/v1/ledger.proto\n", client, StringComparison.Ordinal);
        Assert.Contains("wrappers from Libraries.Payments and Libraries.Billing\n", client, StringComparison.Ordinal);
        Assert.Matches(@"acme/common/v1/money\.proto +-> Contoso\.Common\.V1\.Money\n", client);
        Assert.Matches(@"acme/payments/v1/ledger\.proto +-> Contoso\.Payments\.V1\.LedgerEntry\n", client);
        Assert.Matches(@"acme/billing/v1/invoices\.proto +-> Contoso\.Finance\.Billing\.V1\.Invoice\n", client);
        Assert.Matches(@"acme/billing/legacy/statement\.proto +-> Acme\.Legacy\.Statements\.Statement\n", client);
        Assert.Contains("RecordEntry: contoso-42 12 EUR Settled at 2024-01-31\n", client, StringComparison.Ordinal);
        Assert.Contains("GetInvoice: INV-7 120 EUR, statement of contoso\n", client, StringComparison.Ordinal);
        Assert.Matches(@"\[server\] RecordEntry: x-caller=enterprise-sample, x-company=acme, x-team=payments deadline=[345]s\n", result.ServerOutput);
        Assert.Matches(@"\[server\] GetInvoice: x-caller=month-end-job, x-company=acme, x-team=billing deadline=([7-9]|10)s\n", result.ServerOutput);

        // Compiled once: the common protos only in Common, none of the teams' in the app.
        string obj = Path.Combine(Repo.Artifacts, "obj");
        Assert.True(File.Exists(Path.Combine(obj, "Libraries.Common", Repo.Configuration.ToLowerInvariant(), "acme", "common", "v1", "Money.cs")));
        Assert.False(File.Exists(Path.Combine(obj, "Libraries.Payments", Repo.Configuration.ToLowerInvariant(), "acme", "common", "v1", "Money.cs")));
        Assert.False(File.Exists(Path.Combine(obj, "Libraries.App", Repo.Configuration.ToLowerInvariant(), "acme", "payments", "v1", "Ledger.cs")));
        Assert.True(File.Exists(Path.Combine(obj, "Libraries.App", Repo.Configuration.ToLowerInvariant(), "acme", "app", "v1", "MonthEnd.cs")));
    }
}
