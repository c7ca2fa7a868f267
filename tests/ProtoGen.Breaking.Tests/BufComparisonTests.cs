using System.Collections.Generic;
using System.Linq;
using ProtoGen.Breaking.Rules;
using Xunit;

namespace ProtoGen.Breaking.Tests;

/// <summary>
/// ProtoGen against the real <c>buf breaking</c> (installed by tests/tools/install-buf.sh): the same rule IDs, files,
/// lines and columns on every rule's fixtures, on baselines laid out by their own buf.yaml or buf.work.yaml, on protos
/// that import from other directories, and on file-level changes. A deliberate difference is documented in
/// docs/breaking-changes.md and kept here as a fixture of its own, with what each tool reports.
/// </summary>
public sealed class BufComparisonTests
{
    private const string Ledger = """
        // The ledger of the acme release.

        syntax = "proto3";

        package acme.ledger.v1;

        import "acme/common/money.proto";

        option csharp_namespace = "Acme.Ledger.V1";
        option java_package = "com.acme.ledger.v1";

        // One line of the ledger.
        message Entry {
          string id = 1;
          acme.common.Money amount = 2;
          string memo = 3;
        }
        """;

    private const string Money = """
        syntax = "proto3";

        package acme.common;

        message Money {
          string currency = 1;
          int64 units = 2;
        }
        """;

    private const string Note = """
        syntax = "proto3";

        package acme.ledger.v1;

        message Note {
          string text = 1;
        }
        """;

    /// <summary><see cref="Ledger"/> with field 3's type changed: FIELD_SAME_TYPE.</summary>
    private static readonly string LedgerBroken = Ledger.Replace("  string memo = 3;", "  bytes memo = 3;", System.StringComparison.Ordinal);

    public static TheoryData<string> BufRuleIds { get; } = [.. RuleCatalog.All.Where(r => !r.IsDeprecated && r.V2 is not null && !r.V2.Contains(RuleCatalog.CSharp)).Select(r => r.Id)];

    public static TheoryData<string> Layouts { get; } = ["none", "v1beta1", "v1", "v2", "buf.work.yaml"];

    public static TheoryData<string> Differences { get; } =
        ["FIELD_SAME_DEFAULT column", "last enum of a package", "last extension of a package", "idempotency_level back to its default", "a field made LEGACY_REQUIRED"];

    [BufTheory]
    [MemberData(nameof(BufRuleIds))]
    public void Each_rule_finds_what_buf_finds_where_buf_finds_it(string ruleId)
    {
        RuleCase fixture = RuleFixtures.All[ruleId];

        // FIELD_SAME_DEFAULT's positive fixture is a deliberate difference (its column): Deliberate_differences_are_the_documented_ones.
        if (ruleId != "FIELD_SAME_DEFAULT")
        {
            BufComparison.AssertSame(new BufCase(fixture.Positive, fixture.Before, [ruleId]));
        }

        BufComparison.AssertSame(new BufCase(fixture.Negative, fixture.NegativeBefore ?? fixture.Before, [ruleId]));
    }

