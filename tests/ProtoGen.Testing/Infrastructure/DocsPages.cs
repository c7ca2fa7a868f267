using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ProtoGen.Testing.Infrastructure;

/// <summary>
/// The repository's docs pages as GitHub renders them: the anchors their headings get, and whether a diagnostic's
/// help link lands on the heading of its code. Each test project checks its assembly's codes with it.
/// </summary>
public static partial class DocsPages
{
    /// <summary>
    /// The anchors of <paramref name="markdown"/>'s ATX headings (<c>#</c> to <c>######</c>, outside fenced code) as
    /// GitHub makes them: the heading's text without inline-code backticks, lowercased, every character that is not a
    /// letter, digit, space, <c>-</c> or <c>_</c> removed, spaces made <c>-</c>; a repeated anchor gets <c>-1</c>,
    /// <c>-2</c>… Each anchor maps to its heading's text.
    /// </summary>
    public static Dictionary<string, string> Anchors(string markdown)
    {
        var anchors = new Dictionary<string, string>(StringComparer.Ordinal);
        string? fence = null;
        foreach (string raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            string line = raw.TrimStart();
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                string marker = line[..3];
                fence = fence is null ? marker : fence == marker ? null : fence;
                continue;
            }

            Match heading = Heading().Match(raw);
            if (fence is not null || !heading.Success)
            {
                continue;
            }

            string text = heading.Groups["text"].Value.Trim().TrimEnd('#').Trim();
            string slug = NotInSlug().Replace(text.Replace("`", string.Empty, StringComparison.Ordinal).ToLowerInvariant(), string.Empty).Replace(' ', '-');
            string anchor = slug;
            for (int n = 1; anchors.ContainsKey(anchor); n++)
            {
                anchor = slug + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            anchors[anchor] = text;
        }

        return anchors;
    }

    /// <summary>
    /// Null when <paramref name="helpLink"/> is <paramref name="docsBase"/> + a page under <c>docs/</c> + <c>#</c> + the
    /// anchor of a heading of that page that is exactly <paramref name="code"/>; else what is wrong.
    /// </summary>
    public static string? ProblemWithHelpLink(string code, string? helpLink, string docsBase)
    {
        if (helpLink is null || !helpLink.StartsWith(docsBase, StringComparison.Ordinal))
        {
            return $"{code}: the help link '{helpLink}' does not start with '{docsBase}'.";
        }

        string[] parts = helpLink[docsBase.Length..].Split('#');
        if (parts.Length != 2 || parts[1].Length == 0)
        {
            return $"{code}: the help link '{helpLink}' names no page and anchor.";
        }

        string page = Path.Combine(Repo.Root, "docs", parts[0]);
        if (!File.Exists(page))
        {
            return $"{code}: the help link '{helpLink}' names docs/{parts[0]}, which does not exist.";
        }

        Dictionary<string, string> anchors = Anchors(File.ReadAllText(page, Encoding.UTF8));
        if (!anchors.TryGetValue(parts[1], out string? heading))
        {
            return $"{code}: docs/{parts[0]} has no heading with the anchor '#{parts[1]}' its help link names.";
        }

        return heading == code ? null : $"{code}: the anchor '#{parts[1]}' of its help link is the heading '{heading}' of docs/{parts[0]}, not '{code}'.";
    }

    /// <summary>
    /// The codes of the MSBuild <c>Error</c> and <c>Warning</c> tasks in ProtoGen's own MSBuild files: <c>build/*.props</c>,
    /// <c>build/*.targets</c> and <c>src/ProtoGen/ProtoGen.csproj</c>, with each one's <c>HelpLink</c> (null without one).
    /// </summary>
    public static IEnumerable<(string File, string Code, string? HelpLink)> MSBuildCodes()
    {
        IEnumerable<string> files = Directory.EnumerateFiles(Repo.BuildDirectory, "*.props")
            .Concat(Directory.EnumerateFiles(Repo.BuildDirectory, "*.targets"))
            .Append(Path.Combine(Repo.Root, "src", "ProtoGen", "ProtoGen.csproj"));
        foreach (string file in files.Order(StringComparer.Ordinal))
        {
            System.Xml.Linq.XDocument document = System.Xml.Linq.XDocument.Load(file);
            foreach (System.Xml.Linq.XElement element in document.Descendants().Where(e => e.Name.LocalName is "Error" or "Warning"))
            {
                if (element.Attribute("Code")?.Value is { } code)
                {
                    yield return (Path.GetRelativePath(Repo.Root, file), code, element.Attribute("HelpLink")?.Value);
                }
            }
        }
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<text>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{Nd}\p{Mn} _-]")]
    private static partial Regex NotInSlug();
}
