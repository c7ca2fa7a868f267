using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ProtoGen.Breaking.Model;

/// <summary>
/// The features in force for an element: its edition's defaults, overridden by the <c>features</c> options of the
/// file, the enclosing messages (and oneof) and the element itself, in that order. proto2 and proto3 files have the
/// defaults of their syntax. Also resolves the two language features the rules read, <c>(pb.cpp).string_type</c>
/// and <c>(pb.java).utf8_validation</c>, which reach the C# runtime as unknown fields of <c>FeatureSet</c>.
/// </summary>
internal readonly record struct ResolvedFeatures(
    FeatureSet.Types.FieldPresence FieldPresence,
    FeatureSet.Types.EnumType EnumType,
    FeatureSet.Types.Utf8Validation Utf8Validation,
    FeatureSet.Types.MessageEncoding MessageEncoding,
    FeatureSet.Types.JsonFormat JsonFormat,
    CppStringType CppStringType,
    JavaUtf8Validation JavaUtf8Validation)
{
    /// <summary>The defaults of an edition (<see cref="Edition.Proto2"/> and <see cref="Edition.Proto3"/> for the two syntaxes).</summary>
    public static ResolvedFeatures ForEdition(Edition edition) => edition switch
    {
        Edition.Proto2 => new(
            FeatureSet.Types.FieldPresence.Explicit, FeatureSet.Types.EnumType.Closed, FeatureSet.Types.Utf8Validation.None,
            FeatureSet.Types.MessageEncoding.LengthPrefixed, FeatureSet.Types.JsonFormat.LegacyBestEffort, CppStringType.String, JavaUtf8Validation.Default),
        Edition.Proto3 => new(
            FeatureSet.Types.FieldPresence.Implicit, FeatureSet.Types.EnumType.Open, FeatureSet.Types.Utf8Validation.Verify,
            FeatureSet.Types.MessageEncoding.LengthPrefixed, FeatureSet.Types.JsonFormat.Allow, CppStringType.String, JavaUtf8Validation.Default),
        _ => new(
            FeatureSet.Types.FieldPresence.Explicit, FeatureSet.Types.EnumType.Open, FeatureSet.Types.Utf8Validation.Verify,
            FeatureSet.Types.MessageEncoding.LengthPrefixed, FeatureSet.Types.JsonFormat.Allow,
            edition >= Edition._2024 ? CppStringType.View : CppStringType.String, JavaUtf8Validation.Default),
    };

    /// <summary>These features with the values <paramref name="features"/> sets laid over them.</summary>
    public ResolvedFeatures With(FeatureSet? features)
    {
        if (features is null)
        {
            return this;
        }

        ResolvedFeatures result = this;
        if (features.HasFieldPresence && features.FieldPresence != FeatureSet.Types.FieldPresence.Unknown)
        {
            result = result with { FieldPresence = features.FieldPresence };
        }

        if (features.HasEnumType && features.EnumType != FeatureSet.Types.EnumType.Unknown)
        {
            result = result with { EnumType = features.EnumType };
        }

        if (features.HasUtf8Validation && features.Utf8Validation != FeatureSet.Types.Utf8Validation.Unknown)
        {
            result = result with { Utf8Validation = features.Utf8Validation };
        }

        if (features.HasMessageEncoding && features.MessageEncoding != FeatureSet.Types.MessageEncoding.Unknown)
        {
            result = result with { MessageEncoding = features.MessageEncoding };
        }

        if (features.HasJsonFormat && features.JsonFormat != FeatureSet.Types.JsonFormat.Unknown)
        {
            result = result with { JsonFormat = features.JsonFormat };
        }

        (int? cpp, int? java) = LanguageFeatures(features);
        if (cpp is { } stringType && stringType != 0)
        {
            result = result with { CppStringType = (CppStringType)stringType };
        }

        if (java is { } utf8 && utf8 != 0)
        {
            result = result with { JavaUtf8Validation = (JavaUtf8Validation)utf8 };
        }

        return result;
    }

    /// <summary>Field 2 of the <c>pb.cpp</c> (1000) and <c>pb.java</c> (1001) extensions, when set.</summary>
    private static (int? Cpp, int? Java) LanguageFeatures(FeatureSet features)
    {
        // Without the extensions registered, the runtime keeps them as unknown fields: read them from the bytes.
        byte[] bytes = features.ToByteArray();
        if (bytes.Length == 0)
        {
            return (null, null);
        }

        int? cpp = null;
        int? java = null;
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            int field = WireFormat.GetTagFieldNumber(tag);
            if ((field == SourcePaths.FeatureCpp || field == SourcePaths.FeatureJava) && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                int? value = ReadField2(input.ReadBytes());
                if (field == SourcePaths.FeatureCpp)
                {
                    cpp = value ?? cpp;
                }
                else
                {
                    java = value ?? java;
                }
            }
            else
            {
                input.SkipLastField();
            }
        }

        return (cpp, java);
    }

    private static int? ReadField2(ByteString message)
    {
        int? value = null;
        var input = new CodedInputStream(message.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 2 && WireFormat.GetTagWireType(tag) == WireFormat.WireType.Varint)
            {
                value = input.ReadInt32();
            }
            else
            {
                input.SkipLastField();
            }
        }

        return value;
    }
}

/// <summary>Values of <c>pb.CppFeatures.StringType</c>, plus the legacy <c>ctype = STRING_PIECE</c>.</summary>
internal enum CppStringType
{
    Unknown = 0,
    View = 1,
    Cord = 2,
    String = 3,
    StringPiece = 100,
}

/// <summary>Values of <c>pb.JavaFeatures.Utf8Validation</c>.</summary>
internal enum JavaUtf8Validation
{
    Unknown = 0,
    Default = 1,
    Verify = 2,
}
