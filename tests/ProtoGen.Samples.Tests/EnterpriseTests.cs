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
        EnterpriseCalls.AssertTeamsCalled(result);
        Assert.Matches(@"acme/common/v1/common\.proto +-> Contoso\.Common\.V1\.RequestContext\n", result.ClientOutput);
        Assert.Matches(@"acme/payments/v1/common\.proto +-> Contoso\.Payments\.V1\.PaymentState\n", result.ClientOutput);
    }
}
