using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.Mapping;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Build.Tests;

public sealed class ProtoMapperTests
{
    private const string Project = "/repo/app/App.csproj";

    // ProtoMapper reads no file: these paths need not exist.
    private static readonly string Repo = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "mapper-repo"));
    private static readonly string Stage = Path.Combine(Repo, "obj", "stage");

    private static string At(string relative) => Path.Combine(Repo, relative.Replace('/', Path.DirectorySeparatorChar));

    private static ProtoItemInput Item(
        string relative,
        string root = "protos",
        string prefix = "",
        string csharpNamespace = "",
        bool @override = false,
        string importDirs = "") =>
        new(relative, At(relative), At(root), prefix, csharpNamespace, @override, importDirs, Project);

    private static NamespaceRuleInput Rule(string prefix, string ns, bool @override = false) => new(prefix, ns, @override, Project);

    private static MappingPlan Map(IReadOnlyList<ProtoItemInput> items, IReadOnlyList<NamespaceRuleInput>? rules = null, FakeLocator? locator = null) =>
        ProtoMapper.Map(items, rules ?? [], Stage, locator ?? new FakeLocator());

    private static MappedProto Single(MappingPlan plan)
    {
        Assert.Empty(plan.Diagnostics);
        return Assert.Single(plan.Protos);
    }

    [Fact]
    public void A_CSharpNamespace_on_the_item_wins_and_overrides_the_own_option()
    {
        MappedProto proto = Single(Map(
            [Item("protos/acme/payments/v1/ledger.proto", prefix: "x", csharpNamespace: "Explicit.Ns")],
            [Rule("x/acme", "FromRule")]));
        Assert.Equal(new NamespaceDecision("Explicit.Ns", OverrideOwnOption: true), proto.Namespace);
    }

    [Fact]
    public void A_CSharpNamespace_without_prefix_stages_the_file_at_its_relative_path()
    {
        MappedProto proto = Single(Map([Item("protos/a/x.proto", csharpNamespace: "Ns")]));
        Assert.Equal("a/x.proto", proto.LogicalPath);
        Assert.Equal(new NamespaceDecision("Ns", true), proto.Namespace);
    }

    [Fact]
    public void A_rule_gives_its_namespace_plus_the_PascalCased_remainder()
    {
        MappedProto proto = Single(Map(
            [Item("protos/acme/payments/v1/ledger.proto")],
            [Rule("acme/payments", "Contoso.Payments")]));
        Assert.Equal("acme/payments/v1/ledger.proto", proto.LogicalPath);
        Assert.Equal(new NamespaceDecision("Contoso.Payments.V1", OverrideOwnOption: false), proto.Namespace);
    }

    [Fact]
    public void A_rule_for_the_file_directory_itself_gives_its_namespace_unchanged()
    {
        MappedProto proto = Single(Map([Item("protos/acme/payments/x.proto")], [Rule("acme/payments/", "Contoso.Payments")]));
        Assert.Equal("Contoso.Payments", proto.Namespace.Namespace);
    }

    [Fact]
    public void The_longest_rule_prefix_wins_whatever_the_rule_order()
    {
        ProtoItemInput item = Item("protos/acme/payments/v1/internal_api/ledger.proto");
        MappingPlan plan = Map([item], [Rule("acme", "Acme"), Rule("acme/payments/v1", "Contoso.PaymentsV1"), Rule("acme/payments", "Contoso.Payments")]);
        Assert.Equal("Contoso.PaymentsV1.InternalApi", Single(plan).Namespace.Namespace);
    }

    [Fact]
    public void A_rule_matches_whole_segments_only()
    {
        MappingPlan plan = Map([Item("protos/acme/paymentsx/x.proto")], [Rule("acme/payments", "Contoso.Payments")]);
        Assert.Empty(plan.Protos); // No rule, no prefix: (d).
        Assert.Empty(plan.Diagnostics);
    }

    [Fact]
    public void A_rule_applies_to_the_logical_path_including_the_ImportPrefix()
    {
        MappedProto proto = Single(Map(
            [Item("protos/v1/ledger.proto", prefix: "acme/payments")],
            [Rule("acme/payments", "Contoso.Payments")]));
        Assert.Equal("acme/payments/v1/ledger.proto", proto.LogicalPath);
        Assert.Equal("Contoso.Payments.V1", proto.Namespace.Namespace);
    }

    [Fact]
    public void An_ImportPrefix_without_a_rule_gives_the_PascalCased_logical_directory()
    {
        MappedProto proto = Single(Map([Item("protos/v1/ledger.proto", prefix: "my_team/custom-path")]));
        Assert.Equal("my_team/custom-path/v1/ledger.proto", proto.LogicalPath);
        Assert.Equal(new NamespaceDecision("MyTeam.CustomPath.V1", OverrideOwnOption: false), proto.Namespace);
    }

    [Fact]
    public void The_grpc_example_custom_path_prefix()
    {
        MappedProto proto = Single(Map([Item("protos/helloworld.proto", prefix: "grpc/example/custom/path")]));
        Assert.Equal("grpc/example/custom/path/helloworld.proto", proto.LogicalPath);
        Assert.Equal("Grpc.Example.Custom.Path", proto.Namespace.Namespace);
    }

    [Fact]
    public void No_prefix_and_no_rule_leaves_the_item_alone()
    {
        MappingPlan plan = Map([Item("protos/a/v1/x.proto")]);
        Assert.Empty(plan.Protos);
        Assert.Empty(plan.Diagnostics);
    }

    [Fact]
    public void Override_on_the_rule_overrides_the_own_option()
    {
        MappedProto proto = Single(Map([Item("protos/acme/x.proto")], [Rule("acme", "Acme", @override: true)]));
        Assert.Equal(new NamespaceDecision("Acme", OverrideOwnOption: true), proto.Namespace);
    }

    [Fact]
    public void Override_on_the_item_overrides_the_own_option_under_a_rule()
    {
        MappedProto proto = Single(Map([Item("protos/acme/x.proto", @override: true)], [Rule("acme", "Acme")]));
        Assert.Equal(new NamespaceDecision("Acme", OverrideOwnOption: true), proto.Namespace);
    }

    [Fact]
    public void Override_on_the_item_overrides_the_own_option_under_a_prefix()
    {
        MappedProto proto = Single(Map([Item("protos/x.proto", prefix: "acme/v1", @override: true)]));
        Assert.Equal(new NamespaceDecision("Acme.V1", OverrideOwnOption: true), proto.Namespace);
    }

    [Fact]
    public void Well_known_types_are_never_staged()
    {
        MappingPlan plan = Map(
            [Item("include/google/protobuf/timestamp.proto", root: "include"), Item("include/google/protobuf/compiler/plugin.proto", root: "include")],
            [Rule("google", "Google")]);
        Assert.Empty(plan.Diagnostics);
        Assert.Empty(plan.Protos);
    }

    [Fact]
    public void The_staged_path_is_the_logical_path_under_the_stage()
    {
        MappedProto proto = Single(Map([Item("protos/v1/x.proto", prefix: "acme/payments")]));
        Assert.Equal(Path.Combine(Stage, "acme", "payments", "v1", "x.proto"), proto.StagedPath);
    }

    [Fact]
    public void Without_prefix_the_staged_path_is_the_path_under_the_root()
    {
        MappedProto proto = Single(Map([Item("protos/acme/x.proto")], [Rule("acme", "Acme")]));
        Assert.Equal(Path.Combine(Stage, "acme", "x.proto"), proto.StagedPath);
    }

    [Fact]
    public void ImportDirs_are_the_stage_then_each_mapped_root_once_in_item_order()
    {
        MappingPlan plan = Map(
            [
                Item("b/x.proto", root: "b", prefix: "bee"),
                Item("a/acme/y.proto", root: "a"),
                Item("b/z.proto", root: "b", prefix: "bee/"),
                Item("c/unmapped.proto", root: "c"),
            ],
            [Rule("acme", "Acme")]);
        Assert.Empty(plan.Diagnostics);
        Assert.Equal(3, plan.Protos.Count);
        Assert.Equal([Stage, "bee=" + At("b"), At("a")], plan.ImportDirs);
    }

    [Fact]
    public void Protos_keep_item_order()
    {
        MappingPlan plan = Map([Item("protos/z.proto", prefix: "p"), Item("protos/a.proto", prefix: "p")]);
        Assert.Equal(["p/z.proto", "p/a.proto"], plan.Protos.Select(p => p.LogicalPath));
    }

    [Fact]
    public void The_same_file_twice_is_staged_once()
    {
        MappingPlan plan = Map([Item("protos/x.proto", prefix: "p"), Item("protos/x.proto", prefix: "p")]);
        Assert.Empty(plan.Diagnostics);
        Assert.Single(plan.Protos);
    }

    // --- Diagnostics: code, file and position. ---

    [Fact]
    public void PGB1003_an_invalid_ImportPrefix_points_at_the_project_line()
    {
        var locator = new FakeLocator(("ImportPrefix", "../bad", 12, 5));
        MappingPlan plan = Map([Item("protos/x.proto", prefix: "../bad")], locator: locator);
        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB1003", Project, 12, 5);
        Assert.Contains("'..'", d.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Protos);
    }

    [Fact]
    public void PGB1003_an_invalid_rule_prefix()
    {
        var locator = new FakeLocator(("Include", "/abs", 3, 20));
        MappingPlan plan = Map([Item("protos/abs/x.proto")], [Rule("/abs", "Abs")], locator);
        AssertDiagnostic(Assert.Single(plan.Diagnostics), "PGB1003", Project, 3, 20);
    }

    [Fact]
    public void PGB1003_an_invalid_prefix_in_AdditionalImportDirs()
    {
        const string dirs = "/other;a\\b=/third";
        var locator = new FakeLocator(("AdditionalImportDirs", dirs, 7, 9));
        MappingPlan plan = Map([Item("protos/x.proto", prefix: "p", importDirs: dirs)], locator: locator);
        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB1003", Project, 7, 9);
        Assert.Contains("a\\b=/third", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PGB1004_an_invalid_item_CSharpNamespace()
    {
        var locator = new FakeLocator(("CSharpNamespace", "Acme.class", 8, 30));
        MappingPlan plan = Map([Item("protos/x.proto", csharpNamespace: "Acme.class")], locator: locator);
        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB1004", Project, 8, 30);
        Assert.Contains("keyword", d.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Protos);
    }

    [Fact]
    public void PGB1004_an_invalid_rule_namespace()
    {
        var locator = new FakeLocator(("Namespace", "1Acme", 4, 40));
        MappingPlan plan = Map([Item("protos/acme/x.proto")], [Rule("acme", "1Acme")], locator);
        AssertDiagnostic(Assert.Single(plan.Diagnostics), "PGB1004", Project, 4, 40);
    }

    [Fact]
    public void PGB1004_a_derived_segment_with_no_letter_or_digit_points_at_the_proto()
    {
        ProtoItemInput item = Item("protos/---/x.proto", prefix: "acme");
        MappingPlan plan = Map([item]);
        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB1004", item.FullPath, 1, 1);
        Assert.Contains("'---'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PGB1005_two_rules_for_one_prefix()
    {
        var locator = new FakeLocator(("Include", "acme/", 6, 3));
        MappingPlan plan = Map([Item("protos/acme/x.proto")], [Rule("acme", "Acme"), Rule("acme/", "Other")], locator);
        AssertDiagnostic(Assert.Single(plan.Diagnostics), "PGB1005", Project, 6, 3);
    }

    [Fact]
    public void The_same_rule_twice_is_no_conflict()
    {
        MappingPlan plan = Map([Item("protos/acme/x.proto")], [Rule("acme", "Acme"), Rule("acme", "Acme")]);
        Assert.Equal("Acme", Single(plan).Namespace.Namespace);
    }

    [Fact]
    public void PGB1006_two_files_with_one_logical_path_point_at_the_second_file()
    {
        ProtoItemInput second = Item("two/x.proto", root: "two", prefix: "p");
        MappingPlan plan = Map([Item("one/x.proto", root: "one", prefix: "p"), second]);
        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB1006", second.FullPath, 1, 1);
        Assert.Contains("'p/x.proto'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PGB1007_one_root_under_two_prefixes()
    {
        var locator = new FakeLocator(("ImportPrefix", "second", 9, 11));
        MappingPlan plan = Map([Item("protos/x.proto", prefix: "first"), Item("protos/y.proto", prefix: "second")], locator: locator);
        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB1007", Project, 9, 11);
        Assert.Contains("'first'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PGB1008_a_mapped_file_outside_its_ProtoRoot()
    {
        var locator = new FakeLocator(("Include", "elsewhere/x.proto", 14, 6));
        MappingPlan plan = Map([Item("elsewhere/x.proto", root: "protos", prefix: "p")], locator: locator);
        AssertDiagnostic(Assert.Single(plan.Diagnostics), "PGB1008", Project, 14, 6);
    }

    [Fact]
    public void An_unmapped_file_outside_its_ProtoRoot_is_no_error()
    {
        MappingPlan plan = Map([Item("elsewhere/x.proto", root: "protos")], [Rule("acme", "Acme")]);
        Assert.Empty(plan.Diagnostics);
        Assert.Empty(plan.Protos);
    }

    [Fact]
    public void The_real_ProjectFileLocator_finds_the_line_and_column_in_the_project_file()
    {
        using var temp = new TempDirectory();
        string project = temp.Write("App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <Protobuf Include="protos/**/*.proto" ProtoRoot="protos" ImportPrefix="../bad" />
                <ProtoNamespace Include="acme" Namespace="Acme.class" />
              </ItemGroup>
            </Project>
            """);
        var item = new ProtoItemInput("protos/x.proto", temp["protos/x.proto"], temp["protos"], "../bad", string.Empty, false, string.Empty, project);
        var rule = new NamespaceRuleInput("acme", "Acme.class", false, project);

        MappingPlan plan = ProtoMapper.Map([item], [rule], temp["obj/stage"], new ProjectFileLocator());

        Assert.Collection(
            plan.Diagnostics.OrderBy(d => d.Line),
            d => AssertDiagnostic(d, "PGB1003", project, 3, 62),
            d => AssertDiagnostic(d, "PGB1004", project, 4, 36));
    }

    [Fact]
    public void The_real_ProjectFileLocator_gives_zero_for_a_missing_file_or_value()
    {
        var locator = new ProjectFileLocator();
        Assert.Equal((0, 0), locator.Locate(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csproj"), "ImportPrefix", "x"));
        Assert.Equal((0, 0), locator.Locate(string.Empty, "ImportPrefix", "x"));
    }

    private static void AssertDiagnostic(BuildDiagnostic d, string code, string file, int line, int column)
    {
        Assert.Equal(code, d.Descriptor.Code);
        Assert.Equal(DiagnosticSeverity.Error, d.Descriptor.Severity);
        Assert.Equal(file, d.File);
        Assert.Equal(line, d.Line);
        Assert.Equal(column, d.Column);
    }

    /// <summary>Answers known (attribute, value) pairs with a fixed position; (0, 0) otherwise.</summary>
    private sealed class FakeLocator(params (string Attribute, string Value, int Line, int Column)[] known) : ISourceLocator
    {
        public (int Line, int Column) Locate(string file, string attribute, string value)
        {
            Assert.Equal(Project, file);
            foreach (var k in known)
            {
                if (k.Attribute == attribute && k.Value == value)
                {
                    return (k.Line, k.Column);
                }
            }

            return (0, 0);
        }
    }
}
