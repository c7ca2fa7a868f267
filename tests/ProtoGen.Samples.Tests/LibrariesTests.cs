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
        EnterpriseCalls.AssertTeamsCalled(result);

        // Compiled once: the common protos only in Common, none of the teams' in the app.
        static string Generated(string project, params string[] path) =>
            Path.Combine([Repo.Artifacts, "obj", project, Repo.Configuration.ToLowerInvariant(), .. path]);
        Assert.True(File.Exists(Generated("Libraries.Common", "acme", "common", "v1", "Money.cs")));
        Assert.False(File.Exists(Generated("Libraries.Payments", "acme", "common", "v1", "Money.cs")));
        Assert.False(File.Exists(Generated("Libraries.App", "acme", "payments", "v1", "Ledger.cs")));
        Assert.True(File.Exists(Generated("Libraries.App", "acme", "app", "v1", "MonthEnd.cs")));
    }
}
