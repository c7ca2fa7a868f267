using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Google.Protobuf.Reflection;
using ProtoGen.Breaking.Engine;
using ProtoGen.Breaking.Model;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace ProtoGen.Breaking.Rules;

/// <summary>Rules about fields (and extensions), paired by number within paired messages.</summary>
internal static class FieldRules
{
    private const string WireDocs = "See https://protobuf.dev/programming-guides/proto3/#updating for wire compatibility rules.";
    private const string WireJsonDocs = "See https://protobuf.dev/programming-guides/proto3/#updating for wire compatibility rules and https://protobuf.dev/programming-guides/proto3/#json for JSON compatibility rules.";

    /// <summary>Groups of types that share a binary encoding (https://protobuf.dev/programming-guides/proto3/#updating).</summary>
    private static readonly Dictionary<FieldType, int> WireGroups = new()
    {
        [FieldType.Int32] = 1, [FieldType.Int64] = 1, [FieldType.Uint32] = 1, [FieldType.Uint64] = 1, [FieldType.Bool] = 1,
        [FieldType.Sint32] = 2, [FieldType.Sint64] = 2,
        [FieldType.String] = 3, [FieldType.Bytes] = 4,
        [FieldType.Fixed32] = 5, [FieldType.Sfixed32] = 5,
        [FieldType.Fixed64] = 6, [FieldType.Sfixed64] = 6,
        [FieldType.Double] = 7, [FieldType.Float] = 8,
        [FieldType.Group] = 9, [FieldType.Message] = 10, [FieldType.Enum] = 11,
    };

    /// <summary>Groups of types that share both the binary and the JSON encoding.</summary>
    private static readonly Dictionary<FieldType, int> WireJsonGroups = new()
    {
        [FieldType.Int32] = 1, [FieldType.Uint32] = 1,
        [FieldType.Int64] = 2, [FieldType.Uint64] = 2,
        [FieldType.Fixed32] = 3, [FieldType.Sfixed32] = 3,
        [FieldType.Fixed64] = 4, [FieldType.Sfixed64] = 4,
        [FieldType.Bool] = 5, [FieldType.Sint32] = 6, [FieldType.Sint64] = 7,
        [FieldType.String] = 8, [FieldType.Bytes] = 9, [FieldType.Double] = 10, [FieldType.Float] = 11,
        [FieldType.Group] = 12, [FieldType.Message] = 13, [FieldType.Enum] = 14,
    };

    /// <summary>FIELD_NO_DELETE.</summary>
    public static void NoDelete(CheckContext context, string ruleId) => NoDelete(context, ruleId, numberReserved: false, nameReserved: false);

    /// <summary>FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED.</summary>
    public static void NoDeleteUnlessNumberReserved(CheckContext context, string ruleId) => NoDelete(context, ruleId, numberReserved: true, nameReserved: false);

    /// <summary>FIELD_NO_DELETE_UNLESS_NAME_RESERVED.</summary>
    public static void NoDeleteUnlessNameReserved(CheckContext context, string ruleId) => NoDelete(context, ruleId, numberReserved: false, nameReserved: true);

    /// <summary>FIELD_SAME_CARDINALITY.</summary>
    public static void SameCardinality(CheckContext context, string ruleId) => CompareCardinality(context, ruleId, c => (int)c);

    /// <summary>FIELD_WIRE_COMPATIBLE_CARDINALITY: optional (either presence) | required | repeated or map.</summary>
    public static void WireCompatibleCardinality(CheckContext context, string ruleId) => CompareCardinality(context, ruleId, c => c switch
    {
        Cardinality.OptionalExplicitPresence or Cardinality.OptionalImplicitPresence => 1,
        Cardinality.Required => 2,
        _ => 3,
    });

    /// <summary>FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY: as the wire, but a map and a repeated field differ in JSON.</summary>
    public static void WireJsonCompatibleCardinality(CheckContext context, string ruleId) => CompareCardinality(context, ruleId, c => c switch
    {
        Cardinality.OptionalExplicitPresence or Cardinality.OptionalImplicitPresence => 1,
        Cardinality.Required => 2,
        Cardinality.Repeated => 3,
        _ => 4,
    });

