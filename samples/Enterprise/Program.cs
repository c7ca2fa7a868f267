using Contoso.Finance.Billing.V1;
using Contoso.Payments.V1;
using EnterpriseSample;
using Microsoft.AspNetCore.Builder;
using ProtoGen.Samples;

// dotnet run --project samples/Enterprise [-- demo|server|client [--port N] [--target HOST:PORT]]
return await SampleProgram.RunAsync(
    args,
    configureServices: _ => { },
    mapServices: endpoints =>
    {
        endpoints.MapGrpcService<LedgerService>();
        endpoints.MapGrpcService<InvoicesService>();
    },
    runClient: channel => EnterpriseClientDemo.RunAsync(new LedgerClientWrapper(channel), new InvoicesClientWrapper(channel)));
