using System;
using System.Collections.Generic;
using System.Text;

namespace ProtoGen.Build.Proto;

/// <summary>
/// A forgiving scanner of a proto file's top-level statements (package, imports, services and
/// <c>option csharp_namespace</c>). It never fails: text it cannot read is skipped, and protoc reports it.
/// </summary>
internal sealed class ProtoScanner
{
    private enum Kind
    {
        Identifier,
        String,
        Symbol,
        End,
    }

    private readonly record struct Token(Kind Kind, string Text, TextSpan Span);

    private readonly string _text;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private ProtoScanner(string text) => _text = text;

    /// <summary>Scans <paramref name="text"/>, the whole content of a proto file.</summary>
    public static ProtoFileInfo Scan(string text) => new ProtoScanner(text).Run();

    private ProtoFileInfo Run()
    {
        string? package = null;
        var imports = new List<ProtoImport>();
        var services = new List<ProtoService>();
        CSharpNamespaceOption? csharpNamespace = null;
        int depth = 0;
        var statement = new List<Token>();

        for (Token token = Next(); token.Kind != Kind.End; token = Next())
        {
            if (token.Kind == Kind.Symbol && token.Text == "{")
            {
                if (depth == 0 && statement.Count == 2 && IsWord(statement[0], "service") && statement[1].Kind == Kind.Identifier)
                {
                    services.Add(new ProtoService(statement[1].Text, statement[1].Span));
                }

                depth++;
                statement.Clear();
                continue;
            }

            if (token.Kind == Kind.Symbol && token.Text == "}")
            {
                depth = Math.Max(0, depth - 1);
                statement.Clear();
                continue;
            }

            if (depth > 0)
            {
                continue;
            }

            if (token.Kind == Kind.Symbol && token.Text == ";")
            {
                package ??= ReadPackage(statement);
                if (ReadImport(statement) is { } import)
                {
                    imports.Add(import);
                }

                csharpNamespace ??= ReadCSharpNamespace(statement);
                statement.Clear();
                continue;
            }

            statement.Add(token);
        }

        return new ProtoFileInfo(package, imports, services, csharpNamespace);
    }

    private static string? ReadPackage(List<Token> s) =>
        s.Count == 2 && IsWord(s[0], "package") && s[1].Kind == Kind.Identifier ? s[1].Text : null;

    private static ProtoImport? ReadImport(List<Token> s)
    {
        if (s.Count < 2 || !IsWord(s[0], "import"))
        {
            return null;
        }

        int i = s.Count == 3 && (IsWord(s[1], "public") || IsWord(s[1], "weak")) ? 2 : 1;
        return i == s.Count - 1 && s[i].Kind == Kind.String ? new ProtoImport(s[i].Text, s[i].Span) : null;
    }

    private static CSharpNamespaceOption? ReadCSharpNamespace(List<Token> s)
    {
        if (s.Count < 4 || !IsWord(s[0], "option") || !IsWord(s[1], "csharp_namespace") || s[2].Text != "=")
        {
            return null;
        }

        var value = new StringBuilder();
        var literals = new List<TextSpan>();
        for (int i = 3; i < s.Count; i++)
        {
            if (s[i].Kind != Kind.String)
            {
                return null;
            }

            value.Append(s[i].Text);
            literals.Add(s[i].Span);
        }

        return new CSharpNamespaceOption(value.ToString(), literals);
    }

    private static bool IsWord(Token token, string word) =>
        token.Kind == Kind.Identifier && string.Equals(token.Text, word, StringComparison.Ordinal);

    private Token Next()
    {
        SkipTrivia();
        if (_pos >= _text.Length)
        {
            return new Token(Kind.End, string.Empty, Here(0));
        }

        char c = _text[_pos];
        int start = _pos;
        int line = _line;
        int column = _pos - _lineStart + 1;
        if (char.IsLetter(c) || c == '_')
        {
            while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '.'))
            {
                _pos++;
            }

            return new Token(Kind.Identifier, _text.Substring(start, _pos - start), new TextSpan(start, _pos - start, line, column));
        }

        if (c is '"' or '\'')
        {
            string value = ReadString(c);
            return new Token(Kind.String, value, new TextSpan(start, _pos - start, line, column));
        }

        _pos++;
        return new Token(Kind.Symbol, c.ToString(), new TextSpan(start, 1, line, column));
    }

    private string ReadString(char quote)
    {
        var value = new StringBuilder();
        _pos++;
        while (_pos < _text.Length && _text[_pos] != quote && _text[_pos] != '\n')
        {
            if (_text[_pos] == '\\' && _pos + 1 < _text.Length)
            {
                _pos++;
            }

            value.Append(_text[_pos]);
            _pos++;
        }

        if (_pos < _text.Length && _text[_pos] == quote)
        {
            _pos++;
        }

        return value.ToString();
    }

    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '\n')
            {
                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (char.IsWhiteSpace(c))
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
            {
                _pos += 2;
                while (_pos < _text.Length && !(_text[_pos] == '*' && _pos + 1 < _text.Length && _text[_pos + 1] == '/'))
                {
                    if (_text[_pos] == '\n')
                    {
                        _line++;
                        _lineStart = _pos + 1;
                    }

                    _pos++;
                }

                _pos = Math.Min(_text.Length, _pos + 2);
            }
            else
            {
                return;
            }
        }
    }

    private TextSpan Here(int length) => new(_pos, length, _line, _pos - _lineStart + 1);
}
