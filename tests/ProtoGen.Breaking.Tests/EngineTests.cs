using System.Collections.Generic;
using ProtoGen.Breaking.Engine;
using Xunit;

namespace ProtoGen.Breaking.Tests;

/// <summary>The checker's own behaviour: files whose descriptor did not change are skipped without missing anything.</summary>
public sealed class EngineTests
{
    private const string Header = "syntax = \"proto2\";\npackage acme.v1;\n";

    [Fact]
    public void An_unchanged_file_still_sees_the_default_of_an_enum_another_file_changed()
    {
        var before = new Dictionary<string, string>
        {
            ["colors.proto"] = Header + "enum Color {\n  RED = 1;\n  GREEN = 2;\n}\n",
            ["paint.proto"] = Header + "import \"colors.proto\";\nmessage Paint {\n  optional Color color = 1;\n}\n",
        };
        var after = new Dictionary<string, string>
        {
            ["colors.proto"] = Header + "enum Color {\n  GREEN = 2;\n  RED = 1;\n}\n",
            ["paint.proto"] = before["paint.proto"],
        };

        CheckResult result = Workspaces.Check(before, after, "FIELD_SAME_DEFAULT");

        Assert.Equal("paint.proto(5,3): FIELD_SAME_DEFAULT: Field \"1\" with name \"color\" on message \"Paint\" changed default value from Color.RED to Color.GREEN.", Workspaces.Describe(result.Findings));
    }

    [Fact]
    public void Comments_and_blank_lines_change_no_finding()
    {
        var before = new Dictionary<string, string> { ["a.proto"] = Header + "message A {\n  optional int32 a = 1;\n}\n" };
        var after = new Dictionary<string, string> { ["a.proto"] = Header + "\n// A comment.\nmessage A {\n\n  optional int32 a = 1; // Another.\n}\n" };

        CheckResult result = Workspaces.Check(before, after, "FILE", "PACKAGE", "WIRE_JSON", "WIRE", "CSHARP");

        Assert.Empty(result.Findings);
    }
}
