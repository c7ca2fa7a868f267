// This file is compiled into ProtoGen.Runtime, ProtoGen.Runtime.ClientFactory and ProtoGen.Generators (linked),
// so a gRPC service config is read by exactly the same rules at build time and at run time. netstandard2.0 has no
// JSON reader of its own, and a generator must not depend on one: this is a small strict one (RFC 8259) that keeps
// the line and column of every value, for diagnostics at the JSON file's line.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ProtoGen.Runtime;

/// <summary>The kind of a <see cref="JsonNode"/>.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A parsed JSON value and where it starts (1-based line and column).</summary>
internal sealed class JsonNode
{
    private static readonly List<KeyValuePair<string, JsonNode>> NoProperties = new();
    private static readonly List<JsonNode> NoItems = new();

    public JsonNode(JsonKind kind, int line, int column, string? text = null, List<KeyValuePair<string, JsonNode>>? properties = null, List<JsonNode>? items = null)
    {
        Kind = kind;
        Line = line;
        Column = column;
        Text = text;
        Properties = properties ?? NoProperties;
        Items = items ?? NoItems;
    }

    public JsonKind Kind { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The value of a string, or the literal text of a number.</summary>
    public string? Text { get; }

    /// <summary>The members of an object, in document order (names are unique).</summary>
    public List<KeyValuePair<string, JsonNode>> Properties { get; }

    /// <summary>The items of an array.</summary>
    public List<JsonNode> Items { get; }

    public JsonNode? this[string name]
    {
        get
        {
            foreach (KeyValuePair<string, JsonNode> property in Properties)
            {
                if (property.Key == name)
                {
                    return property.Value;
                }
            }

            return null;
        }
    }

    public string Describe() => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Null => "null",
        _ => "a boolean",
    };
}

/// <summary>A JSON syntax error at a 1-based line and column.</summary>
internal sealed class JsonSyntaxException : Exception
{
    public JsonSyntaxException(string message, int line, int column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public JsonSyntaxException()
    {
    }

    public JsonSyntaxException(string message)
        : base(message)
    {
    }

    public JsonSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Line { get; }

    public int Column { get; }
}

/// <summary>Reads one JSON document (a UTF-16 string; a leading BOM is skipped). Duplicate object keys are errors.</summary>
internal sealed class JsonReader
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    private JsonReader(string text)
    {
        _text = text;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            _position = 1;
            _lineStart = 1;
        }
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="JsonSyntaxException"/> at the first error.</summary>
    public static JsonNode Parse(string text)
    {
        var reader = new JsonReader(text ?? throw new ArgumentNullException(nameof(text)));
        reader.SkipWhitespace();
        JsonNode root = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (reader._position < reader._text.Length)
        {
            throw reader.Error("unexpected text after the end of the JSON value");
        }

        return root;
    }

    private int Column => _position - _lineStart + 1;

    private JsonSyntaxException Error(string message) => new(message, _line, Column);

    private JsonNode ReadValue(int depth)
    {
        if (_position >= _text.Length)
        {
            throw Error("unexpected end of the JSON text");
        }

        if (depth > MaxDepth)
        {
            throw Error($"the JSON is nested more than {MaxDepth} levels deep");
        }

        int line = _line;
        int column = Column;
        char c = _text[_position];
        switch (c)
        {
            case '{':
                return ReadObject(depth, line, column);
            case '[':
                return ReadArray(depth, line, column);
            case '"':
                return new JsonNode(JsonKind.String, line, column, ReadString());
            case 't':
                ReadLiteral("true");
                return new JsonNode(JsonKind.True, line, column);
            case 'f':
                ReadLiteral("false");
                return new JsonNode(JsonKind.False, line, column);
            case 'n':
                ReadLiteral("null");
                return new JsonNode(JsonKind.Null, line, column);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return new JsonNode(JsonKind.Number, line, column, ReadNumber());
                }

                throw Error($"unexpected character '{Printable(c)}'");
        }
    }

    private JsonNode ReadObject(int depth, int line, int column)
    {
        _position++;
        var properties = new List<KeyValuePair<string, JsonNode>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return new JsonNode(JsonKind.Object, line, column, properties: properties);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("expected a property name in double quotes");
            }

            int nameLine = _line;
            int nameColumn = Column;
            string name = ReadString();
            if (!names.Add(name))
            {
                throw new JsonSyntaxException($"the property '{name}' appears more than once in the same object", nameLine, nameColumn);
            }

            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            properties.Add(new KeyValuePair<string, JsonNode>(name, ReadValue(depth + 1)));
            SkipWhitespace();
            char next = Peek();
            if (next == ',')
            {
                _position++;
                continue;
            }

            if (next == '}')
            {
                _position++;
                return new JsonNode(JsonKind.Object, line, column, properties: properties);
            }

            throw Error("expected ',' or '}' after a property value");
        }
    }

    private JsonNode ReadArray(int depth, int line, int column)
    {
        _position++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return new JsonNode(JsonKind.Array, line, column, items: items);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            char next = Peek();
            if (next == ',')
            {
                _position++;
                continue;
            }

            if (next == ']')
            {
                _position++;
                return new JsonNode(JsonKind.Array, line, column, items: items);
            }

            throw Error("expected ',' or ']' after an array item");
        }
    }

    private string ReadString()
    {
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("unterminated string");
            }

            char c = _text[_position];
            if (c == '"')
            {
                _position++;
                return builder.ToString();
            }

            if (c < 0x20)
            {
                throw Error("a control character in a string must be escaped");
            }

            if (c != '\\')
            {
                builder.Append(c);
                _position++;
                continue;
            }

            _position++;
            char escape = Peek();
            _position++;
            switch (escape)
            {
                case '"':
                case '\\':
                case '/':
                    builder.Append(escape);
                    break;
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'u':
                    builder.Append(ReadHex4());
                    break;
                default:
                    _position -= 2;
                    throw Error($"invalid escape '\\{Printable(escape)}'");
            }
        }
    }

    private char ReadHex4()
    {
        int code = 0;
        for (int i = 0; i < 4; i++)
        {
            char h = Peek();
            int digit = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
            if (digit < 0)
            {
                throw Error("'\\u' must be followed by four hexadecimal digits");
            }

            code = (code * 16) + digit;
            _position++;
        }

        return (char)code;
    }

    private string ReadNumber()
    {
        int start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (!ReadDigits())
        {
            throw Error("invalid number");
        }

        if (Peek() == '.')
        {
            _position++;
            if (!ReadDigits())
            {
                throw Error("invalid number: digits must follow '.'");
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (!ReadDigits())
            {
                throw Error("invalid number: digits must follow the exponent");
            }
        }

        return _text.Substring(start, _position - start);
    }

    private bool ReadDigits()
    {
        int start = _position;
        while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private void ReadLiteral(string literal)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Error($"unexpected character '{Printable(_text[_position])}'");
        }

        _position += literal.Length;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}'");
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c == '\n')
            {
                _line++;
                _lineStart = _position + 1;
            }
            else if (c != ' ' && c != '\t' && c != '\r')
            {
                return;
            }

            _position++;
        }
    }

    private static string Printable(char c) => c == '\0' ? "end of text" : c < 0x20 ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString();
}
