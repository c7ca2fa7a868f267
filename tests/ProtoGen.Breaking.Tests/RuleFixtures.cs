using System.Collections.Generic;
using System.Linq;

namespace ProtoGen.Breaking.Tests;

/// <summary>
/// For every rule: a baseline, a change the rule reports (positive) and a near miss it must not report (negative,
/// against <see cref="RuleCase.NegativeBefore"/> when the near miss needs another baseline). Protos are ProtoGen's
/// own, written for these tests.
/// </summary>
internal sealed record RuleCase(Dictionary<string, string> Before, Dictionary<string, string> Positive, Dictionary<string, string> Negative, Dictionary<string, string>? NegativeBefore = null);

internal static class RuleFixtures
{
    private const string Proto3 = "syntax = \"proto3\";\npackage acme.v1;\n";
    private const string Proto2 = "syntax = \"proto2\";\npackage acme.v1;\n";
    private const string Edition2023 = "edition = \"2023\";\npackage acme.v1;\n";

    public static IReadOnlyDictionary<string, RuleCase> All { get; } = Build();

    private static Dictionary<string, string> P3(string body) => Workspaces.One(Proto3 + body);

    private static Dictionary<string, string> P2(string body) => Workspaces.One(Proto2 + body);

    private static Dictionary<string, string> E(string body) => Workspaces.One(Edition2023 + body);

    private static Dictionary<string, string> Files(params (string Path, string Text)[] files) => files.ToDictionary(f => f.Path, f => f.Text);

    private static RuleCase Same(Dictionary<string, string> before, Dictionary<string, string> positive, Dictionary<string, string> negative) => new(before, positive, negative);