    /// <summary>FIELD_SAME_TYPE: the wire type, or the referenced message, enum or group, changed.</summary>
    public static void SameType(CheckContext context, string ruleId)
    {
        foreach ((ProtoField previous, ProtoField current) in context.FieldPairs)
        {
            if (previous.Kind != current.Kind)
            {
                ReportChangedType(context, ruleId, previous, current, string.Empty);
            }
            else if (current.Kind is FieldType.Enum or FieldType.Group or FieldType.Message && !string.Equals(previous.TypeName, current.TypeName, StringComparison.Ordinal))
            {
                ReportChangedTypeName(context, ruleId, previous, current);
            }
        }
    }

    /// <summary>FIELD_WIRE_COMPATIBLE_TYPE: the new type reads the old bytes (string may become bytes, not the reverse).</summary>
    public static void WireCompatibleType(CheckContext context, string ruleId)
    {
        foreach ((ProtoField previous, ProtoField current) in context.FieldPairs)
        {
            if (WireGroups[previous.Kind] != WireGroups[current.Kind])
            {
                if (previous.Kind == FieldType.String && current.Kind == FieldType.Bytes)
                {
                    continue;
                }

                string extra = " " + WireDocs;
                if (previous.Kind == FieldType.Bytes && current.Kind == FieldType.String)
                {
                    extra += " Note that while string and bytes are compatible if the data is valid UTF-8, nothing enforces that a bytes field holds UTF-8, so these fields may be incompatible.";
                }

                ReportChangedType(context, ruleId, previous, current, extra);
            }
            else
            {
                CompareReferencedType(context, ruleId, previous, current);
            }
        }
    }

    /// <summary>FIELD_WIRE_JSON_COMPATIBLE_TYPE: the new type reads the old bytes and the old JSON.</summary>
    public static void WireJsonCompatibleType(CheckContext context, string ruleId)
    {
        foreach ((ProtoField previous, ProtoField current) in context.FieldPairs)
        {
            if (WireJsonGroups[previous.Kind] != WireJsonGroups[current.Kind])
            {
                ReportChangedType(context, ruleId, previous, current, " " + WireJsonDocs);
            }
            else
            {
                CompareReferencedType(context, ruleId, previous, current);
            }
        }
    }

    /// <summary>FIELD_SAME_CPP_STRING_TYPE: <c>ctype</c> or <c>(pb.cpp).string_type</c> of a string or bytes field (STRING_PIECE may become STRING).</summary>
    public static void SameCppStringType(CheckContext context, string ruleId)
    {
        foreach ((ProtoField previous, ProtoField current) in context.FieldPairs)
        {
            if (BothMapEntries(previous, current) || !IsStringOrBytes(previous) || !IsStringOrBytes(current))
            {
                continue;
            }

            CppStringType before = CppStringTypeOf(previous);
            CppStringType after = CppStringTypeOf(current);
            if (before != after && !(before == CppStringType.StringPiece && after == CppStringType.String))
            {
                context.Report(ruleId, Subject(current), $"{current.Description()} changed C++ string type from \"{Names.Of(before)}\" to \"{Names.Of(after)}\".",
                    current.File, previous.File, current.Options.HasCtype ? OptionPath(current, SourcePaths.FieldOptionCType) : null,
                    OptionPath(current, SourcePaths.FieldOptionFeatures, SourcePaths.FeatureCpp, 2), CheckContext.PathOf(current));
            }
        }
    }

    /// <summary>FIELD_SAME_JAVA_UTF8_VALIDATION: <c>java_string_check_utf8</c> or <c>(pb.java).utf8_validation</c> of a string field.</summary>
    public static void SameJavaUtf8Validation(CheckContext context, string ruleId)
    {
        foreach ((ProtoField previous, ProtoField current) in context.FieldPairs)
        {
            if (previous.Kind != FieldType.String || current.Kind != FieldType.String)
            {
                continue;
            }

            FeatureSet.Types.Utf8Validation before = JavaUtf8ValidationOf(previous);
            FeatureSet.Types.Utf8Validation after = JavaUtf8ValidationOf(current);
            if (before != after)
            {
                context.Report(ruleId, Subject(current), $"{current.Description()} changed Java string UTF8 validation from \"{Names.Of(before)}\" to \"{Names.Of(after)}\".",
                    current.File, previous.File,
                    current.File.Options.HasJavaStringCheckUtf8 ? [SourcePaths.FileOptions, SourcePaths.FileOptionJavaStringCheckUtf8] : null,
                    OptionPath(current, SourcePaths.FieldOptionFeatures, SourcePaths.FeatureJava, 2), CheckContext.PathOf(current));
            }
        }
    }