    /// <summary>Where ProtoGen differs from buf on purpose (docs/breaking-changes.md, "Differences from buf"): what each reports.</summary>
    [BufTheory]
    [MemberData(nameof(Differences))]
    public void Deliberate_differences_are_the_documented_ones(string difference)
    {
        const string Proto2 = "syntax = \"proto2\";\npackage acme.v1;\n";
        const string Proto3 = "syntax = \"proto3\";\npackage acme.v1;\n";
        const string Service = "message Req {}\nmessage Res {}\nservice Ledger {\n  rpc Record(Req) returns (Res)";
        (BufCase test, string[] buf, string[] protoGen) = difference switch
        {
            // protoc's source info places a default at its value; buf's compiler at "default =" (the same line).
            "FIELD_SAME_DEFAULT column" => (
                new BufCase(RuleFixtures.All["FIELD_SAME_DEFAULT"].Positive, RuleFixtures.All["FIELD_SAME_DEFAULT"].Before, ["FIELD_SAME_DEFAULT"]),
                new[] { "FIELD_SAME_DEFAULT a.proto(4,29)" },
                new[] { "FIELD_SAME_DEFAULT a.proto(4,39)" }),

            // buf indexes a package's enums (messages, extensions) only for packages that still have one: deleting the last is not reported.
            "last enum of a package" => (
                new BufCase(
                    new Dictionary<string, string> { ["a.proto"] = Proto3, ["b.proto"] = Proto3 + "message Note {}\n" },
                    new Dictionary<string, string> { ["a.proto"] = Proto3 + "enum Status {\n  STATUS_UNSPECIFIED = 0;\n}\n", ["b.proto"] = Proto3 + "message Note {}\n" },
                    ["PACKAGE_ENUM_NO_DELETE"]),
                System.Array.Empty<string>(),
                new[] { "PACKAGE_ENUM_NO_DELETE a.proto(1,1)" }),
            "last extension of a package" => (
                new BufCase(
                    new Dictionary<string, string> { ["a.proto"] = Proto2 + "message Base {\n  extensions 100 to 199;\n}\n" },
                    new Dictionary<string, string> { ["a.proto"] = Proto2 + "message Base {\n  extensions 100 to 199;\n}\nextend Base {\n  optional int32 tag = 100;\n}\n" },
                    ["PACKAGE_EXTENSION_NO_DELETE"]),
                System.Array.Empty<string>(),
                new[] { "PACKAGE_EXTENSION_NO_DELETE a.proto(1,1)" }),

            // buf reads a required field from its label, which an edition's LEGACY_REQUIRED leaves optional; ProtoGen from its resolved presence.
            "a field made LEGACY_REQUIRED" => (
                new BufCase(
                    new Dictionary<string, string> { ["a.proto"] = "edition = \"2023\";\npackage acme.v1;\nmessage Entry {\n  int32 count = 1 [features.field_presence = LEGACY_REQUIRED];\n}\n" },
                    new Dictionary<string, string> { ["a.proto"] = "edition = \"2023\";\npackage acme.v1;\nmessage Entry {\n  int32 count = 1;\n}\n" },
                    ["MESSAGE_SAME_REQUIRED_FIELDS"]),
                System.Array.Empty<string>(),
                new[] { "MESSAGE_SAME_REQUIRED_FIELDS a.proto(4,3)" }),

            // An option that went back to its default is no longer written: buf reports at the file, ProtoGen at the RPC it belonged to.
            _ => (
                new BufCase(
                    new Dictionary<string, string> { ["a.proto"] = Proto3 + Service + ";\n}\n" },
                    new Dictionary<string, string> { ["a.proto"] = Proto3 + Service + " {\n    option idempotency_level = NO_SIDE_EFFECTS;\n  }\n}\n" },
                    ["RPC_SAME_IDEMPOTENCY_LEVEL"]),
                new[] { "RPC_SAME_IDEMPOTENCY_LEVEL a.proto(1,1)" },
                new[] { "RPC_SAME_IDEMPOTENCY_LEVEL a.proto(6,3)" }),
        };

        (List<ComparedFinding> bufFindings, List<ComparedFinding> protoGenFindings) = BufComparison.Run(test);

        Assert.Equal(buf, bufFindings.Select(f => f.ToString()));
        Assert.Equal(protoGen, protoGenFindings.Select(f => f.ToString()));
    }

