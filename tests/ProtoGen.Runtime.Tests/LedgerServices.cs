using System.Threading.Tasks;
using Grpc.Core;

namespace ProtoGen.Runtime.Tests;

/// <summary>tests.alpha.Ledger: echoes the entry as "alpha:&lt;text&gt;|&lt;metadata the server saw&gt;".</summary>
internal sealed class AlphaLedgerService : global::Tests.Alpha.Ledger.LedgerBase
{
    public override Task<global::Tests.Alpha.Entry> Record(global::Tests.Alpha.Entry request, ServerCallContext context)
        => Task.FromResult(new global::Tests.Alpha.Entry { Text = "alpha:" + request.Text + "|" + RouteGuideService.Describe(context).Name });
}

/// <summary>tests.beta.Ledger: echoes the entry as "beta:&lt;text&gt;|&lt;metadata the server saw&gt;".</summary>
internal sealed class BetaLedgerService : global::Tests.Beta.Ledger.LedgerBase
{
    public override Task<global::Tests.Beta.Entry> Record(global::Tests.Beta.Entry request, ServerCallContext context)
        => Task.FromResult(new global::Tests.Beta.Entry { Text = "beta:" + request.Text + "|" + RouteGuideService.Describe(context).Name });
}
