using System;
using System.Threading.Tasks;
using ProtoGen.Samples.Tests.Infrastructure;
using Xunit;

namespace ProtoGen.Samples.Tests;

/// <summary>
/// samples/Enterprise: three teams' proto trees imported by logical paths, namespace rules, a proto that keeps its
/// own csharp_namespace, two common.proto files, and wrappers with company-wide default metadata.
/// </summary>
[Collection(SharedSamples.Name)]
public sealed class EnterpriseTests
{
    [Fact]
    public async Task Client_uses_the_mapped_types_and_wrappers_with_company_metadata()
    {
        PairResult result = await SamplesFixture.RunPairAsync(
            SamplesFixture.CSharp("Enterprise").With("server"),
            SamplesFixture.CSharp("Enterprise").With("client"));

        Assert.True(result.ClientExitCode == 0, result.ToString());
        string client = result.ClientOutput;
        Assert.Matches(@"acme/common/v1/money\.proto +-> Contoso\.Common\.V1\.Money\n", client);
        Assert.Matches(@"acme/common/v1/common\.proto +-> Contoso\.Common\.V1\.RequestContext\n", client);
        Assert.Matches(@"acme/payments/v1/common\.proto +-> Contoso\.Payments\.V1\.PaymentState\n", client);
        Assert.Matches(@"acme/payments/v1/ledger\.proto +-> Contoso\.Payments\.V1\.LedgerEntry\n", client);
        Assert.Matches(@"acme/billing/v1/invoices\.proto +-> Contoso\.Finance\.Billing\.V1\.Invoice\n", client);
        Assert.Matches(@"acme/billing/legacy/statement\.proto +-> Acme\.Legacy\.Statements\.Statement\n", client);
        Assert.Contains("RecordEntry: contoso-42 12 EUR Settled at 2024-01-31\n", client, StringComparison.Ordinal);
        Assert.Contains("GetInvoice: INV-7 120 EUR, statement of contoso\n", client, StringComparison.Ordinal);

        // Company headers plus the team's, the per-method timeout (5s) and the company default (10s);
        // a per-call x-caller replaces the default one.
        Assert.Matches(@"\[server\] RecordEntry: x-caller=enterprise-sample, x-company=acme, x-team=payments deadline=[345]s\n", result.ServerOutput);
        Assert.Matches(@"\[server\] GetInvoice: x-caller=month-end-job, x-company=acme, x-team=billing deadline=([7-9]|10)s\n", result.ServerOutput);
    }
}