    /// <summary>FIELD_SAME_JSTYPE: <c>jstype</c> of a 64-bit integer field.</summary>
    public static void SameJsType(CheckContext context, string ruleId)
    {
        foreach ((ProtoField previous, ProtoField current) in context.FieldPairs)
        {
            if (!Is64BitInteger(previous.Type) || !Is64BitInteger(current.Type) || previous.Options.Jstype == current.Options.Jstype)
            {
                continue;
            }

            context.Report(ruleId, Subject(current), $"{current.Description()} changed option \"jstype\" from \"{Names.Of(previous.Options.Jstype)}\" to \"{Names.Of(current.Options.Jstype)}\".",
                current.File, previous.File, OptionPath(current, SourcePaths.FieldOptionJsType), CheckContext.PathOf(current));
        }
    }

    /// <summary>FIELD_SAME_UTF8_VALIDATION: resolved <c>utf8_validation</c> of a string field.</summary>
    public static void SameUtf8Validation(CheckContext context, string ruleId)
    {
        foreach ((ProtoField previous, ProtoField current) in context.FieldPairs)
        {
            if (previous.Kind != FieldType.String || current.Kind != FieldType.String || previous.Features.Utf8Validation == current.Features.Utf8Validation)
            {
                continue;
            }

            context.Report(ruleId, Subject(current), $"{current.Description()} changed UTF8 validation from {Names.Of(previous.Features.Utf8Validation)} to {Names.Of(current.Features.Utf8Validation)}.",
                current.File, previous.File, OptionPath(current, SourcePaths.FieldOptionFeatures, SourcePaths.FeatureUtf8Validation), CheckContext.PathOf(current));
        }
    }

    /// <summary>FIELD_SAME_JSON_NAME (not for extensions, whose JSON name is fixed).</summary>
    public static void SameJsonName(CheckContext context, string ruleId)
    {
        foreach ((ProtoField previous, ProtoField current) in context.FieldPairs)
        {
            if (previous.IsExtension || string.Equals(previous.Proto.JsonName, current.Proto.JsonName, StringComparison.Ordinal))
            {
                continue;
            }

            context.Report(ruleId, Subject(current), $"{current.Description()} changed option \"json_name\" from \"{previous.Proto.JsonName}\" to \"{current.Proto.JsonName}\".",
                current.File, previous.File, SourcePaths.Append(current.Path, SourcePaths.FieldJsonName), CheckContext.PathOf(current));
        }
    }

