using System;
using System.Collections.Generic;
using System.Linq;
using ProtoGen.Breaking.Diagnostics;
using ProtoGen.Build.Diagnostics;

namespace ProtoGen.Breaking.Rules;

/// <summary>The buf.yaml versions whose rule tables differ (no buf.yaml: v2, buf's current one).</summary>
internal enum ConfigVersion
{
    V1Beta1,
    V1,
    V2,
}

/// <summary>
/// One breaking rule: its buf ID, the categories it belongs to in each buf.yaml version (null: the version does
/// not have the rule), what it checks, the diagnostic it reports with, and its implementation (null for buf's
/// deprecated no-op rules, which only stand for their <see cref="Replacements"/>).
/// </summary>
internal sealed record RuleInfo(
    string Id,
    string Purpose,
    string[]? V1Beta1,
    string[]? V1,
    string[]? V2,
    RuleHandler? Handler,
    string[] Replacements)
{
    public bool IsDeprecated => Handler is null;

    public string[]? CategoriesIn(ConfigVersion version) => version switch
    {
        ConfigVersion.V1Beta1 => V1Beta1,
        ConfigVersion.V1 => V1,
        _ => V2,
    };

    /// <summary>The code: by the weakest of the rule's current (v2) categories.</summary>
    public DiagnosticDescriptor Descriptor
    {
        get
        {
            string[] categories = V2 ?? V1 ?? V1Beta1 ?? [];
            return categories.Contains(RuleCatalog.Wire) ? BreakingDiagnostics.WireBreak
                : categories.Contains(RuleCatalog.WireJson) ? BreakingDiagnostics.JsonBreak
                : categories.Contains(RuleCatalog.Package) ? BreakingDiagnostics.PackageLevelBreak
                : categories.Contains(RuleCatalog.CSharp) ? BreakingDiagnostics.CSharpBreak
                : BreakingDiagnostics.FileLevelBreak;
        }
    }
}

/// <summary>
/// Every rule and category ProtoGen knows: buf's breaking rules with buf's IDs and their categories per buf.yaml
/// version (v1beta1, v1, v2), and ProtoGen's CSHARP rules. The default is the FILE category, as buf's.
/// </summary>
internal static class RuleCatalog
{
    public const string File = "FILE";
    public const string Package = "PACKAGE";
    public const string WireJson = "WIRE_JSON";
    public const string Wire = "WIRE";
    public const string Csr = "CSR";
    public const string CSharp = "CSHARP";

    private static readonly string[] F = [File];
    private static readonly string[] FP = [File, Package];
    private static readonly string[] FPJ = [File, Package, WireJson];
    private static readonly string[] FPJW = [File, Package, WireJson, Wire];
    private static readonly string[] P = [Package];
    private static readonly string[] J = [WireJson];
    private static readonly string[] JW = [WireJson, Wire];
    private static readonly string[] W = [Wire];
    private static readonly string[] None = [];
    private static readonly string[] C = [CSharp];

    private static readonly Dictionary<string, RuleInfo> ById;

