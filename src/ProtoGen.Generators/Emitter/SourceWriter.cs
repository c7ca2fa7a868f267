using System;
using System.Text;

namespace ProtoGen.Generators.Emitter;

/// <summary>A small indenting text writer for generated C# (LF line ends, four-space indents).</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void Indent() => _indent++;

    public void Unindent()
    {
        if (_indent == 0)
        {
            throw new InvalidOperationException("Unbalanced indentation.");
        }

        _indent--;
    }

    public void OpenBlock()
    {
        WriteLine("{");
        Indent();
    }

    public void CloseBlock(string suffix = "")
    {
        Unindent();
        WriteLine("}" + suffix);
    }

    public void WriteLine() => _builder.Append('\n');

    public void WriteLine(string line)
    {
        if (line.Length == 0)
        {
            WriteLine();
            return;
        }

        _builder.Append(' ', _indent * 4).Append(line).Append('\n');
    }

    /// <summary>Writes each line of <paramref name="text"/> (a raw string) at the current indentation.</summary>
    public void WriteLines(string text)
    {
        foreach (string line in text.Replace("\r\n", "\n").Split('\n'))
        {
            WriteLine(line);
        }
    }

    public override string ToString() => _builder.ToString();
}
