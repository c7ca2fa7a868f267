using ProtoGen.Build.Mapping;
using ProtoGen.Build.Proto;
using Xunit;

namespace ProtoGen.Build.Tests;

public sealed class ProtoStagerTests
{
    private static string Stage(string original, string? ns, bool overrideOwn = false) =>
        ProtoStager.Stage(original, ProtoScanner.Scan(original), new NamespaceDecision(ns, overrideOwn));

    [Fact]
    public void Appends_the_option_as_one_new_line_and_keeps_every_original_line()
    {
        const string original = "syntax = \"proto3\";\npackage a.v1;\n\nmessage X {}\n";
        string staged = Stage(original, "Acme.V1");
        Assert.Equal(original + "option csharp_namespace = \"Acme.V1\"; // added by ProtoGen\n", staged);
    }

    [Fact]
    public void A_file_without_trailing_newline_gets_the_option_on_the_next_line()
    {
        const string original = "syntax = \"proto3\";\nmessage X {}";
        string staged = Stage(original, "Acme");
        Assert.Equal("syntax = \"proto3\";\nmessage X {}\noption csharp_namespace = \"Acme\"; // added by ProtoGen\n", staged);
    }

    [Fact]
    public void Override_replaces_the_own_option_in_place_on_the_same_line()
    {
        const string original = "syntax = \"proto3\";\noption csharp_namespace = \"Old.Name\"; // keep me\nmessage X {}\n";
        string staged = Stage(original, "New.Name", overrideOwn: true);
        Assert.Equal("syntax = \"proto3\";\noption csharp_namespace = \"New.Name\"; // keep me\nmessage X {}\n", staged);
    }

    [Fact]
    public void Override_replaces_concatenated_literals_without_moving_lines()
    {
        const string original = "option csharp_namespace = \"Old.\"\n  \"Name\";\nmessage X {}\n";
        string staged = Stage(original, "New.Name", overrideOwn: true);
        Assert.Equal("option csharp_namespace = \"New.Name\"\n  \"\";\nmessage X {}\n", staged);
        Assert.Equal("New.Name", ProtoScanner.Scan(staged).CSharpNamespace!.Value);
    }

    [Fact]
    public void The_own_option_is_kept_without_override()
    {
        const string original = "option csharp_namespace = \"Own\";\n";
        Assert.Same(original, Stage(original, "Derived", overrideOwn: false));
    }

    [Fact]
    public void An_own_option_equal_to_the_decision_is_kept()
    {
        const string original = "option csharp_namespace = 'Same';\n";
        Assert.Same(original, Stage(original, "Same", overrideOwn: true));
    }

    [Fact]
    public void No_decision_leaves_the_text_identical()
    {
        const string original = "syntax = \"proto3\";\nmessage X {}";
        Assert.Same(original, Stage(original, null));
    }

    [Fact]
    public void An_empty_file_gets_just_the_option()
    {
        Assert.Equal("option csharp_namespace = \"A\"; // added by ProtoGen\n", Stage(string.Empty, "A"));
    }
}
