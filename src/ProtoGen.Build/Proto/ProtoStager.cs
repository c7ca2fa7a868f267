using System;
using System.Text;
using ProtoGen.Build.Mapping;

namespace ProtoGen.Build.Proto;

/// <summary>
/// Writes the text of a staged proto: the original, line for line, with at most the namespace option
/// changed in place or added after the last line, so every protoc position still points at the original.
/// </summary>
internal static class ProtoStager
{
    /// <summary>The staged text of <paramref name="original"/> under <paramref name="decision"/>.</summary>
    public static string Stage(string original, ProtoFileInfo info, NamespaceDecision decision)
    {
        if (decision.Namespace is null)
        {
            return original;
        }

        string literal = "\"" + decision.Namespace + "\"";
        if (info.CSharpNamespace is { } own)
        {
            if (!decision.OverrideOwnOption || string.Equals(own.Value, decision.Namespace, StringComparison.Ordinal))
            {
                return original;
            }

            var text = new StringBuilder(original.Length + literal.Length);
            int copied = 0;
            for (int i = 0; i < own.Literals.Count; i++)
            {
                TextSpan span = own.Literals[i];
                text.Append(original, copied, span.Start - copied);
                text.Append(i == 0 ? literal : "\"\"");
                copied = span.End;
            }

            text.Append(original, copied, original.Length - copied);
            return text.ToString();
        }

        string separator = original.Length == 0 || original[original.Length - 1] == '\n' ? string.Empty : "\n";
        return original + separator + "option csharp_namespace = " + literal + "; // added by ProtoGen\n";
    }
}
