using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProtoGen.Breaking.Config;
using ProtoGen.Breaking.Engine;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Testing;
using Xunit;

namespace ProtoGen.Breaking.Tests;

/// <summary>buf.yaml in its three versions: rule selection, ignores, and mistakes reported at their line.</summary>
public sealed class BufYamlTests
{
    private const string Header = "syntax = \"proto3\";\npackage acme.v1;\n";

    private static readonly Dictionary<string, string> Before = Workspaces.One(Header + "message Entry {\n  int64 amount = 1;\n  string memo = 2;\n}\n");

    /// <summary>A type change no encoding survives, a rename and a deletion.</summary>
    private static readonly Dictionary<string, string> After = Workspaces.One(Header + "message Entry {\n  string total = 1;\n}\n");

    private static string Root => Path.Combine(Path.GetTempPath(), "protogen-bufyaml");

    [Theory]
    [InlineData("v1beta1")]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task The_same_category_means_what_it_means_in_that_version(string version)
    {
        BreakingPolicy policy = Workspaces.Policy($"version: {version}\nbreaking:\n  use:\n    - WIRE_JSON\n", Root);
        CheckResult result = Workspaces.Check(Before, After, policy);
        await Verifier.Verify(Workspaces.Describe(result.Findings)).UseParameters(version);
    }

    [Fact]
    public void Defaults_are_FILE()
    {
        BreakingPolicy policy = Workspaces.Policy("version: v2\n", Root);
        Assert.Contains("FILE_NO_DELETE", policy.RulesToRun);
        Assert.DoesNotContain("FIELD_WIRE_COMPATIBLE_TYPE", policy.RulesToRun);
        Assert.DoesNotContain("CSHARP_TYPE_NO_DELETE", policy.RulesToRun);
    }

    [Fact]
    public void Except_and_deprecated_ids_follow_buf()
    {
        BreakingPolicy policy = Workspaces.Policy("version: v1\nbreaking:\n  use: [FILE, FIELD_SAME_LABEL]\n  except: [FIELD_SAME_NAME]\n", Root);
        Assert.Contains("FIELD_WIRE_COMPATIBLE_CARDINALITY", policy.RulesToRun);
        Assert.DoesNotContain("FIELD_SAME_NAME", policy.RulesToRun);
        Assert.DoesNotContain("FIELD_SAME_LABEL", policy.RulesToRun);
    }

    [Fact]
    public void MSBuild_settings_win_over_use_except_and_ignore_unstable_packages()
    {
        BreakingPolicy policy = Workspaces.Policy(
            "version: v2\nbreaking:\n  use: [FILE]\n  except: [FIELD_SAME_TYPE]\n  ignore_unstable_packages: true\n", Root,
            new BreakingSettings(["WIRE", "CSHARP"], ["RPC_NO_DELETE"], IgnoreUnstablePackages: false));
        Assert.Contains("FIELD_WIRE_COMPATIBLE_TYPE", policy.RulesToRun);
        Assert.Contains("CSHARP_PROPERTY_NO_DELETE", policy.RulesToRun);
        Assert.DoesNotContain("FILE_NO_DELETE", policy.RulesToRun);
        Assert.False(policy.Scopes.Single().IgnoreUnstablePackages);
    }

