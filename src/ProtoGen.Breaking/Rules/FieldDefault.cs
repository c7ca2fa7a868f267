using System;
using System.Globalization;
using System.Linq;
using ProtoGen.Breaking.Model;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace ProtoGen.Breaking.Rules;

/// <summary>
/// A scalar field's default: its <c>default_value</c>, or the zero of its type (an enum's first value) when it has
/// none. Strings and bytes compare as text; numbers, bools and enums compare as numbers, so a default survives a
/// change between numeric types (FIELD_SAME_TYPE reports the type change itself).
/// </summary>
internal sealed class FieldDefault
{
    private FieldDefault(string? text, double? number, decimal? exact, bool isZero, string printable, bool isSingle = false)
    {
        IsSingle = isSingle;
        Text = text;
        Number = number;
        Exact = exact;
        IsZero = isZero;
        Printable = printable;
    }

    /// <summary>The value of a string or bytes default (escaped as protoc writes it).</summary>
    public string? Text { get; }

    /// <summary>The value of a numeric, bool or enum default; NaN for "nan".</summary>
    public double? Number { get; }

    /// <summary>The value of an integral default, exactly.</summary>
    public decimal? Exact { get; }

    public bool IsZero { get; }

    /// <summary>True for a float default, which compares with a double at float precision.</summary>
    public bool IsSingle { get; }

    public string Printable { get; }

    public static FieldDefault Of(ProtoField field, ProtoWorkspace workspace)
    {
        string value = field.Proto.HasDefaultValue ? field.Proto.DefaultValue : string.Empty;
        switch (field.Kind)
        {
            case FieldType.String:
                return new FieldDefault(value, null, null, value.Length == 0, "\"" + value + "\"");
            case FieldType.Bytes:
                return new FieldDefault(value, null, null, value.Length == 0, "[" + value + "]");
            case FieldType.Bool:
                bool flag = string.Equals(value, "true", StringComparison.Ordinal);
                return new FieldDefault(null, flag ? 1 : 0, flag ? 1 : 0, !flag, flag ? "true" : "false");
            case FieldType.Enum:
                ProtoEnum? type = field.EnumType ?? workspace.FindEnum(field.TypeName);
                ProtoEnumValue? chosen = type is null ? null
                    : value.Length > 0 ? type.Values.FirstOrDefault(v => string.Equals(v.Name, value, StringComparison.Ordinal))
                    : type.Values.FirstOrDefault();
                int number = chosen?.Number ?? 0;
                string printable = type is null ? value : type.Name + "." + (chosen?.Name ?? number.ToString(CultureInfo.InvariantCulture));
                return new FieldDefault(null, number, number, number == 0, printable);
            case FieldType.Float:
            case FieldType.Double:
                double real = ParseReal(value);
                if (field.Kind == FieldType.Float)
                {
                    real = (float)real;
                }

                return new FieldDefault(null, real, null, real == 0 && !double.IsNaN(real), value.Length == 0 ? "0" : value, field.Kind == FieldType.Float);
            default:
                decimal integer = value.Length == 0 ? 0 : decimal.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                return new FieldDefault(null, (double)integer, integer, integer == 0, value.Length == 0 ? "0" : value);
        }
    }

    /// <summary>True when both defaults hold the same value.</summary>
    public bool SameAs(FieldDefault other)
    {
        if (Text is not null || other.Text is not null)
        {
            return string.Equals(Text, other.Text, StringComparison.Ordinal);
        }

        if (Exact is { } a && other.Exact is { } b)
        {
            return a == b;
        }

        double x = Number ?? 0;
        double y = other.Number ?? 0;
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return double.IsNaN(x) && double.IsNaN(y);
        }

        // A float against a double compares at float precision: the double need not hold the float's value exactly.
        return IsSingle || other.IsSingle ? (float)x == (float)y : x == y;
    }

    private static double ParseReal(string value) => value switch
    {
        "" => 0,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" or "-nan" => double.NaN,
        _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
