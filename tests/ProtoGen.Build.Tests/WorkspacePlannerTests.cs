using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.Mapping;
using ProtoGen.Build.Proto;
using ProtoGen.Build.Workspace;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Build.Tests;

public sealed class WorkspacePlannerTests
{
    private const string Project = "/repo/app/App.csproj";

    // The planner reads no file but through IWorkspaceFiles: these paths need not exist.
    private static readonly string Repo = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "mapper-repo"));
    private static readonly string Stage = Path.Combine(Repo, "obj", "stage");

    private static string At(string relative) => Path.Combine(Repo, relative.Replace('/', Path.DirectorySeparatorChar));

    private static ProtoItemInput Item(
        string relative,
        string root = "protos",
        string prefix = "",
        string csharpNamespace = "",
        bool @override = false,
        string importDirs = "",
        bool compile = true) =>
        new(relative, At(relative), At(root), prefix, csharpNamespace, @override, importDirs, Project, compile);

    private static NamespaceRuleInput Rule(string prefix, string ns, bool @override = false) => new(prefix, ns, @override, Project);

    private static WorkspacePlan Map(
        IReadOnlyList<ProtoItemInput> items,
        IReadOnlyList<NamespaceRuleInput>? rules = null,
        FakeLocator? locator = null,
        FakeFiles? files = null,
        IReadOnlyList<ImportDirectory>? importDirectories = null,
        bool stageEveryMappedProto = false) =>
        WorkspacePlanner.Plan(items, rules ?? [], importDirectories ?? [], new WorkspaceOptions(Repo, Stage, stageEveryMappedProto), files ?? new FakeFiles(), locator ?? new FakeLocator());

    private static WorkspaceProto Single(WorkspacePlan plan)
    {
        Assert.Empty(plan.Diagnostics);
        return Assert.Single(plan.Protos);
    }

    [Fact]
    public void A_CSharpNamespace_on_the_item_wins_and_overrides_the_own_option()
    {
        WorkspaceProto proto = Single(Map(
            [Item("protos/acme/payments/v1/ledger.proto", prefix: "x", csharpNamespace: "Explicit.Ns")],
            [Rule("x/acme", "FromRule")]));
        Assert.Equal(new NamespaceDecision("Explicit.Ns", OverrideOwnOption: true), proto.Namespace);
    }

    [Fact]
    public void A_CSharpNamespace_without_prefix_stages_the_file_at_its_relative_path()
    {
        WorkspaceProto proto = Single(Map([Item("protos/a/x.proto", csharpNamespace: "Ns")]));
        Assert.Equal("a/x.proto", proto.LogicalPath);
        Assert.Equal(new NamespaceDecision("Ns", true), proto.Namespace);
    }

    [Fact]
    public void A_rule_gives_its_namespace_plus_the_PascalCased_remainder()
    {
        WorkspaceProto proto = Single(Map(
            [Item("protos/acme/payments/v1/ledger.proto")],
            [Rule("acme/payments", "Contoso.Payments")]));
        Assert.Equal("acme/payments/v1/ledger.proto", proto.LogicalPath);
        Assert.Equal(new NamespaceDecision("Contoso.Payments.V1", OverrideOwnOption: false), proto.Namespace);
    }

    [Fact]
    public void A_rule_for_the_file_directory_itself_gives_its_namespace_unchanged()
    {
        WorkspaceProto proto = Single(Map([Item("protos/acme/payments/x.proto")], [Rule("acme/payments/", "Contoso.Payments")]));
        Assert.Equal("Contoso.Payments", proto.Namespace.Namespace);
    }

    [Fact]
    public void The_longest_rule_prefix_wins_whatever_the_rule_order()
    {
        ProtoItemInput item = Item("protos/acme/payments/v1/internal_api/ledger.proto");
        WorkspacePlan plan = Map([item], [Rule("acme", "Acme"), Rule("acme/payments/v1", "Contoso.PaymentsV1"), Rule("acme/payments", "Contoso.Payments")]);
        Assert.Equal("Contoso.PaymentsV1.InternalApi", Single(plan).Namespace.Namespace);
    }

    [Fact]
    public void A_rule_matches_whole_segments_only()
    {
        WorkspaceProto proto = Single(Map([Item("protos/acme/paymentsx/x.proto")], [Rule("acme/payments", "Contoso.Payments")]));
        Assert.Equal(NamespaceDecision.None, proto.Namespace); // No rule, no prefix: (d).
        Assert.Null(proto.StagedPath);
    }

    [Fact]
    public void A_rule_applies_to_the_logical_path_including_the_ImportPrefix()
    {
        WorkspaceProto proto = Single(Map(
            [Item("protos/v1/ledger.proto", prefix: "acme/payments")],
            [Rule("acme/payments", "Contoso.Payments")]));
        Assert.Equal("acme/payments/v1/ledger.proto", proto.LogicalPath);
        Assert.Equal("Contoso.Payments.V1", proto.Namespace.Namespace);
    }

    [Fact]
    public void An_ImportPrefix_without_a_rule_gives_the_PascalCased_logical_directory()
    {
        WorkspaceProto proto = Single(Map([Item("protos/v1/ledger.proto", prefix: "my_team/custom-path")]));
        Assert.Equal("my_team/custom-path/v1/ledger.proto", proto.LogicalPath);
        Assert.Equal(new NamespaceDecision("MyTeam.CustomPath.V1", OverrideOwnOption: false), proto.Namespace);
    }

    [Fact]
    public void The_grpc_example_custom_path_prefix()
    {
        WorkspaceProto proto = Single(Map([Item("protos/helloworld.proto", prefix: "grpc/example/custom/path")]));
        Assert.Equal("grpc/example/custom/path/helloworld.proto", proto.LogicalPath);
        Assert.Equal("Grpc.Example.Custom.Path", proto.Namespace.Namespace);
    }

    [Fact]
    public void No_prefix_and_no_rule_leaves_the_item_as_written_in_the_workspace()
    {
        WorkspaceProto proto = Single(Map([Item("protos/a/v1/x.proto")]));
        Assert.Equal("a/v1/x.proto", proto.LogicalPath);
        Assert.Equal(At("protos"), proto.RootEntry);
        Assert.Equal(NamespaceDecision.None, proto.Namespace);
        Assert.Null(proto.StagedPath);
        Assert.Null(proto.PredictAs); // Grpc.Tools predicts its outputs from the item as written.
        Assert.Null(proto.PreferredRoot);
        Assert.Equal(At("protos/a/v1/x.proto"), proto.CompilePath);
        Assert.Equal("protos/a/v1/x.proto", proto.Source);
    }

    [Fact]
    public void Override_on_the_rule_overrides_the_own_option()
    {
        WorkspaceProto proto = Single(Map([Item("protos/acme/x.proto")], [Rule("acme", "Acme", @override: true)]));
        Assert.Equal(new NamespaceDecision("Acme", OverrideOwnOption: true), proto.Namespace);
    }

    [Fact]
    public void Override_on_the_item_overrides_the_own_option_under_a_rule()
    {
        WorkspaceProto proto = Single(Map([Item("protos/acme/x.proto", @override: true)], [Rule("acme", "Acme")]));
        Assert.Equal(new NamespaceDecision("Acme", OverrideOwnOption: true), proto.Namespace);
    }

    [Fact]
    public void Override_on_the_item_overrides_the_own_option_under_a_prefix()
    {
        WorkspaceProto proto = Single(Map([Item("protos/x.proto", prefix: "acme/v1", @override: true)]));
        Assert.Equal(new NamespaceDecision("Acme.V1", OverrideOwnOption: true), proto.Namespace);
    }

    [Fact]
    public void Well_known_types_are_never_staged()
    {
        WorkspacePlan plan = Map(
            [Item("include/google/protobuf/timestamp.proto", root: "include"), Item("include/google/protobuf/compiler/plugin.proto", root: "include")],
            [Rule("google", "Google")]);
        Assert.Empty(plan.Diagnostics);
        Assert.Equal(["google/protobuf/timestamp.proto", "google/protobuf/compiler/plugin.proto"], plan.Protos.Select(p => p.LogicalPath));
        Assert.All(plan.Protos, p => Assert.Equal(NamespaceDecision.None, p.Namespace));
        Assert.All(plan.Protos, p => Assert.Null(p.StagedPath));
    }

    [Fact]
    public void The_staged_path_is_the_logical_path_under_the_stage()
    {
        WorkspaceProto proto = Single(Map([Item("protos/v1/x.proto", prefix: "acme/payments")]));
        Assert.Equal(Path.Combine(Stage, "acme", "payments", "v1", "x.proto"), proto.StagedPath);
    }

    [Fact]
    public void Without_prefix_the_staged_path_is_the_path_under_the_root()
    {
        WorkspaceProto proto = Single(Map([Item("protos/acme/x.proto")], [Rule("acme", "Acme")]));
        Assert.Equal(Path.Combine(Stage, "acme", "x.proto"), proto.StagedPath);
    }

    [Fact]
    public void ImportDirs_are_the_stage_then_each_root_once_in_item_order_among_roots_of_one_depth()
    {
        WorkspacePlan plan = Map(
            [
                Item("b/x.proto", root: "b", prefix: "bee"),
                Item("a/acme/y.proto", root: "a"),
                Item("b/z.proto", root: "b", prefix: "bee/"),
                Item("c/unmapped.proto", root: "c"),
            ],
            [Rule("acme", "Acme")]);
        Assert.Empty(plan.Diagnostics);
        Assert.Equal(4, plan.Protos.Count);
        Assert.Equal(3, plan.Protos.Count(p => p.StagedPath is not null));
        Assert.Equal([Stage, "bee=" + At("b"), At("a"), At("c")], plan.ImportDirs);
    }

    [Fact]
    public void Protos_keep_item_order()
    {
        WorkspacePlan plan = Map([Item("protos/z.proto", prefix: "p"), Item("protos/a.proto", prefix: "p")]);
        Assert.Equal(["p/z.proto", "p/a.proto"], plan.Protos.Select(p => p.LogicalPath));
    }

    [Fact]
    public void The_same_file_twice_is_one_proto()
    {
        WorkspacePlan plan = Map([Item("protos/x.proto", prefix: "p"), Item("protos/x.proto", prefix: "p")]);
        Assert.Empty(plan.Diagnostics);
        Assert.Single(plan.Protos);
    }

    // --- Diagnostics: code, file and position. ---

    [Fact]
    public void PGB1003_an_invalid_ImportPrefix_points_at_the_project_line()
    {
        var locator = new FakeLocator(("ImportPrefix", "../bad", 12, 5));
        WorkspacePlan plan = Map([Item("protos/x.proto", prefix: "../bad")], locator: locator);
        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB1003", Project, 12, 5);
        Assert.Contains("'..'", d.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Protos);
    }

    [Fact]
    public void PGB1003_an_invalid_rule_prefix()
    {
        var locator = new FakeLocator(("Include", "/abs", 3, 20));
        WorkspacePlan plan = Map([Item("protos/abs/x.proto")], [Rule("/abs", "Abs")], locator);
        AssertDiagnostic(Assert.Single(plan.Diagnostics), "PGB1003", Project, 3, 20);
    }

    [Fact]
    public void PGB1003_an_invalid_prefix_in_AdditionalImportDirs()
    {
        const string dirs = "/other;a\\b=/third";
        var locator = new FakeLocator(("AdditionalImportDirs", dirs, 7, 9));
        WorkspacePlan plan = Map([Item("protos/x.proto", prefix: "p", importDirs: dirs)], locator: locator);
        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB1003", Project, 7, 9);
        Assert.Contains("a\\b=/third", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PGB1004_an_invalid_item_CSharpNamespace()
    {
        var locator = new FakeLocator(("CSharpNamespace", "Acme.class", 8, 30));
        WorkspacePlan plan = Map([Item("protos/x.proto", csharpNamespace: "Acme.class")], locator: locator);
        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB1004", Project, 8, 30);
        Assert.Contains("keyword", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PGB1004_an_invalid_rule_namespace()
    {
        var locator = new FakeLocator(("Namespace", "1Acme", 4, 40));
        WorkspacePlan plan = Map([Item("protos/acme/x.proto")], [Rule("acme", "1Acme")], locator);
        AssertDiagnostic(Assert.Single(plan.Diagnostics), "PGB1004", Project, 4, 40);
    }

    [Fact]
    public void PGB1004_a_derived_segment_with_no_letter_or_digit_points_at_the_proto()
    {
        ProtoItemInput item = Item("protos/---/x.proto", prefix: "acme");
        WorkspacePlan plan = Map([item]);
        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB1004", item.FullPath, 1, 1);
        Assert.Contains("'---'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PGB1005_two_rules_for_one_prefix()
    {
        var locator = new FakeLocator(("Include", "acme/", 6, 3));
        WorkspacePlan plan = Map([Item("protos/acme/x.proto")], [Rule("acme", "Acme"), Rule("acme/", "Other")], locator);
        AssertDiagnostic(Assert.Single(plan.Diagnostics), "PGB1005", Project, 6, 3);
    }

    [Fact]
    public void The_same_rule_twice_is_no_conflict()
    {
        WorkspacePlan plan = Map([Item("protos/acme/x.proto")], [Rule("acme", "Acme"), Rule("acme", "Acme")]);
        Assert.Equal("Acme", Single(plan).Namespace.Namespace);
    }

    [Fact]
    public void PGB1006_two_files_with_one_logical_path_that_an_item_imports_point_at_the_import()
    {
        ProtoItemInput importer = Item("app/app.proto", root: "app");
        var files = new FakeFiles().With(importer.FullPath, imports: [("p/x.proto", 4, 8)]);
        WorkspacePlan plan = Map([Item("one/x.proto", root: "one", prefix: "p"), Item("two/x.proto", root: "two", prefix: "p"), importer], files: files);
        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB1006", importer.FullPath, 4, 8);
        Assert.Contains("'p/x.proto'", d.Message, StringComparison.Ordinal);
        Assert.Contains(At("one/x.proto"), d.Message, StringComparison.Ordinal);
        Assert.Contains(At("two/x.proto"), d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PGB1006_two_files_with_one_logical_path_and_one_package_would_define_their_types_twice()
    {
        ProtoItemInput one = Item("one/v1/common.proto", root: "one");
        ProtoItemInput two = Item("two/v1/common.proto", root: "two");
        var files = new FakeFiles().With(one.FullPath, package: "shared.v1").With(two.FullPath, package: "shared.v1");
        WorkspacePlan plan = Map([one, two], files: files);
        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB1006", two.FullPath, 1, 1);
        Assert.Contains("'shared.v1'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PGB2003_two_files_with_one_logical_path_that_nothing_imports_both_compile_to_their_own_outputs()
    {
        var locator = new FakeLocator(("Include", "two/v1/common.proto", 9, 6));
        ProtoItemInput one = Item("one/v1/common.proto", root: "one");
        ProtoItemInput two = Item("two/v1/common.proto", root: "two");
        var files = new FakeFiles().With(one.FullPath, package: "one.v1").With(two.FullPath, package: "two.v1");
        WorkspacePlan plan = Map([one, two], locator: locator, files: files);

        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB2003", Project, 9, 6, DiagnosticSeverity.Warning);
        Assert.Contains("ImportPrefix", d.Message, StringComparison.Ordinal);
        Assert.Contains(At("one/v1/common.proto"), d.Message, StringComparison.Ordinal);
        Assert.Contains(At("two/v1/common.proto"), d.Message, StringComparison.Ordinal);

        WorkspaceProto first = plan.Protos[0];
        WorkspaceProto second = plan.Protos[1];
        Assert.Null(first.PredictAs);
        Assert.Null(first.PreferredRoot);
        Assert.Equal(Path.Combine(Stage, "two", "v1", "common.proto"), second.PredictAs); // outputs under obj/.../two/v1/
        Assert.Equal(Stage, second.PredictRoot);
        Assert.Equal(At("two"), second.PreferredRoot); // protoc must find its root first to know it by v1/common.proto
        Assert.Equal(At("two/v1/common.proto"), second.CompilePath);
    }

    [Fact]
    public void A_duplicate_that_is_staged_is_staged_under_its_own_folder()
    {
        ProtoItemInput one = Item("one/acme/x.proto", root: "one");
        ProtoItemInput two = Item("two/acme/x.proto", root: "two");
        WorkspacePlan plan = Map([one, two], [Rule("acme", "Acme")], files: new FakeFiles().With(one.FullPath, package: "a").With(two.FullPath, package: "b"));
        Assert.Equal("PGB2003", Assert.Single(plan.Diagnostics).Descriptor.Code);
        Assert.Equal(Path.Combine(Stage, "acme", "x.proto"), plan.Protos[0].StagedPath);
        Assert.Equal(Path.Combine(Stage, "two", "acme", "x.proto"), plan.Protos[1].StagedPath);
        Assert.Equal(Path.Combine(Stage, "two"), plan.Protos[1].PreferredRoot);
    }

    [Fact]
    public void With_Grpc_Tools_compiling_a_duplicate_keeps_its_own_prediction()
    {
        ProtoItemInput one = Item("one/v1/common.proto", root: "one");
        ProtoItemInput two = Item("two/v1/common.proto", root: "two");
        WorkspacePlan plan = Map([one, two], files: new FakeFiles().With(one.FullPath, package: "a").With(two.FullPath, package: "b"), stageEveryMappedProto: true);
        Assert.Contains("same outputs", Assert.Single(plan.Diagnostics).Message, StringComparison.Ordinal);
        Assert.All(plan.Protos, p => Assert.Null(p.PredictAs));
    }

    [Fact]
    public void Every_item_has_a_logical_path_mapped_or_not_and_compiled_or_import_only()
    {
        WorkspacePlan plan = Map(
            [
                Item("third_party/api/acme/api/v1/thing.proto", root: "third_party/api"),
                Item("third_party/pgv/validate/validate.proto", root: "third_party/pgv", compile: false),
                Item("teams/payments/v1/ledger.proto", root: "teams/payments", prefix: "acme/payments"),
            ]);
        Assert.Empty(plan.Diagnostics);
        Assert.Equal(["acme/api/v1/thing.proto", "validate/validate.proto", "acme/payments/v1/ledger.proto"], plan.Protos.Select(p => p.LogicalPath));
        Assert.False(plan.Protos[1].Item.ProtoCompile);
    }

    [Fact]
    public void Roots_are_searched_deepest_first_so_a_nested_root_names_its_own_files()
    {
        WorkspacePlan plan = Map(
            [
                Item("app.proto", root: "."),
                Item("third_party/api/x/y.proto", root: "third_party/api"),
                Item("third_party/api/z.proto", root: "."),
            ]);
        Assert.Empty(plan.Diagnostics);
        Assert.Equal([At("third_party/api"), Repo], plan.ImportDirs);
        Assert.Equal("x/y.proto", plan.Protos[1].LogicalPath);
        Assert.Null(plan.Protos[1].PreferredRoot);

        // A file of the outer root inside the nested one: protoc would name it by the nested root unless its own comes first.
        Assert.Equal("third_party/api/z.proto", plan.Protos[2].LogicalPath);
        Assert.Equal(Repo, plan.Protos[2].PreferredRoot);
    }

    [Fact]
    public void Only_a_proto_whose_namespace_changes_is_staged()
    {
        ProtoItemInput sameAsPackage = Item("teams/payments/v1/ledger.proto", root: "teams/payments", prefix: "acme/payments");
        ProtoItemInput ownOption = Item("teams/payments/v1/own.proto", root: "teams/payments", prefix: "acme/payments");
        ProtoItemInput otherPackage = Item("teams/payments/v1/other.proto", root: "teams/payments", prefix: "acme/payments");
        var files = new FakeFiles()
            .With(sameAsPackage.FullPath, package: "acme.payments.v1")
            .With(ownOption.FullPath, package: "x", csharpNamespace: "Own.Ns")
            .With(otherPackage.FullPath, package: "legacy.payments");

        WorkspacePlan plan = Map([sameAsPackage, ownOption, otherPackage], files: files);

        Assert.Empty(plan.Diagnostics);
        Assert.All(plan.Protos, p => Assert.Equal("Acme.Payments.V1", p.Namespace.Namespace));
        Assert.Null(plan.Protos[0].StagedPath); // protoc gives it Acme.Payments.V1 already
        Assert.Null(plan.Protos[1].StagedPath); // its own option wins
        Assert.Equal(Path.Combine(Stage, "acme", "payments", "v1", "other.proto"), plan.Protos[2].StagedPath);

        // In place, a prefixed proto is still predicted at its logical path, and protoc finds it through prefix=root.
        Assert.Equal(Path.Combine(Stage, "acme", "payments", "v1", "ledger.proto"), plan.Protos[0].PredictAs);
        Assert.Equal(At("teams/payments/v1/ledger.proto"), plan.Protos[0].CompilePath);
        Assert.Equal([Stage, "acme/payments=" + At("teams/payments")], plan.ImportDirs);
    }

    [Fact]
    public void An_overriding_rule_stages_a_proto_whose_own_option_differs()
    {
        ProtoItemInput item = Item("protos/acme/x.proto");
        WorkspacePlan plan = Map([item], [Rule("acme", "Acme", @override: true)], files: new FakeFiles().With(item.FullPath, csharpNamespace: "Old"));
        Assert.Equal(Path.Combine(Stage, "acme", "x.proto"), Single(plan).StagedPath);
    }

    [Fact]
    public void With_Grpc_Tools_compiling_every_prefixed_proto_is_staged()
    {
        ProtoItemInput item = Item("teams/payments/v1/ledger.proto", root: "teams/payments", prefix: "acme/payments");
        WorkspaceProto proto = Single(Map([item], files: new FakeFiles().With(item.FullPath, package: "acme.payments.v1"), stageEveryMappedProto: true));
        Assert.Equal(Path.Combine(Stage, "acme", "payments", "v1", "ledger.proto"), proto.StagedPath);
        Assert.Equal(proto.StagedPath, proto.Source);
    }

    [Fact]
    public void PGB1010_an_item_whose_file_cannot_be_read()
    {
        ProtoItemInput item = Item("protos/missing.proto");
        var locator = new FakeLocator(("Include", "protos/missing.proto", 5, 4));
        WorkspacePlan plan = Map([item], locator: locator, files: new FakeFiles().Missing(item.FullPath));
        AssertDiagnostic(Assert.Single(plan.Diagnostics), "PGB1010", Project, 5, 4);
        Assert.Empty(plan.Protos);
    }

    [Fact]
    public void PGB1012_an_import_directory_that_does_not_exist_names_where_it_comes_from()
    {
        var locator = new FakeLocator(("AdditionalImportDirs", "gone", 11, 40));
        var directories = new ImportDirectory[]
        {
            new("/nuget/google.api.commonprotos/2.17.0/content/protos", string.Empty, "/nuget/google.api.commonprotos/2.17.0/content/protos", "$(Protobuf_StandardImportsPath), added by the package google.api.commonprotos 2.17.0", Project, string.Empty, string.Empty),
            new(At("gone"), string.Empty, At("gone"), "AdditionalImportDirs of the Protobuf item 'protos/x.proto'", Project, "AdditionalImportDirs", "gone"),
        };
        var files = new FakeFiles().MissingDirectory(directories[0].Directory).MissingDirectory(directories[1].Directory);
        WorkspacePlan plan = Map([Item("protos/x.proto")], locator: locator, files: files, importDirectories: directories);
        Assert.Collection(
            plan.Diagnostics,
            d =>
            {
                AssertDiagnostic(d, "PGB1012", Project, 0, 0);
                Assert.Contains("google.api.commonprotos 2.17.0", d.Message, StringComparison.Ordinal);
                Assert.Contains("$(Protobuf_StandardImportsPath)", d.Message, StringComparison.Ordinal);
            },
            d =>
            {
                AssertDiagnostic(d, "PGB1012", Project, 11, 40);
                Assert.Contains("'protos/x.proto'", d.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void PGB2004_a_logical_path_that_an_item_and_an_import_directory_provide_goes_to_the_item()
    {
        ProtoItemInput vendored = Item("protos/google/api/annotations.proto");
        const string include = "/nuget/commonprotos/content/protos";
        var files = new FakeFiles().File(Path.Combine(include, "google", "api", "annotations.proto"));
        var directories = new ImportDirectory[] { new(include, string.Empty, include, "$(Protobuf_StandardImportsPath)", Project, string.Empty, string.Empty) };
        var locator = new FakeLocator(("Include", "protos/google/api/annotations.proto", 3, 5));

        WorkspacePlan plan = Map([vendored, Item("protos/other.proto")], locator: locator, files: files, importDirectories: directories);

        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB2004", Project, 3, 5, DiagnosticSeverity.Warning);
        Assert.Contains("'google/api/annotations.proto'", d.Message, StringComparison.Ordinal);
        Assert.Contains("get the project item", d.Message, StringComparison.Ordinal);
        Assert.Equal(At("protos"), plan.ImportDirs[0]); // the items' roots come before every import directory
    }

    private const string CommonProtos = "/nuget/google.api.commonprotos/2.17.0/content/protos";

    private static readonly ImportDirectory CommonProtosDirectory =
        new(CommonProtos, string.Empty, CommonProtos, "$(Protobuf_StandardImportsPath), added by the package google.api.commonprotos 2.17.0", Project, string.Empty, string.Empty);

    private static string InPackage(string logicalPath) => Path.Combine(CommonProtos, logicalPath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>A googleapis-like checkout as one root: one API compiled, google/api/http.proto in the checkout (not an item) and in the package.</summary>
    private static (ProtoItemInput Api, FakeFiles Files) CheckoutWithHttpProto(string checkoutHash = "checkout", string packageHash = "package")
    {
        ProtoItemInput api = Item("googleapis/google/example/v1/library.proto", root: "googleapis");
        FakeFiles files = new FakeFiles()
            .Proto(api.FullPath, "api", "google/api/http.proto")
            .Proto(At("googleapis/google/api/http.proto"), checkoutHash)
            .Proto(InPackage("google/api/http.proto"), packageHash);
        return (api, files);
    }

    [Fact]
    public void PGB2007_a_file_a_root_and_a_package_both_provide_goes_to_the_package_as_in_Grpc_Tools()
    {
        (ProtoItemInput api, FakeFiles files) = CheckoutWithHttpProto();

        WorkspacePlan plan = Map([api], files: files, importDirectories: [CommonProtosDirectory]);

        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB2007", api.FullPath, 3, 8, DiagnosticSeverity.Warning); // the import that reaches it
        Assert.StartsWith($"Import \"google/api/http.proto\" gets '{InPackage("google/api/http.proto")}' ($(Protobuf_StandardImportsPath), added by the package google.api.commonprotos 2.17.0), not '{At("googleapis/google/api/http.proto")}' (under the ProtoRoot '{At("googleapis")}'), which has other content: as in Grpc.Tools", d.Message, StringComparison.Ordinal);
        Assert.Contains("ProtoGenStandardImportsWin=false", d.Message, StringComparison.Ordinal);
        // protoc gets the package's file first, as one file: before the roots (and the stage) it wins.
        Assert.Equal(["google/api/http.proto=" + InPackage("google/api/http.proto"), At("googleapis")], plan.ImportDirs);
    }

    [Fact]
    public void With_ProtoGenStandardImportsWin_false_the_roots_file_wins_and_PGB2007_says_so()
    {
        (ProtoItemInput api, FakeFiles files) = CheckoutWithHttpProto();

        WorkspacePlan plan = WorkspacePlanner.Plan([api], [], [CommonProtosDirectory], new WorkspaceOptions(Repo, Stage, StandardImportsWin: false), files, new FakeLocator());

        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB2007", api.FullPath, 3, 8, DiagnosticSeverity.Warning);
        Assert.StartsWith($"Import \"google/api/http.proto\" gets '{At("googleapis/google/api/http.proto")}' (under the ProtoRoot '{At("googleapis")}'), not '{InPackage("google/api/http.proto")}'", d.Message, StringComparison.Ordinal);
        Assert.Contains("ProtoGenStandardImportsWin is false", d.Message, StringComparison.Ordinal);
        Assert.Equal([At("googleapis")], plan.ImportDirs);
    }

    [Fact]
    public void A_file_a_root_and_a_package_provide_with_the_same_text_is_no_warning_but_still_the_packages()
    {
        (ProtoItemInput api, FakeFiles files) = CheckoutWithHttpProto(checkoutHash: "same", packageHash: "same");

        WorkspacePlan plan = Map([api], files: files, importDirectories: [CommonProtosDirectory]);

        Assert.Empty(plan.Diagnostics);
        Assert.Equal("google/api/http.proto=" + InPackage("google/api/http.proto"), plan.ImportDirs[0]);
    }

    [Fact]
    public void A_file_of_a_root_that_no_compiled_proto_imports_is_neither_reported_nor_read()
    {
        // The checkout's google/api/http.proto differs from the package's, but nothing compiled imports it.
        (ProtoItemInput api, FakeFiles files) = CheckoutWithHttpProto();
        ProtoItemInput other = Item("googleapis/google/other/v1/other.proto", root: "googleapis");
        files.Proto(api.FullPath, "api").Proto(other.FullPath, "other");

        WorkspacePlan plan = Map([api, other], files: files, importDirectories: [CommonProtosDirectory]);

        Assert.Empty(plan.Diagnostics);
        Assert.Equal([At("googleapis")], plan.ImportDirs);
        Assert.Equal([api.FullPath, other.FullPath], files.SummariesRead);
    }

    [Fact]
    public void A_file_reached_through_another_import_is_reported_at_the_compiled_protos_import()
    {
        // library.proto imports the checkout's google/api/annotations.proto (only there), which imports http.proto (both).
        ProtoItemInput api = Item("googleapis/google/example/v1/library.proto", root: "googleapis");
        FakeFiles files = new FakeFiles()
            .Proto(api.FullPath, "api", "google/protobuf/empty.proto", "google/api/annotations.proto")
            .Proto(At("googleapis/google/api/annotations.proto"), "annotations", "google/api/http.proto")
            .Proto(At("googleapis/google/api/http.proto"), "checkout")
            .Proto(InPackage("google/api/http.proto"), "package");

        WorkspacePlan plan = Map([api], files: files, importDirectories: [CommonProtosDirectory]);

        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB2007", api.FullPath, 4, 8, DiagnosticSeverity.Warning);
        Assert.StartsWith("Import \"google/api/http.proto\" (through \"google/api/annotations.proto\") gets", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_imports_of_the_file_that_wins_are_followed_not_those_of_the_file_that_loses()
    {
        // The package's annotations.proto imports http.proto; the checkout's imports nothing: http.proto is still reached.
        ProtoItemInput api = Item("googleapis/google/example/v1/library.proto", root: "googleapis");
        FakeFiles files = new FakeFiles()
            .Proto(api.FullPath, "api", "google/api/annotations.proto")
            .Proto(At("googleapis/google/api/annotations.proto"), "annotations-checkout")
            .Proto(InPackage("google/api/annotations.proto"), "annotations-package", "google/api/http.proto")
            .Proto(At("googleapis/google/api/http.proto"), "http-checkout")
            .Proto(InPackage("google/api/http.proto"), "http-package");

        WorkspacePlan plan = Map([api], files: files, importDirectories: [CommonProtosDirectory]);

        // One warning for the pair of places, naming the second path.
        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB2007", api.FullPath, 3, 8, DiagnosticSeverity.Warning);
        Assert.StartsWith("Import \"google/api/annotations.proto\" gets", d.Message, StringComparison.Ordinal);
        Assert.Contains("1 more imported path(s), which go the same way: google/api/http.proto.", d.Message, StringComparison.Ordinal);
        Assert.Equal(
            ["google/api/annotations.proto=" + InPackage("google/api/annotations.proto"), "google/api/http.proto=" + InPackage("google/api/http.proto"), At("googleapis")],
            plan.ImportDirs);
    }

    [Fact]
    public void A_project_item_with_a_packages_logical_path_is_PGB2004_only_and_gets_no_file_entry()
    {
        ProtoItemInput api = Item("googleapis/google/example/v1/library.proto", root: "googleapis");
        ProtoItemInput http = Item("googleapis/google/api/http.proto", root: "googleapis");
        FakeFiles files = new FakeFiles()
            .Proto(api.FullPath, "api", "google/api/http.proto")
            .Proto(http.FullPath, "checkout")
            .Proto(InPackage("google/api/http.proto"), "package");

        WorkspacePlan plan = Map([api, http], files: files, importDirectories: [CommonProtosDirectory]);

        Assert.Equal("PGB2004", Assert.Single(plan.Diagnostics).Descriptor.Code);
        Assert.Equal([At("googleapis")], plan.ImportDirs);
    }

    [Fact]
    public void PGB2007_an_AdditionalImportDirs_entry_and_a_package_keep_Grpc_Tools_order()
    {
        ProtoItemInput app = Item("protos/app.proto", importDirs: "vendor");
        FakeFiles files = new FakeFiles()
            .Proto(app.FullPath, "app", "google/api/http.proto")
            .Proto(At("vendor/google/api/http.proto"), "vendored")
            .Proto(InPackage("google/api/http.proto"), "package");
        var vendor = new ImportDirectory(At("vendor"), string.Empty, At("vendor"), "AdditionalImportDirs of the Protobuf item 'protos/app.proto'", Project, "AdditionalImportDirs", "vendor", app);

        WorkspacePlan plan = Map([app], files: files, importDirectories: [CommonProtosDirectory, vendor]);

        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB2007", app.FullPath, 3, 8, DiagnosticSeverity.Warning);
        Assert.StartsWith($"Import \"google/api/http.proto\" gets '{At("vendor/google/api/http.proto")}' (AdditionalImportDirs of the Protobuf item 'protos/app.proto'), not '{InPackage("google/api/http.proto")}'", d.Message, StringComparison.Ordinal);
        Assert.Contains("AdditionalImportDirs come before $(Protobuf_StandardImportsPath), as in Grpc.Tools", d.Message, StringComparison.Ordinal);
        Assert.Equal([At("protos")], plan.ImportDirs); // no root provides it: protoc's own order already gives the entry's file
    }

    [Fact]
    public void An_import_directory_that_is_an_items_own_root_is_no_shadow()
    {
        var files = new FakeFiles().File(At("protos/x.proto"));
        var directories = new ImportDirectory[] { new(At("protos"), string.Empty, At("protos"), "AdditionalImportDirs", Project, string.Empty, string.Empty) };
        Single(Map([Item("protos/x.proto")], files: files, importDirectories: directories));
    }

    [Fact]
    public void PGB1007_one_root_under_two_prefixes()
    {
        var locator = new FakeLocator(("ImportPrefix", "second", 9, 11));
        WorkspacePlan plan = Map([Item("protos/x.proto", prefix: "first"), Item("protos/y.proto", prefix: "second")], locator: locator);
        BuildDiagnostic d = Assert.Single(plan.Diagnostics);
        AssertDiagnostic(d, "PGB1007", Project, 9, 11);
        Assert.Contains("'first'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PGB1008_a_mapped_file_outside_its_ProtoRoot()
    {
        var locator = new FakeLocator(("Include", "elsewhere/x.proto", 14, 6));
        WorkspacePlan plan = Map([Item("elsewhere/x.proto", root: "protos", prefix: "p")], locator: locator);
        AssertDiagnostic(Assert.Single(plan.Diagnostics), "PGB1008", Project, 14, 6);
    }

    [Fact]
    public void PGB1008_an_unmapped_file_outside_its_ProtoRoot_and_its_import_directories()
    {
        var locator = new FakeLocator(("Include", "elsewhere/x.proto", 14, 6));
        WorkspacePlan plan = Map([Item("elsewhere/x.proto", root: "protos")], locator: locator);
        AssertDiagnostic(Assert.Single(plan.Diagnostics), "PGB1008", Project, 14, 6);
    }

    [Fact]
    public void An_unmapped_file_outside_its_ProtoRoot_takes_its_logical_path_from_an_AdditionalImportDirs_entry()
    {
        // As Grpc.Tools runs protoc (the item's import directories before its root), protoc finds it there.
        WorkspaceProto proto = Single(Map([Item("elsewhere/sub/x.proto", root: "protos", importDirs: "elsewhere")]));
        Assert.Equal("sub/x.proto", proto.LogicalPath);
        Assert.Equal(At("elsewhere"), proto.RootEntry);
        Assert.Equal(Path.Combine(Stage, "sub", "x.proto"), proto.PredictAs);
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

        WorkspacePlan plan = WorkspacePlanner.Plan([item], [rule], [], new WorkspaceOptions(temp.Path, temp["obj/stage"]), new FakeFiles(), new ProjectFileLocator());

        Assert.Collection(
            plan.Diagnostics.OrderBy(d => d.Line),
            d => AssertDiagnostic(d, "PGB1003", project, 3, 62),
            d => AssertDiagnostic(d, "PGB1004", project, 4, 36));
    }

    [Fact]
    public void A_value_that_is_not_written_as_such_is_reported_at_its_item_and_a_property_at_its_element()
    {
        using var temp = new TempDirectory();
        string project = temp.Write("App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <Protobuf_StandardImportsPath>$(Protobuf_StandardImportsPath);$(MSBuildProjectDirectory)/gone</Protobuf_StandardImportsPath>
              </PropertyGroup>
              <ItemGroup>
                <Protobuf Include="protos/x.proto" AdditionalImportDirs="$(MSBuildProjectDirectory)/missing" />
              </ItemGroup>
            </Project>
            """);
        var item = new ProtoItemInput("protos/x.proto", temp["protos/x.proto"], temp["protos"], string.Empty, string.Empty, false, temp["missing"], project);
        ImportDirectory[] directories =
        [
            new(temp["gone"], string.Empty, temp["gone"], "$(Protobuf_StandardImportsPath)", project, "Protobuf_StandardImportsPath", string.Empty),
            new(temp["missing"], string.Empty, temp["missing"], "AdditionalImportDirs of the Protobuf item 'protos/x.proto'", project, "AdditionalImportDirs", temp["missing"], item),
        ];
        var files = new FakeFiles().MissingDirectory(temp["gone"]).MissingDirectory(temp["missing"]);

        WorkspacePlan plan = WorkspacePlanner.Plan([item], [], directories, new WorkspaceOptions(temp.Path, temp["obj/stage"]), files, new ProjectFileLocator());

        Assert.Collection(
            plan.Diagnostics,
            d => AssertDiagnostic(d, "PGB1012", project, 3, 5),
            d => AssertDiagnostic(d, "PGB1012", project, 6, 15));
    }

    [Fact]
    public void The_real_ProjectFileLocator_finds_an_item_included_by_a_glob_at_the_glob()
    {
        using var temp = new TempDirectory();
        string project = temp.Write("App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <Protobuf Include="one/*.proto" ProtoRoot="one" />
                <Protobuf Include="$(Vendor)/**/*.proto;two/**/*.proto" ProtoRoot="two" />
                <Protobuf Include='three/v?/x.proto' />
              </ItemGroup>
            </Project>
            """);
        var locator = new ProjectFileLocator();

        Assert.Equal((3, 15), locator.Locate(project, "Include", "one/a.proto"));
        Assert.Equal((4, 15), locator.Locate(project, "Include", "two/v1/deep/common.proto"));
        Assert.Equal((4, 15), locator.Locate(project, "Include", "two/common.proto")); // **/ also matches no folder
        Assert.Equal((5, 15), locator.Locate(project, "Include", "three/v1/x.proto"));
        Assert.Equal((0, 0), locator.Locate(project, "Include", "one/sub/a.proto")); // * stays in one folder
        Assert.Equal((0, 0), locator.Locate(project, "Include", "three/v10/x.proto"));
    }

    [Fact]
    public void The_real_ProjectFileLocator_gives_zero_for_a_missing_file_or_value()
    {
        var locator = new ProjectFileLocator();
        Assert.Equal((0, 0), locator.Locate(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csproj"), "ImportPrefix", "x"));
        Assert.Equal((0, 0), locator.Locate(string.Empty, "ImportPrefix", "x"));
    }

    private static void AssertDiagnostic(BuildDiagnostic d, string code, string file, int line, int column, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        Assert.Equal(code, d.Descriptor.Code);
        Assert.Equal(severity, d.Descriptor.Severity);
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

    private const string CommonProject = "/src/Common/Common.csproj";

    /// <summary>A proto the project reference Common exports (compiled there), under Common's protos/ folder.</summary>
    private static ProtoItemInput Referenced(string relative, string csharpNamespace) =>
        new(At("common/" + relative), At("common/" + relative), At("common/protos"), string.Empty, csharpNamespace, true, string.Empty, CommonProject, ProtoCompile: false, ExportedBy: CommonProject, CompiledBy: CommonProject, Provider: "the project reference 'Common'");

    [Fact]
    public void A_referenced_proto_is_import_only_with_the_reference_namespace_and_staged_when_that_changes_it()
    {
        ProtoItemInput money = Referenced("protos/acme/common/v1/money.proto", "Contoso.Shared.V1");
        ProtoItemInput errors = Referenced("protos/acme/common/v1/errors.proto", "Contoso.Shared.V1");
        WorkspacePlan plan = Map(
            [Item("protos/acme/app/v1/report.proto"), money, errors],
            [Rule("acme/common", "Contoso.App.Common")],
            files: new FakeFiles().File(money.FullPath).With(money.FullPath, package: "acme.common.v1").File(errors.FullPath).With(errors.FullPath, package: "acme.common.v1"));

        WorkspaceProto referenced = plan.Protos.First(p => p.Item.IsReferenced);
        Assert.Equal("acme/common/v1/money.proto", referenced.LogicalPath);
        Assert.False(referenced.Item.ProtoCompile);
        Assert.Equal("Contoso.Shared.V1", referenced.CSharpNamespace);
        Assert.NotNull(referenced.StagedPath);
        BuildDiagnostic warning = Assert.Single(plan.Diagnostics); // once per rule, not per proto
        Assert.Equal("PGB2006", warning.Descriptor.Code);
        Assert.Contains("would give 'acme/common/v1/money.proto' the namespace 'Contoso.App.Common.V1', but the project reference 'Common' compiles it to 'Contoso.Shared.V1'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_item_with_a_referenced_logical_path_is_dropped_with_PGB2005_when_identical_and_PGB1014_when_not()
    {
        ProtoItemInput money = Referenced("protos/acme/common/v1/money.proto", "Contoso.Shared.V1");
        ProtoItemInput local = Item("protos/acme/common/v1/money.proto");

        WorkspacePlan same = Map([local, money], files: new FakeFiles().Content(money.FullPath, "a").Content(local.FullPath, "a"));
        Assert.Equal("PGB2005", Assert.Single(same.Diagnostics).Descriptor.Code);
        Assert.Same(money, Assert.Single(same.Protos).Item);

        WorkspacePlan other = Map([local, money], files: new FakeFiles().Content(money.FullPath, "a").Content(local.FullPath, "b"));
        BuildDiagnostic error = Assert.Single(other.Diagnostics);
        Assert.Equal("PGB1014", error.Descriptor.Code);
        Assert.Contains("which the project reference 'Common' provides with other content", error.Message, StringComparison.Ordinal);

        // A local import-only item (the old ProtoCompile="false" workaround) gives way silently.
        WorkspacePlan importOnly = Map([Item("protos/acme/common/v1/money.proto", compile: false), money], files: new FakeFiles().Content(money.FullPath, "a").Content(local.FullPath, "a"));
        Assert.Empty(importOnly.Diagnostics);
        Assert.Same(money, Assert.Single(importOnly.Protos).Item);
    }

    [Theory]
    [InlineData("syntax = \"proto3\";\r\npackage a;\r\n", true)]          // a Windows checkout's line ends
    [InlineData("\uFEFFsyntax = \"proto3\";\npackage a;\n", true)]          // a byte order mark
    [InlineData("syntax = \"proto3\";\npackage a;\n", true)]
    [InlineData("syntax = \"proto3\";\npackage a;\n// vendored\n", false)]  // a comment is content
    [InlineData("syntax = \"proto3\";\npackage a;\r", false)]
    [InlineData("syntax = \"proto3\";\npackage b;\n", false)]
    public void The_content_the_double_compilation_check_compares_is_the_text_without_BOM_and_CR_of_CRLF(string copy, bool same)
    {
        byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

        Assert.Equal(same, WorkspaceFiles.SameText(Utf8("syntax = \"proto3\";\npackage a;\n"), Utf8(copy)));
        Assert.Equal(same, WorkspaceFiles.SameText(Utf8(copy), Utf8("syntax = \"proto3\";\npackage a;\n")));
    }

    [Fact]
    public void A_referenced_proto_whose_file_is_gone_is_PGB1015_naming_the_reference()
    {
        ProtoItemInput gone = Referenced("protos/acme/common/v1/gone.proto", "Contoso.Shared.V1");
        WorkspacePlan plan = Map([Item("protos/acme/app/v1/report.proto"), gone]);
        BuildDiagnostic error = Assert.Single(plan.Diagnostics);
        Assert.Equal("PGB1015", error.Descriptor.Code);
        Assert.Equal(CommonProject, error.File);
        Assert.StartsWith("The project reference 'Common' exports the proto", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Summaries by path (by default: no package, no option, no import), missing protos, the other files that exist, the directories that do not.</summary>
    private sealed class FakeFiles : IWorkspaceFiles
    {
        private readonly Dictionary<string, ProtoSummary> _summaries = new(StringComparer.Ordinal);
        private readonly HashSet<string> _missing = new(StringComparer.Ordinal);
        private readonly HashSet<string> _files = new(StringComparer.Ordinal);
        private readonly HashSet<string> _missingDirectories = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _contents = new(StringComparer.Ordinal);

        public FakeFiles With(string path, string package = "", string? csharpNamespace = null, (string Path, int Line, int Column)[]? imports = null, string hash = "")
        {
            _summaries[path] = new ProtoSummary(package, [], (imports ?? []).Select(i => new ProtoSummaryImport(i.Path, i.Line, i.Column)).ToArray(), csharpNamespace) { ContentHash = hash };
            return this;
        }

        /// <summary>A file that exists, with its imports and a content hash.</summary>
        public FakeFiles Proto(string path, string hash, params string[] imports)
        {
            _files.Add(path);
            return With(path, imports: [.. imports.Select((i, n) => (i, n + 3, 8))], hash: hash);
        }

        /// <summary>Every file whose summary was asked for, in order.</summary>
        public List<string> SummariesRead { get; } = [];

        public FakeFiles Missing(string path)
        {
            _missing.Add(path);
            return this;
        }

        public FakeFiles File(string path)
        {
            _files.Add(path);
            return this;
        }

        public FakeFiles MissingDirectory(string path)
        {
            _missingDirectories.Add(path);
            return this;
        }

        public ProtoSummary? Summary(string fullPath, out string? error)
        {
            SummariesRead.Add(fullPath);
            error = _missing.Contains(fullPath) ? "the file does not exist." : null;
            return error is not null ? null : _summaries.TryGetValue(fullPath, out ProtoSummary? summary) ? summary : new ProtoSummary(string.Empty, [], [], null);
        }

        public FakeFiles Content(string path, string content)
        {
            _files.Add(path);
            _contents[path] = content;
            return this;
        }

        public bool FileExists(string fullPath) => _files.Contains(fullPath);

        public bool DirectoryExists(string fullPath) => !_missingDirectories.Contains(fullPath);

        public bool SameContent(string fullPath, string otherFullPath) =>
            fullPath == otherFullPath || (_contents.TryGetValue(fullPath, out string? a) && _contents.TryGetValue(otherFullPath, out string? b) && a == b);
    }
}
