using ProtoGen.Build.Naming;
using Xunit;

namespace ProtoGen.Build.Tests;

public sealed class CSharpNamesTests
{
    [Theory]
    [InlineData("v1", "V1")]
    [InlineData("custom-path", "CustomPath")]
    [InlineData("my_team", "MyTeam")]
    [InlineData("2024q1", "_2024Q1")]
    [InlineData("ABC", "ABC")]
    [InlineData("---", "")]
    [InlineData("", "")]
    [InlineData("café", "Caf")]
    [InlineData("ñandú", "And")]
    [InlineData("a.b", "AB")]
    [InlineData("payments", "Payments")]
    [InlineData("v1beta2", "V1Beta2")]
    [InlineData("_private", "Private")]
    [InlineData("1", "_1")]
    public void PascalCaseSegment_follows_protoc(string segment, string expected) =>
        Assert.Equal(expected, CSharpNames.PascalCaseSegment(segment));

    [Theory]
    [InlineData("Acme")]
    [InlineData("Acme.Payments.V1")]
    [InlineData("_2024Q1")]
    [InlineData("Grpc.Example.Custom.Path")]
    [InlineData("Café")]
    [InlineData("Class")]
    public void ValidateNamespace_accepts_valid_namespaces(string ns) =>
        Assert.Null(CSharpNames.ValidateNamespace(ns));

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("Acme..V1", "empty part")]
    [InlineData(".Acme", "empty part")]
    [InlineData("Acme.", "empty part")]
    [InlineData("Acme.class", "'class' is a C# keyword")]
    [InlineData("namespace", "'namespace' is a C# keyword")]
    [InlineData("Acme.1V", "'1V' is not a C# identifier")]
    [InlineData("Acme.V-1", "'V-1' is not a C# identifier")]
    [InlineData("Acme. V1", "' V1' is not a C# identifier")]
    public void ValidateNamespace_names_the_reason(string ns, string reason)
    {
        string? actual = CSharpNames.ValidateNamespace(ns);
        Assert.NotNull(actual);
        Assert.Contains(reason, actual, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Foo", true)]
    [InlineData("_foo1", true)]
    [InlineData("1foo", false)]
    [InlineData("int", false)]
    [InlineData("", false)]
    [InlineData("a.b", false)]
    public void IsIdentifier(string name, bool expected) =>
        Assert.Equal(expected, CSharpNames.IsIdentifier(name));
}
