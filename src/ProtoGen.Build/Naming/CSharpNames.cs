using System;
using System.Collections.Generic;
using System.Text;

namespace ProtoGen.Build.Naming;

/// <summary>
/// C# naming rules shared by the mapping: protoc's PascalCase conversion and C# identifier checks.
/// </summary>
internal static class CSharpNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class",
        "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event",
        "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if",
        "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null",
        "object", "operator", "out", "override", "params", "private", "protected", "public", "readonly",
        "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct",
        "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// Converts one path segment the way protoc's C# generator converts a package
    /// (<c>UnderscoresToCamelCase</c> with the first letter capitalised): ASCII letters and digits are
    /// kept, every other character is dropped and capitalises the next letter, as does a digit.
    /// A result that starts with a digit gets a leading underscore so that it stays an identifier.
    /// </summary>
    /// <returns>The identifier, or an empty string when the segment holds no ASCII letter or digit.</returns>
    public static string PascalCaseSegment(string segment)
    {
        var result = new StringBuilder(segment.Length + 1);
        bool capNext = true;
        foreach (char c in segment)
        {
            if (c is >= 'a' and <= 'z')
            {
                result.Append(capNext ? (char)(c - 'a' + 'A') : c);
                capNext = false;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                result.Append(c);
                capNext = false;
            }
            else if (c is >= '0' and <= '9')
            {
                result.Append(c);
                capNext = true;
            }
            else
            {
                capNext = true;
            }
        }

        if (result.Length > 0 && result[0] is >= '0' and <= '9')
        {
            result.Insert(0, '_');
        }

        return result.ToString();
    }

    /// <summary>True when <paramref name="name"/> is a C# identifier that needs no escaping.</summary>
    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || Keywords.Contains(name))
        {
            return false;
        }

        if (!(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Checks a dotted C# namespace. Returns null when it is valid, otherwise the reason it is not.
    /// </summary>
    public static string? ValidateNamespace(string ns)
    {
        if (ns.Length == 0)
        {
            return "it is empty";
        }

        foreach (string part in ns.Split('.'))
        {
            if (part.Length == 0)
            {
                return "it has an empty part (a leading, trailing or doubled '.')";
            }

            if (Keywords.Contains(part))
            {
                return $"'{part}' is a C# keyword";
            }

            if (!IsIdentifier(part))
            {
                return $"'{part}' is not a C# identifier";
            }
        }

        return null;
    }
}