    static RuleCatalog()
    {
        All =
        [
            Rule("ENUM_NO_DELETE", "Enums are not deleted from a file.", F, F, WithCsr(F), EnumRules.NoDelete),
            Rule("ENUM_SAME_JSON_FORMAT", "Enums keep their JSON format support.", FPJ, FPJ, WithCsr(FPJ), EnumRules.SameJsonFormat),
            Rule("ENUM_SAME_TYPE", "Enums stay open or closed.", FP, FP, FP, EnumRules.SameType),
            Rule("ENUM_VALUE_NO_DELETE", "Enum values are not deleted.", FP, FP, WithCsr(FP), EnumRules.ValueNoDelete),
            Rule("ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED", "Enum values are not deleted unless their name is reserved.", J, J, WithCsr(J), EnumRules.ValueNoDeleteUnlessNameReserved),
            Rule("ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED", "Enum values are not deleted unless their number is reserved.", JW, JW, WithCsr(JW), EnumRules.ValueNoDeleteUnlessNumberReserved),
            Rule("ENUM_VALUE_SAME_NAME", "Enum values keep their names.", FPJ, FPJ, WithCsr(FPJ), EnumRules.ValueSameName),
            Rule("EXTENSION_MESSAGE_NO_DELETE", "Extension ranges are not deleted from a message.", FP, FP, WithCsr(FP), MessageRules.ExtensionRangeNoDelete),
            Rule("EXTENSION_NO_DELETE", "Extensions are not deleted from a file.", null, null, F, PackageRules.FileExtensionNoDelete),
            Rule("FIELD_NO_DELETE", "Fields are not deleted from a message.", FP, FP, WithCsr(FP), FieldRules.NoDelete),
            Rule("FIELD_NO_DELETE_UNLESS_NAME_RESERVED", "Fields are not deleted unless their name is reserved.", J, J, WithCsr(J), FieldRules.NoDeleteUnlessNameReserved),
            Rule("FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED", "Fields are not deleted unless their number is reserved.", JW, JW, WithCsr(JW), FieldRules.NoDeleteUnlessNumberReserved),
            Rule("FIELD_SAME_CARDINALITY", "Fields keep their cardinality.", FPJW, FP, FP, FieldRules.SameCardinality),
            Rule("FIELD_SAME_CPP_STRING_TYPE", "Fields keep their C++ string type (ctype or (pb.cpp).string_type).", FP, FP, FP, FieldRules.SameCppStringType),
            Rule("FIELD_SAME_DEFAULT", "Fields keep their default value.", null, null, WithCsr(FPJW), FieldRules.SameDefault),
            Rule("FIELD_SAME_JAVA_UTF8_VALIDATION", "Fields keep their Java UTF-8 validation.", FP, FP, FP, FieldRules.SameJavaUtf8Validation),
            Rule("FIELD_SAME_JSON_NAME", "Fields keep their json_name.", FPJ, FPJ, WithCsr(FPJ), FieldRules.SameJsonName),
            Rule("FIELD_SAME_JSTYPE", "Fields keep their jstype.", FP, FP, FP, FieldRules.SameJsType),
            Rule("FIELD_SAME_NAME", "Fields keep their names.", FPJ, FPJ, WithCsr(FPJ), FieldRules.SameName),
            Rule("FIELD_SAME_ONEOF", "Fields stay in (or out of) the same oneof.", FPJW, FPJW, WithCsr(FPJW), FieldRules.SameOneof),
            Rule("FIELD_SAME_TYPE", "Fields keep their types.", FPJW, FP, WithCsr(FP), FieldRules.SameType),
            Rule("FIELD_SAME_UTF8_VALIDATION", "String fields keep their UTF-8 validation.", FP, FP, FP, FieldRules.SameUtf8Validation),
            Rule("FIELD_WIRE_COMPATIBLE_CARDINALITY", "Fields keep a wire-compatible cardinality.", W, W, W, FieldRules.WireCompatibleCardinality),
            Rule("FIELD_WIRE_COMPATIBLE_TYPE", "Fields keep a wire-compatible type.", null, W, W, FieldRules.WireCompatibleType),
            Rule("FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY", "Fields keep a wire- and JSON-compatible cardinality.", J, J, WithCsr(J), FieldRules.WireJsonCompatibleCardinality),
            Rule("FIELD_WIRE_JSON_COMPATIBLE_TYPE", "Fields keep a wire- and JSON-compatible type.", null, J, WithCsr(J), FieldRules.WireJsonCompatibleType),
            Rule("FILE_NO_DELETE", "Files are not deleted.", F, F, WithCsr(F), FileRules.NoDelete),
            Rule("FILE_SAME_CC_ENABLE_ARENAS", "Files keep cc_enable_arenas.", FP, FP, FP, FileRules.SameCcEnableArenas),
            Rule("FILE_SAME_CC_GENERIC_SERVICES", "Files keep cc_generic_services.", FP, FP, FP, FileRules.SameCcGenericServices),
            Rule("FILE_SAME_CSHARP_NAMESPACE", "Files keep csharp_namespace.", FP, FP, FP, FileRules.SameCSharpNamespace),
            Rule("FILE_SAME_GO_PACKAGE", "Files keep go_package.", FP, FP, FP, FileRules.SameGoPackage),
            Rule("FILE_SAME_JAVA_GENERIC_SERVICES", "Files keep java_generic_services.", FP, FP, FP, FileRules.SameJavaGenericServices),
            Rule("FILE_SAME_JAVA_MULTIPLE_FILES", "Files keep java_multiple_files.", FP, FP, FP, FileRules.SameJavaMultipleFiles),
            Rule("FILE_SAME_JAVA_OUTER_CLASSNAME", "Files keep java_outer_classname.", FP, FP, FP, FileRules.SameJavaOuterClassname),
            Rule("FILE_SAME_JAVA_PACKAGE", "Files keep java_package.", FP, FP, FP, FileRules.SameJavaPackage),
            Rule("FILE_SAME_OBJC_CLASS_PREFIX", "Files keep objc_class_prefix.", FP, FP, FP, FileRules.SameObjcClassPrefix),
            Rule("FILE_SAME_OPTIMIZE_FOR", "Files keep optimize_for.", FP, FP, FP, FileRules.SameOptimizeFor),
            Rule("FILE_SAME_PACKAGE", "Files keep their package.", F, FPJW, WithCsr(FPJW), FileRules.SamePackage),
            Rule("FILE_SAME_PHP_CLASS_PREFIX", "Files keep php_class_prefix.", FP, FP, FP, FileRules.SamePhpClassPrefix),
            Rule("FILE_SAME_PHP_METADATA_NAMESPACE", "Files keep php_metadata_namespace.", FP, FP, FP, FileRules.SamePhpMetadataNamespace),
            Rule("FILE_SAME_PHP_NAMESPACE", "Files keep php_namespace.", FP, FP, FP, FileRules.SamePhpNamespace),
            Rule("FILE_SAME_PY_GENERIC_SERVICES", "Files keep py_generic_services.", FP, FP, FP, FileRules.SamePyGenericServices),
            Rule("FILE_SAME_RUBY_PACKAGE", "Files keep ruby_package.", FP, FP, FP, FileRules.SameRubyPackage),
            Rule("FILE_SAME_SWIFT_PREFIX", "Files keep swift_prefix.", FP, FP, FP, FileRules.SameSwiftPrefix),
            Rule("FILE_SAME_SYNTAX", "Files keep their syntax.", FP, FP, WithCsr(FP), FileRules.SameSyntax),
            Rule("MESSAGE_NO_DELETE", "Messages are not deleted from a file.", F, F, WithCsr(F), MessageRules.NoDelete),
            Rule("MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR", "Messages do not turn on no_standard_descriptor_accessor.", FP, FP, WithCsr(FP), MessageRules.NoRemoveStandardDescriptorAccessor),
            Rule("MESSAGE_SAME_JSON_FORMAT", "Messages keep their JSON format support.", FPJ, FPJ, WithCsr(FPJ), MessageRules.SameJsonFormat),
            Rule("MESSAGE_SAME_REQUIRED_FIELDS", "Messages neither gain nor lose required fields.", FPJW, FPJW, WithCsr(FPJW), MessageRules.SameRequiredFields),
            Rule("ONEOF_NO_DELETE", "Oneofs are not deleted from a message.", FP, FP, WithCsr(FP), MessageRules.OneofNoDelete),
            Rule("PACKAGE_ENUM_NO_DELETE", "Enums are not deleted from a package.", P, P, P, PackageRules.EnumNoDelete),
            Rule("PACKAGE_EXTENSION_NO_DELETE", "Extensions are not deleted from a package.", null, null, P, PackageRules.ExtensionNoDelete),
            Rule("PACKAGE_MESSAGE_NO_DELETE", "Messages are not deleted from a package.", P, P, P, PackageRules.MessageNoDelete),
            Rule("PACKAGE_NO_DELETE", "Packages are not deleted.", P, P, P, PackageRules.NoDelete),
            Rule("PACKAGE_SERVICE_NO_DELETE", "Services are not deleted from a package.", P, P, P, PackageRules.ServiceNoDelete),
            Rule("RESERVED_ENUM_NO_DELETE", "Reserved ranges and names are not deleted from an enum.", FPJW, FPJW, WithCsr(FPJW), EnumRules.ReservedNoDelete),
            Rule("RESERVED_MESSAGE_NO_DELETE", "Reserved ranges and names are not deleted from a message.", FPJW, FPJW, WithCsr(FPJW), MessageRules.ReservedNoDelete),
            Rule("RPC_NO_DELETE", "RPCs are not deleted from a service.", FP, FP, FP, ServiceRules.RpcNoDelete),
            Rule("RPC_SAME_CLIENT_STREAMING", "RPCs keep client streaming.", FPJW, FPJW, WithCsr(FPJW), ServiceRules.SameClientStreaming),
            Rule("RPC_SAME_IDEMPOTENCY_LEVEL", "RPCs keep their idempotency_level.", FPJW, FPJW, WithCsr(FPJW), ServiceRules.SameIdempotencyLevel),
            Rule("RPC_SAME_REQUEST_TYPE", "RPCs keep their request type.", FPJW, FPJW, WithCsr(FPJW), ServiceRules.SameRequestType),
            Rule("RPC_SAME_RESPONSE_TYPE", "RPCs keep their response type.", FPJW, FPJW, WithCsr(FPJW), ServiceRules.SameResponseType),
            Rule("RPC_SAME_SERVER_STREAMING", "RPCs keep server streaming.", FPJW, FPJW, WithCsr(FPJW), ServiceRules.SameServerStreaming),
            Rule("SERVICE_NO_DELETE", "Services are not deleted from a file.", F, F, F, ServiceRules.NoDelete),

            // buf's deprecated rules: accepted in configuration, standing for their replacements.
            Deprecated("FIELD_SAME_CTYPE", "Deprecated: replaced by FIELD_SAME_CPP_STRING_TYPE.", true, "FIELD_SAME_CPP_STRING_TYPE"),
            Deprecated("FIELD_SAME_LABEL", "Deprecated: replaced by the three cardinality rules.", true, "FIELD_SAME_CARDINALITY", "FIELD_WIRE_COMPATIBLE_CARDINALITY", "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY"),
            Deprecated("FILE_SAME_JAVA_STRING_CHECK_UTF8", "Deprecated: replaced by FIELD_SAME_JAVA_UTF8_VALIDATION.", true, "FIELD_SAME_JAVA_UTF8_VALIDATION"),
            Deprecated("FILE_SAME_PHP_GENERIC_SERVICES", "Deprecated: checks nothing.", true),
            Deprecated("MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT", "Deprecated: checks nothing.", false),

            // ProtoGen's CSHARP category.
            Rule("CSHARP_SAME_NAMESPACE", "Files keep their effective C# namespace (option, ProtoGen rule or package).", C, C, C, CSharpRules.SameNamespace),
            Rule("CSHARP_TYPE_NO_DELETE", "Generated C# classes and enums keep their full C# names.", C, C, C, CSharpRules.TypeNoDelete),
            Rule("CSHARP_PROPERTY_NO_DELETE", "Generated message classes keep their properties.", C, C, C, CSharpRules.PropertyNoDelete),
            Rule("CSHARP_PROPERTY_SAME_TYPE", "Generated properties keep their C# types.", C, C, C, CSharpRules.PropertySameType),
            Rule("CSHARP_ONEOF_NO_DELETE", "Generated message classes keep their oneof case members.", C, C, C, CSharpRules.OneofNoDelete),
            Rule("CSHARP_ENUM_VALUE_NO_DELETE", "Generated C# enums keep their members.", C, C, C, CSharpRules.EnumValueNoDelete),
            Rule("CSHARP_RPC_NO_DELETE", "Generated gRPC clients keep the methods of every RPC.", C, C, C, CSharpRules.RpcNoDelete),
            Rule("CSHARP_WRAPPER_MEMBER_NO_DELETE", "RPCs keep their members in the generated client and ProtoGen's client wrapper.", C, C, C, CSharpRules.WrapperMemberNoDelete),
        ];
        ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>Every rule, in ID order within buf's rules, then the deprecated ones, then CSHARP.</summary>
    public static IReadOnlyList<RuleInfo> All { get; }

    public static RuleInfo? Find(string id) => ById.TryGetValue(id, out RuleInfo? rule) ? rule : null;

    /// <summary>The categories of <paramref name="version"/>: buf's four (and CSR in v2), and CSHARP.</summary>
    public static IReadOnlyList<string> Categories(ConfigVersion version) =>
        version == ConfigVersion.V2 ? [File, Package, WireJson, Wire, Csr, CSharp] : [File, Package, WireJson, Wire, CSharp];

    /// <summary>True when <paramref name="id"/> is a rule or a category that <paramref name="version"/> knows.</summary>
    public static bool IsKnown(string id, ConfigVersion version) =>
        Categories(version).Contains(id, StringComparer.Ordinal) || Find(id)?.CategoriesIn(version) is not null;

    /// <summary>
    /// The rules <paramref name="ids"/> stand for in <paramref name="version"/>: a category's members, a rule
    /// itself, a deprecated rule's replacements. Unknown IDs are left out (callers report them first).
    /// </summary>
    public static HashSet<string> Expand(IEnumerable<string> ids, ConfigVersion version)
    {
        var rules = new HashSet<string>(StringComparer.Ordinal);
        foreach (string id in ids)
        {
            if (Categories(version).Contains(id, StringComparer.Ordinal))
            {
                rules.UnionWith(All.Where(r => !r.IsDeprecated && r.CategoriesIn(version) is { } categories && categories.Contains(id)).Select(r => r.Id));
            }
            else if (Find(id) is { } rule)
            {
                if (rule.IsDeprecated)
                {
                    rules.UnionWith(rule.Replacements.Where(r => Find(r)?.CategoriesIn(version) is not null));
                }
                else if (rule.CategoriesIn(version) is not null)
                {
                    rules.Add(rule.Id);
                }
            }
        }

        return rules;
    }

    private static RuleInfo Rule(string id, string purpose, string[]? v1beta1, string[]? v1, string[]? v2, RuleHandler handler) =>
        new(id, purpose, v1beta1, v1, v2, handler, []);

    /// <summary>A deprecated rule: in v1beta1 and v1, and in v2 too unless <paramref name="v1Only"/> (buf dropped those there).</summary>
    private static RuleInfo Deprecated(string id, string purpose, bool v1Only, params string[] replacements) =>
        new(id, purpose, None, None, v1Only ? null : None, null, replacements);

    private static string[] WithCsr(string[] categories) => [Csr, .. categories];
}
