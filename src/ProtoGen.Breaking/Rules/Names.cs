using Google.Protobuf.Reflection;
using ProtoGen.Breaking.Model;

namespace ProtoGen.Breaking.Rules;

/// <summary>The proto spellings of descriptor enum values, as findings print them.</summary>
internal static class Names
{
    public static string Of(FeatureSet.Types.JsonFormat value) => value switch
    {
        FeatureSet.Types.JsonFormat.Allow => "ALLOW",
        FeatureSet.Types.JsonFormat.LegacyBestEffort => "LEGACY_BEST_EFFORT",
        _ => "JSON_FORMAT_UNKNOWN",
    };

    public static string Of(FeatureSet.Types.Utf8Validation value) => value switch
    {
        FeatureSet.Types.Utf8Validation.Verify => "VERIFY",
        FeatureSet.Types.Utf8Validation.None => "NONE",
        _ => "UTF8_VALIDATION_UNKNOWN",
    };

    public static string Of(CppStringType value) => value switch
    {
        CppStringType.View => "VIEW",
        CppStringType.Cord => "CORD",
        CppStringType.String => "STRING",
        CppStringType.StringPiece => "STRING_PIECE",
        _ => "STRING_TYPE_UNKNOWN",
    };

    public static string Of(FieldOptions.Types.JSType value) => value switch
    {
        FieldOptions.Types.JSType.JsString => "JS_STRING",
        FieldOptions.Types.JSType.JsNumber => "JS_NUMBER",
        _ => "JS_NORMAL",
    };

    public static string Of(MethodOptions.Types.IdempotencyLevel value) => value switch
    {
        MethodOptions.Types.IdempotencyLevel.NoSideEffects => "NO_SIDE_EFFECTS",
        MethodOptions.Types.IdempotencyLevel.Idempotent => "IDEMPOTENT",
        _ => "IDEMPOTENCY_UNKNOWN",
    };

    public static string Of(Cardinality value) => value switch
    {
        Cardinality.OptionalExplicitPresence => "optional with explicit presence",
        Cardinality.OptionalImplicitPresence => "optional with implicit presence",
        Cardinality.Required => "required",
        Cardinality.Repeated => "repeated",
        _ => "map",
    };

    /// <summary>A field's wire type as findings name it: "int64", "message", "message (delimited encoding)" for a non-proto2 group.</summary>
    public static string Of(ProtoField field)
    {
        FieldDescriptorProto.Types.Type kind = field.Kind;
        if (kind == FieldDescriptorProto.Types.Type.Group && field.File.Edition != Edition.Proto2)
        {
            return "message (delimited encoding)";
        }

        return kind switch
        {
            FieldDescriptorProto.Types.Type.Double => "double",
            FieldDescriptorProto.Types.Type.Float => "float",
            FieldDescriptorProto.Types.Type.Int64 => "int64",
            FieldDescriptorProto.Types.Type.Uint64 => "uint64",
            FieldDescriptorProto.Types.Type.Int32 => "int32",
            FieldDescriptorProto.Types.Type.Fixed64 => "fixed64",
            FieldDescriptorProto.Types.Type.Fixed32 => "fixed32",
            FieldDescriptorProto.Types.Type.Bool => "bool",
            FieldDescriptorProto.Types.Type.String => "string",
            FieldDescriptorProto.Types.Type.Group => "group",
            FieldDescriptorProto.Types.Type.Message => "message",
            FieldDescriptorProto.Types.Type.Bytes => "bytes",
            FieldDescriptorProto.Types.Type.Uint32 => "uint32",
            FieldDescriptorProto.Types.Type.Enum => "enum",
            FieldDescriptorProto.Types.Type.Sfixed32 => "sfixed32",
            FieldDescriptorProto.Types.Type.Sfixed64 => "sfixed64",
            FieldDescriptorProto.Types.Type.Sint32 => "sint32",
            FieldDescriptorProto.Types.Type.Sint64 => "sint64",
            _ => "unknown",
        };
    }
}
