using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ProtoGen.Breaking.Engine;
using ProtoGen.Breaking.Rules;
using ProtoGen.Testing;
using Xunit;

namespace ProtoGen.Breaking.Tests;

/// <summary>Each rule against its own fixtures: the positive change is reported (pinned by snapshot), the near miss is not.</summary>
public sealed class RuleTests
{
    public static TheoryData<string> RuleIds { get; } = [.. RuleCatalog.All.Where(r => !r.IsDeprecated).Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task Rule_reports_its_positive_fixture_and_not_its_negative_one(string ruleId)
    {
        Assert.True(RuleFixtures.All.TryGetValue(ruleId, out RuleCase? fixture), $"No fixture for {ruleId}.");

        CheckResult positive = Workspaces.Check(fixture.Before, fixture.Positive, ruleId);
        CheckResult negative = Workspaces.Check(fixture.NegativeBefore ?? fixture.Before, fixture.Negative, ruleId);

        Assert.Empty(positive.Diagnostics);
        Assert.NotEmpty(positive.Findings);
        Assert.All(positive.Findings, f => Assert.Equal(ruleId, f.RuleId));
        Assert.Empty(negative.Findings);

        var text = new StringBuilder();
        text.Append("positive:\n").Append(Workspaces.Describe(positive.Findings)).Append("\nnegative: none");
        await Verifier.Verify(text.ToString()).UseFileName("RuleTests." + ruleId);
    }

    [Fact]
    public void Every_fixture_names_a_rule() =>
        Assert.All(RuleFixtures.All.Keys, id => Assert.NotNull(RuleCatalog.Find(id)));
}
