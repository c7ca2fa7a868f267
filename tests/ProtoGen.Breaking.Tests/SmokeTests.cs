using ProtoGen.Breaking.Engine;
using Xunit;

namespace ProtoGen.Breaking.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void A_changed_field_type_is_found_at_the_type()
    {
        CheckResult result = Workspaces.Check(
            Workspaces.One("syntax = \"proto3\";\npackage acme.v1;\nmessage Entry {\n  int64 amount = 2;\n}\n"),
            Workspaces.One("syntax = \"proto3\";\npackage acme.v1;\nmessage Entry {\n  string amount = 2;\n}\n"));
        Assert.Equal("a.proto(4,3): FIELD_SAME_TYPE: Field \"2\" with name \"amount\" on message \"Entry\" changed type from \"int64\" to \"string\".", Workspaces.Describe(result.Findings));
    }
}
