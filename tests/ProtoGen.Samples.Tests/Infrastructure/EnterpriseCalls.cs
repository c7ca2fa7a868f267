using System;
using Xunit;

namespace ProtoGen.Samples.Tests.Infrastructure;

/// <summary>
/// What samples/Enterprise's client shows, and samples/Libraries' app too (the same tree split into libraries): the
/// teams' types with their mapped namespaces, both calls through the wrappers, and the metadata and deadlines the
/// server saw.
/// </summary>
internal static class EnterpriseCalls
{
    public static void AssertTeamsCalled(PairResult result)
    {
        string client = result.ClientOutput;
        Assert.Matches(@"acme/common/v1/money\.proto +-> Contoso\.Common\.V1\.Money\n", client);
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
