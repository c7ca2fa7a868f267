using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ProtoGen.Breaking.Diagnostics;
using ProtoGen.Build.Diagnostics;

namespace ProtoGen.Breaking.Acceptance;

/// <summary>
/// The suppressions file: breaking changes a team accepted on purpose, written by
/// <c>-t:ProtoGenWriteBreakingSuppressions</c> and read by later checks. XML, one element per accepted finding,
/// sorted, so that a review shows each accepted break as one line added:
/// <code>
/// &lt;ProtoGenBreakingSuppressions Version="1"&gt;
///   &lt;Suppression Rule="FIELD_SAME_TYPE" File="acme/v1/ledger.proto" Subject="acme.v1.Entry#2" Reason="…" Message="…" /&gt;
/// &lt;/ProtoGenBreakingSuppressions&gt;
/// </code>
/// </summary>
internal static class SuppressionsFile
{
    public const string DefaultFileName = "ProtoGen.BreakingSuppressions.xml";

    private const string RootName = "ProtoGenBreakingSuppressions";
    private const string ElementName = "Suppression";
    private const string FormatVersion = "1";

    /// <summary>Reads <paramref name="path"/>; a file that does not exist holds no suppressions.</summary>
    public static List<Suppression> Read(string path, List<BuildDiagnostic> diagnostics)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new BuildDiagnostic(BreakingDiagnostics.InvalidSuppressionsFile, $"Suppressions file '{path}' could not be read: {e.Message}", path));
            return [];
        }

        return Parse(text, path, diagnostics);
    }

    /// <summary>Parses the text of a suppressions file known as <paramref name="path"/>.</summary>
    public static List<Suppression> Parse(string text, string path, List<BuildDiagnostic> diagnostics)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(text, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            diagnostics.Add(new BuildDiagnostic(BreakingDiagnostics.InvalidSuppressionsFile, $"Suppressions file does not parse: {e.Message}", path, e.LineNumber, e.LinePosition));
            return [];
        }

        XElement root = document.Root!;
        if (root.Name.LocalName != RootName)
        {
            Error(diagnostics, path, root, $"the root element must be <{RootName}>");
            return [];
        }

        if ((string?)root.Attribute("Version") is { } version && version != FormatVersion)
        {
            Error(diagnostics, path, root, $"format version {version} is not one this ProtoGen reads ({FormatVersion})");
            return [];
        }

        var suppressions = new List<Suppression>();
        foreach (XElement element in root.Elements())
        {
            if (element.Name.LocalName != ElementName)
            {
                Error(diagnostics, path, element, $"unexpected element <{element.Name.LocalName}> (expected <{ElementName}>)");
                continue;
            }

            string? rule = (string?)element.Attribute("Rule");
            string? file = (string?)element.Attribute("File");
            string? subject = (string?)element.Attribute("Subject");
            if (string.IsNullOrEmpty(rule) || string.IsNullOrEmpty(file) || subject is null)
            {
                Error(diagnostics, path, element, "a suppression needs Rule, File and Subject attributes");
                continue;
            }

            suppressions.Add(new Suppression(rule!, file!, subject, (string?)element.Attribute("Reason") ?? string.Empty, (string?)element.Attribute("Message") ?? string.Empty,
                ((IXmlLineInfo)element).LineNumber));
        }

        return suppressions;
    }

    /// <summary>The text of a suppressions file that accepts <paramref name="suppressions"/> (sorted, duplicates dropped).</summary>
    public static string Format(IEnumerable<Suppression> suppressions)
    {
        var root = new XElement(RootName, new XAttribute("Version", FormatVersion));
        foreach (Suppression s in suppressions
            .GroupBy(s => (s.RuleId, s.File, s.Subject)).Select(g => g.First())
            .OrderBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.RuleId, StringComparer.Ordinal).ThenBy(s => s.Subject, StringComparer.Ordinal))
        {
            root.Add(new XElement(ElementName,
                new XAttribute("Rule", s.RuleId), new XAttribute("File", s.File), new XAttribute("Subject", s.Subject),
                new XAttribute("Reason", s.Reason), new XAttribute("Message", s.Message)));
        }

        var document = new XDocument(
            new XComment(" Breaking changes accepted on purpose (docs/breaking-changes.md). Written by `dotnet build -t:ProtoGenWriteBreakingSuppressions`; give each a Reason. "),
            root);
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using var text = new Utf8StringWriter();
        using (var writer = XmlWriter.Create(text, settings))
        {
            document.Save(writer);
        }

        return text.ToString().Replace("\r\n", "\n") + "\n";
    }

    private static void Error(List<BuildDiagnostic> diagnostics, string path, XElement element, string message)
    {
        var info = (IXmlLineInfo)element;
        diagnostics.Add(new BuildDiagnostic(BreakingDiagnostics.InvalidSuppressionsFile, "Suppressions file: " + message + ".", path, info.LineNumber, info.LinePosition));
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(System.Globalization.CultureInfo.InvariantCulture)
        {
        }

        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