    [BufTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_baseline_that_imports_from_an_import_directory_compiles_and_compares_as_buf_does(bool broken)
    {
        // ProtoGen: protos/ with AdditionalImportDirs="extra", the baseline a copy of protos/. buf has no import
        // directories: there, extra/ is a second module of the workspace on both sides.
        const string Workspace = "version: v2\nmodules:\n  - path: protos\n  - path: extra\nbreaking:\n  use: [FILE]\n";
        var test = new BufCase(
            Project: new Dictionary<string, string>
            {
                ["buf.yaml"] = Workspace,
                ["protos/acme/ledger/v1/ledger.proto"] = broken ? LedgerBroken : Ledger,
                ["extra/acme/common/money.proto"] = Money,
            },
            Baseline: new Dictionary<string, string> { ["acme/ledger/v1/ledger.proto"] = Ledger },
            Roots: ["protos"],
            ImportDirectories: ["extra"],
            BufAgainst: new Dictionary<string, string>
            {
                ["buf.yaml"] = Workspace,
                ["protos/acme/ledger/v1/ledger.proto"] = Ledger,
                ["extra/acme/common/money.proto"] = Money,
            });

        (List<ComparedFinding> buf, List<ComparedFinding> protoGen) = BufComparison.Run(test);

        BufComparison.AssertSame(buf, protoGen);
        Assert.Equal(broken ? ["FIELD_SAME_TYPE protos/acme/ledger/v1/ledger.proto(16,3)"] : [], protoGen.Select(f => f.ToString()));
    }

    [BufTheory]
    [MemberData(nameof(Layouts))]
    public void A_baseline_is_laid_out_by_its_own_buf_yaml_as_buf_reads_it(string layout)
    {
        // The release checkout kept its protos under proto/ (or src/proto/) and said so in its buf.yaml; the project
        // keeps them under protos/. Files pair by their paths within their module roots: one field changed, one file
        // deleted (note.proto), one file left out of the baseline by excludes (legacy/old.proto: not reported).
        const string Old = "syntax = \"proto3\";\n\npackage acme.legacy;\n\nmessage Old {}\n";
        Dictionary<string, string> baseline = layout switch
        {
            "none" => new() { ["acme/ledger/v1/ledger.proto"] = Ledger, ["acme/ledger/v1/note.proto"] = Note, ["acme/common/money.proto"] = Money },
            "v1beta1" => new()
            {
                ["buf.yaml"] = "version: v1beta1\nbuild:\n  roots:\n    - proto\n    - vendor\n  excludes:\n    - proto/acme/legacy\nbreaking:\n  use: [WIRE]\n",
                ["proto/acme/ledger/v1/ledger.proto"] = Ledger, ["proto/acme/ledger/v1/note.proto"] = Note, ["proto/acme/legacy/old.proto"] = Old,
                ["vendor/acme/common/money.proto"] = Money,
            },
            "v1" => new()
            {
                ["buf.yaml"] = "version: v1\nbuild:\n  excludes:\n    - acme/legacy\nbreaking:\n  use: [WIRE]\n",
                ["acme/ledger/v1/ledger.proto"] = Ledger, ["acme/ledger/v1/note.proto"] = Note, ["acme/legacy/old.proto"] = Old, ["acme/common/money.proto"] = Money,
            },
            "v2" => new()
            {
                ["buf.yaml"] = "version: v2\nmodules:\n  - path: src/proto\n    excludes:\n      - src/proto/acme/legacy\n  - path: third_party\nbreaking:\n  use: [WIRE]\n",
                ["src/proto/acme/ledger/v1/ledger.proto"] = Ledger, ["src/proto/acme/ledger/v1/note.proto"] = Note, ["src/proto/acme/legacy/old.proto"] = Old,
                ["third_party/acme/common/money.proto"] = Money,
            },
            _ => new()
            {
                ["buf.work.yaml"] = "version: v1\ndirectories:\n  - proto\n  - vendor\n",
                ["proto/buf.yaml"] = "version: v1\nbuild:\n  excludes:\n    - acme/legacy\n",
                ["proto/acme/ledger/v1/ledger.proto"] = Ledger, ["proto/acme/ledger/v1/note.proto"] = Note, ["proto/acme/legacy/old.proto"] = Old,
                ["vendor/acme/common/money.proto"] = Money,
            },
        };
        var test = new BufCase(
            Project: new Dictionary<string, string>
            {
                // The rules are the project's (FILE): the baseline's buf.yaml says where its protos are, nothing more.
                ["buf.yaml"] = "version: v2\nmodules:\n  - path: protos\n  - path: third_party\nbreaking:\n  use: [FILE]\n",
                ["protos/acme/ledger/v1/ledger.proto"] = LedgerBroken,
                ["third_party/acme/common/money.proto"] = Money,
            },
            Baseline: baseline,
            Roots: ["protos", "third_party"]);

        (List<ComparedFinding> buf, List<ComparedFinding> protoGen) = BufComparison.Run(test);

        BufComparison.AssertSame(buf, protoGen);
        Assert.Equal(
            [$"FILE_NO_DELETE {BufComparison.Gone} acme/ledger/v1/note.proto(0,0)", "FIELD_SAME_TYPE protos/acme/ledger/v1/ledger.proto(16,3)"],
            protoGen.Select(f => f.ToString()));
    }

    public static TheoryData<string> Cases => [.. EdgeCases.Keys];

    /// <summary>
    /// Changes the rule fixtures do not make: nested elements, maps, groups, extensions in messages, editions and
    /// features set at an outer level, statements removed. Each is checked with every rule of buf's categories.
    /// </summary>
    private static Dictionary<string, (string Before, string After)> EdgeCases { get; } = new()
    {
        ["a nested enum deleted from a message that stays"] = (
            "syntax = \"proto3\";\npackage acme.v1;\nenum Keep {\n  KEEP_UNSPECIFIED = 0;\n}\nmessage Holder {\n  enum Kind {\n    KIND_UNSPECIFIED = 0;\n  }\n  message Inner {\n    enum Deep {\n      DEEP_UNSPECIFIED = 0;\n    }\n  }\n}\n",
            "syntax = \"proto3\";\npackage acme.v1;\n\nmessage Holder {\n  message Inner {\n  }\n}\nenum Keep {\n  KEEP_UNSPECIFIED = 0;\n}\n"),
        ["a field deleted from a nested message"] = (
            "syntax = \"proto3\";\npackage acme.v1;\nmessage Outer {\n  message Inner {\n    int32 a = 1;\n    int32 b = 2;\n  }\n}\n",
            "syntax = \"proto3\";\npackage acme.v1;\n// moved down\nmessage Outer {\n  message Inner {\n    int32 a = 1;\n  }\n}\n"),
        ["a map's value type changed"] = (
            "syntax = \"proto3\";\npackage acme.v1;\nmessage Entry {\n  map<string, int32> counts = 1;\n}\n",
            "syntax = \"proto3\";\npackage acme.v1;\nmessage Entry {\n  map<string, string> counts = 1;\n}\n"),
        ["a map's key type changed"] = (
            "syntax = \"proto3\";\npackage acme.v1;\nmessage Entry {\n  map<string, int32> counts = 1;\n}\n",
            "syntax = \"proto3\";\npackage acme.v1;\nmessage Entry {\n  map<int64, int32> counts = 1;\n}\n"),
        ["a map became a repeated message"] = (
            "syntax = \"proto3\";\npackage acme.v1;\nmessage Entry {\n  map<string, int32> counts = 1;\n}\n",
            "syntax = \"proto3\";\npackage acme.v1;\nmessage Entry {\n  message Count {\n    string key = 1;\n    int32 value = 2;\n  }\n  repeated Count counts = 1;\n}\n"),
        ["an extension in a message deleted"] = (
            "syntax = \"proto2\";\npackage acme.v1;\nmessage Base {\n  extensions 100 to 199;\n}\nextend Base {\n  optional int32 keep = 101;\n}\nmessage Holder {\n  extend Base {\n    optional int32 tag = 100;\n  }\n}\n",
            "syntax = \"proto2\";\npackage acme.v1;\nmessage Base {\n  extensions 100 to 199;\n}\nextend Base {\n  optional int32 keep = 101;\n}\nmessage Holder {\n}\n"),
        ["an extension's type and name changed"] = (
            "syntax = \"proto2\";\npackage acme.v1;\nmessage Base {\n  extensions 100 to 199;\n}\nextend Base {\n  optional int32 tag = 100;\n}\n",
            "syntax = \"proto2\";\npackage acme.v1;\nmessage Base {\n  extensions 100 to 199;\n}\nextend Base {\n  optional string label = 100 [deprecated = true];\n}\n"),
        ["a group became a message"] = (
            "syntax = \"proto2\";\npackage acme.v1;\nmessage Entry {\n  optional group Line = 1 {\n    optional int32 amount = 2;\n  }\n}\n",
            "syntax = \"proto2\";\npackage acme.v1;\nmessage Entry {\n  message Line {\n    optional int32 amount = 2;\n  }\n  optional Line line = 1;\n}\n"),
        ["json_name and default removed"] = (
            "syntax = \"proto2\";\npackage acme.v1;\nmessage Entry {\n  optional int32 count = 1 [default = 5, json_name = \"n\"];\n  optional string memo = 2 [default = \"m\"];\n}\n",
            "syntax = \"proto2\";\npackage acme.v1;\nmessage Entry {\n  optional int32 count = 1;\n  optional string memo = 2 [default = \"m\"];\n}\n"),
        ["fields moved between oneofs"] = (
            "syntax = \"proto3\";\npackage acme.v1;\nmessage Entry {\n  oneof a {\n    int32 x = 1;\n    int32 y = 2;\n  }\n  int32 z = 3;\n}\n",
            "syntax = \"proto3\";\npackage acme.v1;\nmessage Entry {\n  oneof b {\n    int32 x = 1;\n  }\n  int32 y = 2;\n  oneof c {\n    int32 z = 3;\n  }\n}\n"),
        ["enum values renamed, aliased and deleted"] = (
            "syntax = \"proto3\";\npackage acme.v1;\nenum Status {\n  option allow_alias = true;\n  STATUS_UNSPECIFIED = 0;\n  STATUS_ON = 1;\n  STATUS_ENABLED = 1;\n  STATUS_OFF = 2;\n  STATUS_GONE = 3;\n}\n",
            "syntax = \"proto3\";\npackage acme.v1;\nenum Status {\n  STATUS_UNSPECIFIED = 0;\n  STATUS_ACTIVE = 1;\n  STATUS_DISABLED = 2;\n  reserved 3;\n}\n"),
        ["reserved ranges and names shrunk"] = (
            "syntax = \"proto3\";\npackage acme.v1;\nmessage Entry {\n  reserved 1 to 10, 20 to max;\n  reserved \"a\", \"b\";\n}\nenum Status {\n  STATUS_UNSPECIFIED = 0;\n  reserved 5 to 9, 100 to max;\n  reserved \"STATUS_X\";\n}\n",
            "syntax = \"proto3\";\npackage acme.v1;\nmessage Entry {\n  reserved 1 to 4, 20 to 30;\n  reserved \"a\";\n}\nenum Status {\n  STATUS_UNSPECIFIED = 0;\n  reserved 5, 100;\n}\n"),
        ["RPCs changed every way"] = (
            "syntax = \"proto3\";\npackage acme.v1;\nmessage Req {}\nmessage Res {}\nservice Ledger {\n  rpc A(Req) returns (Res);\n  rpc B(stream Req) returns (stream Res);\n  rpc C(Req) returns (Res) {\n    option idempotency_level = IDEMPOTENT;\n  }\n  rpc D(Req) returns (Res);\n}\nservice Other {\n  rpc E(Req) returns (Res);\n}\n",
            "syntax = \"proto3\";\npackage acme.v1;\nmessage Req {}\nmessage Res {}\nservice Ledger {\n  rpc A(Res) returns (Req);\n  rpc B(Req) returns (Res);\n  rpc C(Req) returns (Res) {\n    option idempotency_level = NO_SIDE_EFFECTS;\n  }\n}\n"),
        ["edition features set on the file"] = (
            "edition = \"2023\";\npackage acme.v1;\nmessage Entry {\n  string memo = 1;\n  int32 count = 2;\n}\nenum Status {\n  STATUS_UNSPECIFIED = 0;\n}\n",
            "edition = \"2023\";\npackage acme.v1;\noption features.utf8_validation = NONE;\noption features.enum_type = CLOSED;\noption features.json_format = LEGACY_BEST_EFFORT;\noption features.field_presence = IMPLICIT;\nmessage Entry {\n  string memo = 1;\n  int32 count = 2;\n}\nenum Status {\n  STATUS_UNSPECIFIED = 0;\n}\n"),
        ["edition features set on the elements"] = (
            "edition = \"2023\";\npackage acme.v1;\nmessage Entry {\n  string memo = 1;\n  int32 count = 2;\n  string name = 3 [ctype = CORD];\n}\n",
            "edition = \"2023\";\npackage acme.v1;\nmessage Entry {\n  option features.json_format = LEGACY_BEST_EFFORT;\n  string memo = 1 [features.utf8_validation = NONE];\n  int32 count = 2 [features.field_presence = IMPLICIT];\n  string name = 3;\n}\n"),
        ["proto3 became an edition"] = (
            "syntax = \"proto3\";\npackage acme.v1;\nmessage Entry {\n  string memo = 1;\n  optional int32 count = 2;\n}\n",
            "edition = \"2023\";\npackage acme.v1;\nmessage Entry {\n  string memo = 1 [features.field_presence = IMPLICIT];\n  int32 count = 2;\n}\n"),
        ["the syntax and package statements removed"] = (
            "syntax = \"proto2\";\npackage acme.v1;\nmessage Entry {\n  optional int32 count = 1;\n}\n",
            "message Entry {\n  optional int32 count = 1;\n}\n"),
        ["file options written differently"] = (
            "syntax = \"proto3\";\npackage acme.v1;\noption java_multiple_files = true;\noption cc_enable_arenas = false;\noption (custom) = 1;\nimport \"google/protobuf/descriptor.proto\";\nextend google.protobuf.FileOptions {\n  int32 custom = 50000;\n}\nmessage Entry {}\n",
            "syntax = \"proto3\";\n\npackage acme.v1;\n\nimport \"google/protobuf/descriptor.proto\";\n\noption cc_enable_arenas = true;\noption java_multiple_files = false;\noption (custom) = 2;\nextend google.protobuf.FileOptions {\n  int32 custom = 50000;\n}\nmessage Entry {}\n"),
        ["message options"] = (
            "syntax = \"proto2\";\npackage acme.v1;\nmessage Entry {\n  optional int32 count = 1;\n  optional int64 id = 2 [jstype = JS_STRING];\n  optional string memo = 3 [ctype = CORD];\n  required int32 need = 4;\n}\n",
            "syntax = \"proto2\";\npackage acme.v1;\nmessage Entry {\n  option no_standard_descriptor_accessor = true;\n  optional int32 count = 1;\n  optional int64 id = 2;\n  optional string memo = 3 [ctype = STRING_PIECE];\n  optional int32 need = 4;\n  required int32 more = 5;\n}\n"),
    };

    [BufTheory]
    [MemberData(nameof(Cases))]
    public void Edge_cases_find_what_buf_finds_where_buf_finds_it(string name)
    {
        (string before, string after) = EdgeCases[name];

        BufComparison.AssertSame(new BufCase(
            new Dictionary<string, string> { ["a.proto"] = after }, new Dictionary<string, string> { ["a.proto"] = before }, ["FILE", "PACKAGE", "WIRE_JSON", "WIRE"]));
    }

    [BufFact]
    public void File_level_changes_point_at_the_statement_that_changed()
    {
        // Comments and blank lines move every statement off the lines a fixture without them would use.
        const string Before = """
            // A release of the ledger.
            // Its second comment line.

            syntax = "proto2";

            // The package.
            package acme.ledger.v1;

            option csharp_namespace = "Acme.Ledger.V1";
            option java_package = "com.acme.ledger.v1";
            option go_package = "acme/ledger/v1";
            option optimize_for = SPEED;

            message Entry {
              optional string id = 1;
            }

            message Gone {}
            """;
        const string After = """
            // The next release of the ledger.

            syntax = "proto3";


            package acme.ledger.v2;

            option java_package = "com.acme.ledger.v2";
            option csharp_namespace = "Acme.Ledger.V2";
            option optimize_for = CODE_SIZE;
            option objc_class_prefix = "ALG";

            message Entry {
              optional string id = 1;
            }
            """;

        BufComparison.AssertSame(new BufCase(
            new Dictionary<string, string> { ["ledger.proto"] = After },
            new Dictionary<string, string> { ["ledger.proto"] = Before },
            ["FILE", "PACKAGE"]));
    }
}