    [Fact]
    public void Ignore_leaves_out_a_file_or_a_directory()
    {
        var before = new Dictionary<string, string> { ["acme/legacy/old.proto"] = Header + "message Old {\n  int32 a = 1;\n}\n", ["acme/v1/a.proto"] = Header + "message Keep {\n  int32 a = 1;\n}\n" };
        var after = new Dictionary<string, string> { ["acme/legacy/old.proto"] = Header + "message Old {\n  string a = 1;\n}\n", ["acme/v1/a.proto"] = Header + "message Keep {\n  string a = 1;\n}\n" };
        BreakingPolicy policy = Workspaces.Policy("version: v1\nbreaking:\n  ignore:\n    - acme/legacy\n", Root);

        CheckResult result = Workspaces.Check(before, after, policy);

        Assert.Equal("acme/v1/a.proto", Assert.Single(result.Findings).FilePath);
        IgnoredFinding ignored = Assert.Single(result.Ignored);
        Assert.Contains("ignores 'acme/legacy'", ignored.Reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_v2_ignore_path_starts_with_the_module_path()
    {
        var before = new Dictionary<string, string> { ["acme/legacy/old.proto"] = Header + "message Old {\n  int32 a = 1;\n}\n" };
        var after = new Dictionary<string, string> { ["acme/legacy/old.proto"] = Header + "message Old {\n  string a = 1;\n}\n" };
        BreakingPolicy policy = Workspaces.Policy("version: v2\nmodules:\n  - path: proto\nbreaking:\n  ignore:\n    - proto/acme/legacy\n", Root);

        CheckResult result = Workspaces.Check(before, after, policy);

        Assert.Empty(result.Findings);
        Assert.Single(result.Ignored);
    }

    [Fact]
    public void Ignore_only_leaves_out_one_rule_for_the_paths_it_lists()
    {
        BreakingPolicy policy = Workspaces.Policy("version: v1\nbreaking:\n  ignore_only:\n    FIELD_SAME_TYPE:\n      - a.proto\n", Root);

        CheckResult result = Workspaces.Check(Before, After, policy);

        Assert.Equal("FIELD_SAME_TYPE", Assert.Single(result.Ignored).Finding.RuleId);
        Assert.Equal(["FIELD_NO_DELETE", "FIELD_SAME_JSON_NAME", "FIELD_SAME_NAME"], result.Findings.Select(f => f.RuleId).OrderBy(r => r));
    }

    [Theory]
    [InlineData("acme.v1beta1", true)]
    [InlineData("acme.v1alpha", true)]
    [InlineData("acme.v1p1beta2", true)]
    [InlineData("acme.v2test", true)]
    [InlineData("acme.v1", false)]
    [InlineData("acme", false)]
    [InlineData("acme.beta", false)]
    public void Ignore_unstable_packages_reads_the_last_component(string package, bool ignored)
    {
        string header = $"syntax = \"proto3\";\npackage {package};\n";
        BreakingPolicy policy = Workspaces.Policy("version: v1\nbreaking:\n  ignore_unstable_packages: true\n", Root);

        CheckResult result = Workspaces.Check(
            Workspaces.One(header + "message Entry {\n  int64 amount = 1;\n}\n"), Workspaces.One(header + "message Entry {\n  string amount = 1;\n}\n"), policy);

        Assert.Equal(ignored, result.Findings.Count == 0);
        Assert.Equal(ignored, result.Ignored.Count == 1);
    }

    [Fact]
    public void The_nearest_buf_yaml_decides_for_a_file()
    {
        string project = Path.Combine(Root, "project");
        string teamRoot = Path.Combine(project, "team");
        var diagnostics = new List<BuildDiagnostic>();
        BufBreakingConfig outer = BufYamlReader.Parse("version: v1\nbreaking:\n  use: [WIRE]\n", Path.Combine(project, "buf.yaml"), diagnostics)!;
        BufBreakingConfig inner = BufYamlReader.Parse("version: v1\nbreaking:\n  use: [FILE]\n", Path.Combine(teamRoot, "buf.yaml"), diagnostics)!;
        BreakingPolicy policy = BreakingPolicy.Create(new BreakingSettings(), [outer, inner], project, "test.csproj", diagnostics);

        Assert.Empty(diagnostics);
        Assert.Contains("FIELD_SAME_NAME", policy.ScopeFor(Path.Combine(teamRoot, "a.proto")).Rules);
        Assert.DoesNotContain("FIELD_SAME_NAME", policy.ScopeFor(Path.Combine(project, "b.proto")).Rules);
        Assert.DoesNotContain("FIELD_SAME_NAME", policy.ScopeFor(Path.Combine(Root, "elsewhere", "c.proto")).Rules);
    }

    [Theory]
    [InlineData("version: v1\nbreaking:\n  use:\n    - FIELD_SAME_TYPO\n", "PGB3102 (4,7)")]
    [InlineData("version: v1beta1\nbreaking:\n  use: [FIELD_WIRE_COMPATIBLE_TYPE]\n", "PGB3102 (3,9)")]
    [InlineData("version: v2\nbreaking:\n  ignore_only:\n    NOT_A_RULE: [a.proto]\n", "PGB3102 (4,5)")]
    [InlineData("version: v1\nbreaking:\n  use: [FILE\n", "PGB3101 (4,1)")]
    [InlineData("version: v3\n", "PGB3101 (1,10)")]
    [InlineData("version: v1\nbreaking:\n  ignore_unstable_package: true\n", "PGB3101 (3,3)")]
    [InlineData("version: v1\nbreaking:\n  use: FILE\n", "PGB3101 (3,8)")]
    public void A_mistake_is_reported_at_its_line_and_column(string text, string expected)
    {
        var diagnostics = new List<BuildDiagnostic>();
        BufBreakingConfig? config = BufYamlReader.Parse(text, "buf.yaml", diagnostics);

        Assert.Null(config);
        BuildDiagnostic d = Assert.Single(diagnostics);
        Assert.Equal(expected, $"{d.Descriptor.Code} ({d.Line},{d.Column})");
        Assert.Equal("buf.yaml", d.File);
    }

    [Fact]
    public void An_unknown_id_in_an_MSBuild_setting_is_reported_at_the_project()
    {
        var diagnostics = new List<BuildDiagnostic>();
        BreakingPolicy.Create(new BreakingSettings(["FILE", "WIRE_JSONN"]), [], null, "app.csproj", diagnostics);
        BuildDiagnostic d = Assert.Single(diagnostics);
        Assert.Equal(("PGB3102", "app.csproj"), (d.Descriptor.Code, d.File));
    }
}
