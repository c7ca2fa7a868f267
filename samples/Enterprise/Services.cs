using System;
using System.Linq;
using System.Threading.Tasks;
using Contoso.Finance.Billing.V1;
using Contoso.Payments.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ProtoGen.Samples;

namespace EnterpriseSample;

/// <summary>The payments team's ledger: books entries as settled.</summary>
public sealed class LedgerService : Ledger.LedgerBase
{
    public override Task<LedgerEntry> RecordEntry(RecordEntryRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        CompanyHeaders.Print(nameof(RecordEntry), context);
        LedgerEntry entry = request.Entry.Clone();
        entry.Id = $"{request.Context.Tenant}-{request.Context.RequestId}";
        entry.State = PaymentState.Settled;
        entry.BookedAt = Timestamp.FromDateTime(new DateTime(2024, 1, 31, 12, 0, 0, DateTimeKind.Utc));
        return Task.FromResult(entry);
    }
}

/// <summary>The billing team's invoices.</summary>
public sealed class InvoicesService : Invoices.InvoicesBase
{
    public override Task<Invoice> GetInvoice(GetInvoiceRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        CompanyHeaders.Print(nameof(GetInvoice), context);
        var total = new Contoso.Common.V1.Money { CurrencyCode = "EUR", Units = 120 };
        return Task.FromResult(new Invoice
        {
            Id = request.Id,
            Total = total,
            Statement = new Acme.Legacy.Statements.Statement { Account = request.Context.Tenant, Balance = total },
        });
    }
}

internal static class CompanyHeaders
{
    public static void Print(string method, ServerCallContext context)
    {
        var headers = context.RequestHeaders
            .Where(e => e.Key.StartsWith("x-", StringComparison.Ordinal))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"{e.Key}={e.Value}");
        Console.WriteLine($"[server] {method}: {string.Join(", ", headers)} deadline={Deadlines.Describe(context.Deadline)}");
    }
}
