using System;
using System.Linq;
using Acme.App.V1;
using Contoso.Finance.Billing.V1;
using Contoso.Payments.V1;
using EnterpriseSample;
using Microsoft.AspNetCore.Builder;
using ProtoGen.Samples;

// dotnet run --project samples/Libraries/App [-- demo|server|client [--port N] [--target HOST:PORT]]
return await SampleProgram.RunAsync(
    args,
    configureServices: _ => { },
    mapServices: endpoints =>
    {
        endpoints.MapGrpcService<LedgerService>();
        endpoints.MapGrpcService<InvoicesService>();
    },
    runClient: async channel =>
    {
        // The app's proto, compiled here, refers to the teams' types, compiled once in their libraries.
        Console.WriteLine($"{MonthEndReflection.Descriptor.Name} imports {string.Join(", ", MonthEndReflection.Descriptor.Dependencies.Select(d => d.Name))}");
        Console.WriteLine($"wrappers from {typeof(LedgerClientWrapper).Assembly.GetName().Name} and {typeof(InvoicesClientWrapper).Assembly.GetName().Name}");
        return await EnterpriseClientDemo.RunAsync(new LedgerClientWrapper(channel), new InvoicesClientWrapper(channel));
    });
