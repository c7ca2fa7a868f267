using System.Linq;
using System.Text;

namespace ProtoGen.Bench.Layouts;

/// <summary>The name conversions the generated layouts use for messages and fields.</summary>
internal static class ProtoNames
{
    /// <summary><c>shipment_009</c> → <c>Shipment009</c>.</summary>
    public static string Pascal(string snake) =>
        string.Concat(snake.Split('_').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]));

    /// <summary><c>RouterConfig</c> → <c>router_config</c>.</summary>
    public static string Snake(string pascal)
    {
        var text = new StringBuilder();
        foreach (char c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
