using System;
using System.Globalization;
using System.Threading.Tasks;
using Acme.Legacy.Statements;
using Contoso.Common.V1;
using Contoso.Finance.Billing.V1;
using Contoso.Payments.V1;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace EnterpriseSample;

/// <summary>Shows where each team's types landed, then calls both teams' services through their wrappers.</summary>
public static class EnterpriseClientDemo
{
    public static async Task<int> RunAsync(ILedgerClient ledger, IInvoicesClient invoices)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(invoices);

        // Logical file names (what protoc and imports see) → C# types.
        Show(MoneyReflection.Descriptor, typeof(Money));
        Show(Contoso.Common.V1.CommonReflection.Descriptor, typeof(RequestContext));
        Show(Contoso.Payments.V1.CommonReflection.Descriptor, typeof(PaymentState));
        Show(LedgerReflection.Descriptor, typeof(LedgerEntry));
        Show(InvoicesReflection.Descriptor, typeof(Invoice));
        Show(StatementReflection.Descriptor, typeof(Statement));

        // Company headers, the team header and the deadlines come from the project file, not from this code.
        var context = new RequestContext { Tenant = "contoso", RequestId = "42" };
        LedgerEntry booked = await ledger.RecordEntryAsync(new RecordEntryRequest
        {
            Context = context,
            Entry = new LedgerEntry { Amount = new Money { CurrencyCode = "EUR", Units = 12 } },
        }).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RecordEntry: {booked.Id} {booked.Amount.Units} {booked.Amount.CurrencyCode} {booked.State} at {booked.BookedAt.ToDateTime():yyyy-MM-dd}"));

        // A per-call header replaces the default entries of its key only.
        Invoice invoice = await invoices.GetInvoiceAsync(
            new GetInvoiceRequest { Context = context, Id = "INV-7" },
            headers: new Metadata { { "x-caller", "month-end-job" } }).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GetInvoice: {invoice.Id} {invoice.Total.Units} {invoice.Total.CurrencyCode}, statement of {invoice.Statement.Account}"));

        return booked.State == PaymentState.Settled && invoice.Id == "INV-7" ? 0 : 1;
    }

    private static void Show(FileDescriptor file, Type type) =>
        Console.WriteLine($"{file.Name,-38} -> {type.FullName}");
}