    private static Dictionary<string, RuleCase> Build()
    {
        const string Entry = "message Entry {\n  int64 amount = 1;\n  string memo = 2;\n}\n";
        const string Service = "message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc Record(Req) returns (Res);\n  rpc List(Req) returns (Res);\n}\n";
        var cases = new Dictionary<string, RuleCase>
        {
            ["ENUM_NO_DELETE"] = Same(
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n}\nmessage Holder {\n  enum Kind {\n    KIND_UNSPECIFIED = 0;\n  }\n}\n"),
                P3("message Holder {\n}\n"),
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  STATUS_ACTIVE = 1;\n}\nmessage Holder {\n  enum Kind {\n    KIND_UNSPECIFIED = 0;\n  }\n}\n")),
            ["ENUM_SAME_JSON_FORMAT"] = new(
                E("enum Status {\n  STATUS_UNSPECIFIED = 0;\n}\n"),
                E("enum Status {\n  option features.json_format = LEGACY_BEST_EFFORT;\n  STATUS_UNSPECIFIED = 0;\n}\n"),
                E("enum Status {\n  STATUS_UNSPECIFIED = 0;\n}\n"),
                E("enum Status {\n  option features.json_format = LEGACY_BEST_EFFORT;\n  STATUS_UNSPECIFIED = 0;\n}\n")),
            ["ENUM_SAME_TYPE"] = Same(
                E("enum Status {\n  STATUS_UNSPECIFIED = 0;\n}\n"),
                E("enum Status {\n  option features.enum_type = CLOSED;\n  STATUS_UNSPECIFIED = 0;\n}\n"),
                E("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  STATUS_ACTIVE = 1;\n}\n")),
            ["ENUM_VALUE_NO_DELETE"] = Same(
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  STATUS_ACTIVE = 1;\n}\n"),
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n}\n"),
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  STATUS_ENABLED = 1;\n}\n")),
            ["ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED"] = Same(
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  STATUS_ACTIVE = 1;\n}\n"),
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  reserved 1;\n}\n"),
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  reserved \"STATUS_ACTIVE\";\n}\n")),
            ["ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED"] = Same(
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  STATUS_ACTIVE = 1;\n}\n"),
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  reserved \"STATUS_ACTIVE\";\n}\n"),
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  reserved 1;\n}\n")),
            ["ENUM_VALUE_SAME_NAME"] = Same(
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  STATUS_ACTIVE = 1;\n}\n"),
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  STATUS_ENABLED = 1;\n}\n"),
                P3("enum Status {\n  option allow_alias = true;\n  STATUS_UNSPECIFIED = 0;\n  STATUS_ACTIVE = 1;\n  STATUS_ENABLED = 1;\n}\n")),
            ["EXTENSION_MESSAGE_NO_DELETE"] = Same(
                P2("message Base {\n  extensions 100 to 199;\n}\n"),
                P2("message Base {\n  extensions 100 to 149;\n}\n"),
                P2("message Base {\n  extensions 100 to 299;\n}\n")),
            ["EXTENSION_NO_DELETE"] = Same(
                P2("message Base {\n  extensions 100 to 199;\n}\nextend Base {\n  optional int32 tag = 100;\n}\n"),
                P2("message Base {\n  extensions 100 to 199;\n}\n"),
                P2("message Base {\n  extensions 100 to 199;\n}\nextend Base {\n  optional int64 tag = 100;\n}\n")),
            ["FIELD_NO_DELETE"] = Same(P3(Entry), P3("message Entry {\n  int64 amount = 1;\n}\n"), P3("message Entry {\n  int64 amount = 1;\n  string note = 2;\n}\n")),
            ["FIELD_NO_DELETE_UNLESS_NAME_RESERVED"] = Same(P3(Entry),
                P3("message Entry {\n  int64 amount = 1;\n  reserved 2;\n}\n"),
                P3("message Entry {\n  int64 amount = 1;\n  reserved \"memo\";\n}\n")),
            ["FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED"] = Same(P3(Entry),
                P3("message Entry {\n  int64 amount = 1;\n  reserved \"memo\";\n}\n"),
                P3("message Entry {\n  int64 amount = 1;\n  reserved 2;\n}\n")),
            ["FIELD_SAME_CARDINALITY"] = Same(P3(Entry),
                P3("message Entry {\n  optional int64 amount = 1;\n  string memo = 2;\n}\n"),
                P3("message Entry {\n  int64 total = 1;\n  string memo = 2;\n}\n")),
            ["FIELD_SAME_CPP_STRING_TYPE"] = new(
                P2("message Entry {\n  optional string memo = 1;\n}\n"),
                P2("message Entry {\n  optional string memo = 1 [ctype = CORD];\n}\n"),
                P2("message Entry {\n  optional string memo = 1;\n}\n"),
                P2("message Entry {\n  optional string memo = 1 [ctype = STRING_PIECE];\n}\n")),
            ["FIELD_SAME_DEFAULT"] = Same(
                P2("message Entry {\n  optional int32 count = 1 [default = 5];\n}\n"),
                P2("message Entry {\n  optional int32 count = 1 [default = 6];\n}\n"),
                P2("message Entry {\n  optional int64 count = 1 [default = 5];\n}\n")),
            ["FIELD_SAME_JAVA_UTF8_VALIDATION"] = Same(
                P2("option java_string_check_utf8 = true;\nmessage Entry {\n  optional string memo = 1;\n}\n"),
                P2("message Entry {\n  optional string memo = 1;\n}\n"),
                P2("option java_string_check_utf8 = true;\noption java_package = \"com.acme.v1\";\nmessage Entry {\n  optional string memo = 1;\n}\n")),
            ["FIELD_SAME_JSON_NAME"] = Same(
                P3("message Entry {\n  string memo_text = 1 [json_name = \"memo\"];\n}\n"),
                P3("message Entry {\n  string memo_text = 1 [json_name = \"note\"];\n}\n"),
                P3("message Entry {\n  string memo_text = 1 [json_name = \"memo\", deprecated = true];\n}\n")),
            ["FIELD_SAME_JSTYPE"] = Same(
                P3("message Entry {\n  int64 id = 1 [jstype = JS_STRING];\n}\n"),
                P3("message Entry {\n  int64 id = 1 [jstype = JS_NUMBER];\n}\n"),
                P3("message Entry {\n  int64 key = 1 [jstype = JS_STRING];\n}\n")),
            ["FIELD_SAME_NAME"] = Same(P3(Entry),
                P3("message Entry {\n  int64 total = 1;\n  string memo = 2;\n}\n"),
                P3("message Entry {\n  int64 amount = 1 [json_name = \"amount\"];\n  string memo = 2;\n}\n")),
            ["FIELD_SAME_ONEOF"] = Same(P3(Entry),
                P3("message Entry {\n  oneof value {\n    int64 amount = 1;\n  }\n  string memo = 2;\n}\n"),
                P3("message Entry {\n  optional int64 amount = 1;\n  string memo = 2;\n}\n")),
            ["FIELD_SAME_TYPE"] = Same(P3(Entry),
                P3("message Entry {\n  string amount = 1;\n  string memo = 2;\n}\n"),
                P3("message Entry {\n  int64 total = 1;\n  string memo = 2;\n}\n")),
            ["FIELD_SAME_UTF8_VALIDATION"] = Same(
                E("message Entry {\n  string memo = 1;\n}\n"),
                E("message Entry {\n  string memo = 1 [features.utf8_validation = NONE];\n}\n"),
                E("message Entry {\n  string memo = 1;\n  string note = 2 [features.utf8_validation = NONE];\n}\n")),
            ["FIELD_WIRE_COMPATIBLE_CARDINALITY"] = Same(P3(Entry),
                P3("message Entry {\n  repeated int64 amount = 1;\n  string memo = 2;\n}\n"),
                P3("message Entry {\n  optional int64 amount = 1;\n  string memo = 2;\n}\n")),
            ["FIELD_WIRE_COMPATIBLE_TYPE"] = Same(P3(Entry),
                P3("message Entry {\n  sint64 amount = 1;\n  string memo = 2;\n}\n"),
                P3("message Entry {\n  int32 amount = 1;\n  bytes memo = 2;\n}\n")),
            ["FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY"] = Same(
                P3("message Entry {\n  message Pair {\n    string key = 1;\n    int32 value = 2;\n  }\n  repeated Pair pairs = 1;\n}\n"),
                P3("message Entry {\n  message Pair {\n    string key = 1;\n    int32 value = 2;\n  }\n  map<string, int32> pairs = 1;\n}\n"),
                P3("message Entry {\n  message Pair {\n    string key = 1;\n    int32 value = 2;\n  }\n  repeated Pair items = 1;\n}\n")),
            ["FIELD_WIRE_JSON_COMPATIBLE_TYPE"] = Same(
                P3("message Entry {\n  int32 count = 1;\n}\n"),
                P3("message Entry {\n  int64 count = 1;\n}\n"),
                P3("message Entry {\n  uint32 count = 1;\n}\n")),
            ["FILE_NO_DELETE"] = Same(
                Files(("a.proto", Proto3 + Entry), ("b.proto", Proto3 + "message Note {}\n")),
                Files(("a.proto", Proto3 + Entry)),
                Files(("a.proto", Proto3 + Entry), ("b.proto", Proto3 + "message Note {\n  string text = 1;\n}\n"))),
            ["FILE_SAME_PACKAGE"] = Same(P3(Entry),
                Workspaces.One("syntax = \"proto3\";\npackage acme.v2;\n" + Entry),
                Workspaces.One(Proto3 + "option go_package = \"acme/v1\";\n" + Entry)),
            ["FILE_SAME_SYNTAX"] = Same(
                P2("message Entry {\n  optional int64 amount = 1;\n}\n"),
                P3("message Entry {\n  optional int64 amount = 1;\n}\n"),
                P2("message Entry {\n  optional int64 amount = 1;\n  optional string memo = 2;\n}\n")),
            ["MESSAGE_NO_DELETE"] = Same(
                P3("message Entry {\n  message Line {\n    int64 amount = 1;\n  }\n  repeated Line lines = 1;\n}\nmessage Note {}\n"),
                P3("message Entry {\n  repeated int64 lines = 1;\n}\n"),
                P3("message Entry {\n  message Line {\n    int64 total = 1;\n  }\n  repeated Line lines = 1;\n}\nmessage Note {\n  string text = 1;\n}\n")),
            ["MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR"] = new(
                P3(Entry),
                P3("message Entry {\n  option no_standard_descriptor_accessor = true;\n  int64 amount = 1;\n  string memo = 2;\n}\n"),
                P3(Entry),
                P3("message Entry {\n  option no_standard_descriptor_accessor = true;\n  int64 amount = 1;\n  string memo = 2;\n}\n")),
            ["MESSAGE_SAME_JSON_FORMAT"] = new(
                E("message Entry {\n  int64 amount = 1;\n}\n"),
                E("message Entry {\n  option features.json_format = LEGACY_BEST_EFFORT;\n  int64 amount = 1;\n}\n"),
                E("message Entry {\n  int64 amount = 1;\n}\n"),
                E("message Entry {\n  option features.json_format = LEGACY_BEST_EFFORT;\n  int64 amount = 1;\n}\n")),
            ["MESSAGE_SAME_REQUIRED_FIELDS"] = Same(
                P2("message Entry {\n  required int64 amount = 1;\n  optional string memo = 2;\n}\n"),
                P2("message Entry {\n  optional int64 amount = 1;\n  required string memo = 2;\n}\n"),
                P2("message Entry {\n  required int64 amount = 1;\n  optional string memo = 2;\n  optional string note = 3;\n}\n")),
            ["ONEOF_NO_DELETE"] = Same(
                P3("message Entry {\n  oneof value {\n    int64 amount = 1;\n    string memo = 2;\n  }\n  optional string note = 3;\n}\n"),
                P3("message Entry {\n  int64 amount = 1;\n  string memo = 2;\n  optional string note = 3;\n}\n"),
                P3("message Entry {\n  oneof value {\n    int64 amount = 1;\n    string memo = 2;\n  }\n  string note = 3;\n}\n")),
            // The package keeps another enum (another extension, below): buf reports nothing when none is left (docs/breaking-changes.md).
            ["PACKAGE_ENUM_NO_DELETE"] = Same(
                Files(("a.proto", Proto3 + "enum Status {\n  STATUS_UNSPECIFIED = 0;\n}\n"), ("b.proto", Proto3 + "message Note {}\n")),
                Files(("a.proto", Proto3 + "enum Kind {\n  KIND_UNSPECIFIED = 0;\n}\n"), ("b.proto", Proto3 + "message Note {}\n")),
                Files(("a.proto", Proto3), ("b.proto", Proto3 + "message Note {}\nenum Status {\n  STATUS_UNSPECIFIED = 0;\n}\n"))),
            ["PACKAGE_EXTENSION_NO_DELETE"] = Same(
                Files(("a.proto", Proto2 + "message Base {\n  extensions 100 to 199;\n}\nextend Base {\n  optional int32 tag = 100;\n}\n"), ("b.proto", Proto2 + "import \"a.proto\";\n")),
                Files(("a.proto", Proto2 + "message Base {\n  extensions 100 to 199;\n}\nextend Base {\n  optional int32 other = 101;\n}\n"), ("b.proto", Proto2 + "import \"a.proto\";\n")),
                Files(("a.proto", Proto2 + "message Base {\n  extensions 100 to 199;\n}\n"), ("b.proto", Proto2 + "import \"a.proto\";\nextend Base {\n  optional int32 tag = 100;\n}\n"))),
            ["PACKAGE_MESSAGE_NO_DELETE"] = Same(
                Files(("a.proto", Proto3 + Entry), ("b.proto", Proto3 + "message Note {}\n")),
                Files(("a.proto", Proto3), ("b.proto", Proto3 + "message Note {}\n")),
                Files(("a.proto", Proto3), ("b.proto", Proto3 + "message Note {}\n" + Entry))),
            ["PACKAGE_NO_DELETE"] = Same(
                Files(("a.proto", Proto3 + Entry)),
                Files(("a.proto", "syntax = \"proto3\";\npackage acme.v2;\n" + Entry)),
                Files(("b.proto", Proto3 + Entry))),
            ["PACKAGE_SERVICE_NO_DELETE"] = Same(
                Files(("a.proto", Proto3 + Service), ("b.proto", Proto3 + "import \"a.proto\";\n")),
                Files(("a.proto", Proto3 + "message Req {}\nmessage Res {}\nmessage Other {}\n"), ("b.proto", Proto3 + "import \"a.proto\";\n")),
                Files(("a.proto", Proto3 + "message Req {}\nmessage Res {}\nmessage Other {}\n"), ("b.proto", Proto3 + "import \"a.proto\";\nservice Ledger {\n  rpc Record(Req) returns (Res);\n  rpc List(Req) returns (Res);\n}\n"))),
            ["RESERVED_ENUM_NO_DELETE"] = Same(
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  reserved 2 to 5;\n  reserved \"STATUS_OLD\";\n}\n"),
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  reserved 2, 5;\n}\n"),
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  reserved 2 to 9;\n  reserved \"STATUS_OLD\", \"STATUS_OLDER\";\n}\n")),
            ["RESERVED_MESSAGE_NO_DELETE"] = Same(
                P3("message Entry {\n  reserved 2 to 5, 100 to max;\n  reserved \"memo\";\n}\n"),
                P3("message Entry {\n  reserved 2, 5, 100 to 200;\n}\n"),
                P3("message Entry {\n  reserved 2 to 9, 100 to max;\n  reserved \"memo\", \"note\";\n}\n")),
            ["RPC_NO_DELETE"] = Same(P3(Service),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc Record(Req) returns (Res);\n}\n"),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc Record(Other) returns (Res);\n  rpc List(Req) returns (Res);\n}\n")),
            ["RPC_SAME_CLIENT_STREAMING"] = Same(P3(Service),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc Record(stream Req) returns (Res);\n  rpc List(Req) returns (Res);\n}\n"),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc Record(Req) returns (stream Res);\n  rpc List(Req) returns (Res);\n}\n")),
            ["RPC_SAME_IDEMPOTENCY_LEVEL"] = Same(P3(Service),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc Record(Req) returns (Res) {\n    option idempotency_level = NO_SIDE_EFFECTS;\n  }\n  rpc List(Req) returns (Res);\n}\n"),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc Record(Req) returns (Res) {\n    option deprecated = true;\n  }\n  rpc List(Req) returns (Res);\n}\n")),
            ["RPC_SAME_REQUEST_TYPE"] = Same(P3(Service),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc Record(Other) returns (Res);\n  rpc List(Req) returns (Res);\n}\n"),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc Record(Req) returns (Other);\n  rpc List(Req) returns (Res);\n}\n")),
            ["RPC_SAME_RESPONSE_TYPE"] = Same(P3(Service),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc Record(Req) returns (Other);\n  rpc List(Req) returns (Res);\n}\n"),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc Record(Other) returns (Res);\n  rpc List(Req) returns (Res);\n}\n")),
            ["RPC_SAME_SERVER_STREAMING"] = Same(P3(Service),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc Record(Req) returns (stream Res);\n  rpc List(Req) returns (Res);\n}\n"),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc Record(stream Req) returns (Res);\n  rpc List(Req) returns (Res);\n}\n")),
            ["SERVICE_NO_DELETE"] = Same(P3(Service),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\n"),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc Record(Req) returns (Res);\n}\n")),

            ["CSHARP_SAME_NAMESPACE"] = Same(
                P3("option csharp_namespace = \"Acme.V1\";\n" + Entry),
                P3("option csharp_namespace = \"Contoso.Ledger.V1\";\n" + Entry),
                P3(Entry)),
            ["CSHARP_TYPE_NO_DELETE"] = Same(
                P3("option csharp_namespace = \"Acme.V1\";\n" + Entry + "message Holder {\n  message Line {}\n}\n"),
                P3("option csharp_namespace = \"Acme.V1\";\nmessage LedgerEntry {\n  int64 amount = 1;\n  string memo = 2;\n}\nmessage Holder {\n  message Item {}\n}\n"),
                Workspaces.One("syntax = \"proto3\";\npackage acme.ledger.v1;\noption csharp_namespace = \"Acme.V1\";\n" + Entry + "message Holder {\n  message Line {}\n}\n")),
            ["CSHARP_PROPERTY_NO_DELETE"] = Same(
                P3("message Entry {\n  int64 amount_cents = 1;\n  string memo = 2;\n}\n"),
                P3("message Entry {\n  int64 amount = 1;\n}\n"),
                P3("message Entry {\n  int64 amountCents = 1;\n  string memo = 2;\n}\n")),
            ["CSHARP_PROPERTY_SAME_TYPE"] = Same(
                P3("message Entry {\n  int32 count = 1;\n  string memo = 2;\n}\n"),
                P3("message Entry {\n  int64 count = 1;\n  repeated string memo = 2;\n}\n"),
                P3("message Entry {\n  sint32 count = 1;\n  string memo = 2;\n}\n")),
            ["CSHARP_ONEOF_NO_DELETE"] = Same(
                P3("message Entry {\n  oneof kind {\n    int64 amount = 1;\n    string memo = 2;\n  }\n  oneof extra {\n    string note = 3;\n  }\n}\n"),
                P3("message Entry {\n  oneof sort {\n    int64 amount = 1;\n    string memo = 2;\n  }\n  string note = 3;\n}\n"),
                P3("message Entry {\n  oneof Kind {\n    int64 amount = 1;\n    string memo = 2;\n  }\n  oneof extra {\n    string note = 3;\n  }\n}\n")),
            ["CSHARP_ENUM_VALUE_NO_DELETE"] = Same(
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  STATUS_ACTIVE = 1;\n  STATUS_CLOSED = 2;\n}\n"),
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  STATUS_ENABLED = 1;\n}\n"),
                P3("enum Status {\n  STATUS_UNSPECIFIED = 0;\n  ACTIVE = 1;\n  STATUS_CLOSED = 2;\n}\n")),
            ["CSHARP_RPC_NO_DELETE"] = Same(P3(Service),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc RecordEntry(Req) returns (Res);\n  rpc List(Req) returns (Res);\n}\n"),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc Record(Req) returns (Other);\n  rpc List(Req) returns (Res);\n}\n")),
            ["CSHARP_WRAPPER_MEMBER_NO_DELETE"] = Same(P3(Service),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc Record(Req) returns (Res);\n  rpc List(Req) returns (stream Res);\n}\n"),
                P3("message Req {}\nmessage Res {}\nmessage Other {}\nservice Ledger {\n  rpc Record(Req) returns (Res);\n  rpc List(Other) returns (Res);\n}\n")),
        };

        // The file options buf compares, each from one value to another; the near miss keeps the value and changes another option.
        foreach ((string rule, string option, string before, string after) in new[]
        {
            ("FILE_SAME_CC_ENABLE_ARENAS", "cc_enable_arenas", "true", "false"),
            ("FILE_SAME_CC_GENERIC_SERVICES", "cc_generic_services", "false", "true"),
            ("FILE_SAME_CSHARP_NAMESPACE", "csharp_namespace", "\"Acme.V1\"", "\"Contoso.V1\""),
            ("FILE_SAME_GO_PACKAGE", "go_package", "\"acme/v1\"", "\"acme/ledger/v1\""),
            ("FILE_SAME_JAVA_GENERIC_SERVICES", "java_generic_services", "false", "true"),
            ("FILE_SAME_JAVA_MULTIPLE_FILES", "java_multiple_files", "true", "false"),
            ("FILE_SAME_JAVA_OUTER_CLASSNAME", "java_outer_classname", "\"LedgerProto\"", "\"Ledger\""),
            ("FILE_SAME_JAVA_PACKAGE", "java_package", "\"com.acme.v1\"", "\"com.acme.ledger.v1\""),
            ("FILE_SAME_OBJC_CLASS_PREFIX", "objc_class_prefix", "\"ACM\"", "\"ACL\""),
            ("FILE_SAME_OPTIMIZE_FOR", "optimize_for", "SPEED", "CODE_SIZE"),
            ("FILE_SAME_PHP_CLASS_PREFIX", "php_class_prefix", "\"Acme\"", "\"Ledger\""),
            ("FILE_SAME_PHP_METADATA_NAMESPACE", "php_metadata_namespace", "\"Acme\\\\Meta\"", "\"Acme\\\\Metadata\""),
            ("FILE_SAME_PHP_NAMESPACE", "php_namespace", "\"Acme\\\\V1\"", "\"Acme\\\\Ledger\""),
            ("FILE_SAME_PY_GENERIC_SERVICES", "py_generic_services", "false", "true"),
            ("FILE_SAME_RUBY_PACKAGE", "ruby_package", "\"Acme::V1\"", "\"Acme::Ledger\""),
            ("FILE_SAME_SWIFT_PREFIX", "swift_prefix", "\"AC\"", "\"AL\""),
        })
        {
            string other = option == "java_package" ? "go_package = \"acme/v1\"" : "java_package = \"com.acme.v1\"";
            cases[rule] = Same(
                P3($"option {option} = {before};\n" + Entry),
                P3($"option {option} = {after};\n" + Entry),
                P3($"option {option} = {before};\noption {other};\n" + Entry));
        }

        return cases;
    }
}