    /// <summary>FIELD_SAME_NAME (an extension by its full name).</summary>
    public static void SameName(CheckContext context, string ruleId)
    {
        foreach ((ProtoField previous, ProtoField current) in context.FieldPairs)
        {
            string before = previous.IsExtension ? previous.FullName : previous.Name;
            string after = current.IsExtension ? current.FullName : current.Name;
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                context.Report(ruleId, Subject(current), $"{current.Description(withName: false)} changed name from \"{before}\" to \"{after}\".",
                    current.File, previous.File, SourcePaths.Append(current.Path, SourcePaths.FieldName), CheckContext.PathOf(current));
            }
        }
    }

    /// <summary>FIELD_SAME_ONEOF: a field moved into, out of or between oneofs (synthetic oneofs count as none).</summary>
    public static void SameOneof(CheckContext context, string ruleId)
    {
        foreach ((ProtoField previous, ProtoField current) in context.FieldPairs)
        {
            if (previous.IsExtension)
            {
                continue;
            }

            ProtoOneof? before = previous.Oneof is { IsSynthetic: false } p ? p : null;
            ProtoOneof? after = current.Oneof is { IsSynthetic: false } c ? c : null;
            if (before is null && after is null)
            {
                continue;
            }

            if (before is not null && after is not null)
            {
                if (!string.Equals(before.Name, after.Name, StringComparison.Ordinal))
                {
                    context.Report(ruleId, Subject(current), $"{current.Description()} moved from oneof \"{before.Name}\" to oneof \"{after.Name}\".",
                        current.File, previous.File, CheckContext.PathOf(current));
                }

                continue;
            }

            string move = before is null ? "from outside to inside" : "from inside to outside";
            context.Report(ruleId, Subject(current), $"{current.Description()} moved {move} a oneof.", current.File, previous.File, CheckContext.PathOf(current));
        }
    }

    /// <summary>FIELD_SAME_DEFAULT: the default value of a scalar field changed (two unset defaults are never compared).</summary>
    public static void SameDefault(CheckContext context, string ruleId)
    {
        foreach ((ProtoField previous, ProtoField current) in context.FieldPairs)
        {
            if (!CanHaveDefault(previous) || !CanHaveDefault(current))
            {
                continue;
            }

            FieldDefault before = FieldDefault.Of(previous, context.Previous);
            FieldDefault after = FieldDefault.Of(current, context.Current);
            if ((before.IsZero && after.IsZero) || before.SameAs(after))
            {
                continue;
            }

            context.Report(ruleId, Subject(current), $"{current.Description()} changed default value from {before.Printable} to {after.Printable}.",
                current.File, previous.File, SourcePaths.Append(current.Path, SourcePaths.FieldDefault), CheckContext.PathOf(current));
        }
    }

    /// <summary>The subject of a field finding: the message (or extendee) and the number, which pair fields.</summary>
    public static string Subject(ProtoField field) =>
        (field.IsExtension ? "extend " + field.Extendee : field.Message?.FullName ?? string.Empty) + "#" + field.Number.ToString(CultureInfo.InvariantCulture);

    private static void NoDelete(CheckContext context, string ruleId, bool numberReserved, bool nameReserved)
    {
        foreach ((ProtoMessage previousMessage, ProtoMessage message) in context.MessagePairs)
        {
            Dictionary<int, ProtoField> after = CheckContext.ByNumber(message.Fields);
            foreach (ProtoField field in previousMessage.Fields)
            {
                if (after.ContainsKey(field.Number))
                {
                    continue;
                }

                string suffix = string.Empty;
                if (numberReserved)
                {
                    if (message.Proto.ReservedRange.Any(r => r.Start <= field.Number && field.Number < r.End))
                    {
                        continue;
                    }

                    suffix = $" without reserving the number \"{field.Number}\"";
                }
                else if (nameReserved)
                {
                    if (message.Proto.ReservedName.Contains(field.Name))
                    {
                        continue;
                    }

                    suffix = $" without reserving the name \"{field.Name}\"";
                }

                string description = field.Description();
                description = char.ToLowerInvariant(description[0]) + description.Substring(1);
                context.Report(ruleId, Subject(field), $"Previously present {description} was deleted{suffix}.", message.File, previousMessage.File, CheckContext.PathOf(message));
            }
        }
    }

    private static void CompareCardinality(CheckContext context, string ruleId, Func<Cardinality, int> group)
    {
        foreach ((ProtoField previous, ProtoField current) in context.FieldPairs)
        {
            if (BothMapEntries(previous, current))
            {
                continue;
            }

            Cardinality before = previous.Cardinality;
            Cardinality after = current.Cardinality;
            if (group(before) != group(after))
            {
                context.Report(ruleId, Subject(current), $"{current.Description()} changed cardinality from \"{Names.Of(before)}\" to \"{Names.Of(after)}\".",
                    current.File, previous.File, CheckContext.PathOf(current));
            }
        }
    }

    /// <summary>Same encoding group: a changed message or group is another type; a changed enum is too unless it keeps its name and every old value.</summary>
    private static void CompareReferencedType(CheckContext context, string ruleId, ProtoField previous, ProtoField current)
    {
        if (string.Equals(previous.TypeName, current.TypeName, StringComparison.Ordinal))
        {
            return;
        }

        if (current.Kind == FieldType.Enum)
        {
            ProtoEnum? before = context.Previous.FindEnum(previous.TypeName);
            ProtoEnum? after = context.Current.FindEnum(current.TypeName);
            if (before is not null && after is not null && string.Equals(before.Name, after.Name, StringComparison.Ordinal) && EnumRules.IsSubset(before, after))
            {
                return;
            }

            ReportChangedTypeName(context, ruleId, previous, current);
        }
        else if (current.Kind is FieldType.Message or FieldType.Group)
        {
            ReportChangedTypeName(context, ruleId, previous, current);
        }
    }

    private static void ReportChangedType(CheckContext context, string ruleId, ProtoField previous, ProtoField current, string extra) =>
        context.Report(ruleId, Subject(current), $"{current.Description()} changed type from \"{Names.Of(previous)}\" to \"{Names.Of(current)}\".{extra}",
            current.File, previous.File, TypePath(current), CheckContext.PathOf(current));

    private static void ReportChangedTypeName(CheckContext context, string ruleId, ProtoField previous, ProtoField current) =>
        context.Report(ruleId, Subject(current), $"{current.Description()} changed type from \"{previous.TypeName}\" to \"{current.TypeName}\".",
            current.File, previous.File, SourcePaths.Append(current.Path, SourcePaths.FieldTypeName), CheckContext.PathOf(current));

    private static int[] TypePath(ProtoField field) =>
        SourcePaths.Append(field.Path, field.Kind is FieldType.Message or FieldType.Enum or FieldType.Group ? SourcePaths.FieldTypeName : SourcePaths.FieldType);

    private static int[] OptionPath(ProtoField field, params int[] option) =>
        SourcePaths.Append(SourcePaths.Append(field.Path, SourcePaths.FieldOptions), option);

    private static bool BothMapEntries(ProtoField previous, ProtoField current) =>
        previous.Message is { IsMapEntry: true } && current.Message is { IsMapEntry: true };

    private static bool IsStringOrBytes(ProtoField field) => field.Kind is FieldType.String or FieldType.Bytes;

    private static bool Is64BitInteger(FieldType type) => type is FieldType.Int64 or FieldType.Sint64 or FieldType.Uint64 or FieldType.Fixed64 or FieldType.Sfixed64;

    private static bool CanHaveDefault(ProtoField field) => !field.IsRepeated && field.Kind is not (FieldType.Message or FieldType.Group);

    /// <summary>The C++ string type: an explicit <c>ctype</c> before edition 2024, else the resolved <c>(pb.cpp).string_type</c>.</summary>
    private static CppStringType CppStringTypeOf(ProtoField field)
    {
        if (field.File.Edition < Edition._2024 && field.Options.HasCtype)
        {
            switch (field.Options.Ctype)
            {
                case FieldOptions.Types.CType.Cord:
                    return CppStringType.Cord;
                case FieldOptions.Types.CType.StringPiece:
                    return CppStringType.StringPiece;
                default:
                    if (field.File.Edition is Edition.Proto2 or Edition.Proto3)
                    {
                        return CppStringType.String;
                    }

                    break;
            }
        }

        return field.Features.CppStringType;
    }

    /// <summary>Java's UTF-8 check: <c>java_string_check_utf8</c> outside editions (or when set), else <c>(pb.java).utf8_validation</c>.</summary>
    private static FeatureSet.Types.Utf8Validation JavaUtf8ValidationOf(ProtoField field)
    {
        FeatureSet.Types.Utf8Validation standard = field.Features.Utf8Validation;
        FileOptions options = field.File.Options;
        if (field.File.Edition is Edition.Proto2 or Edition.Proto3 || options.HasJavaStringCheckUtf8)
        {
            return options.JavaStringCheckUtf8 ? FeatureSet.Types.Utf8Validation.Verify : standard;
        }

        return field.Features.JavaUtf8Validation == JavaUtf8Validation.Verify ? FeatureSet.Types.Utf8Validation.Verify : standard;
    }
}
