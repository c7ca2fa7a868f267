// Compiled into ProtoGen.Build (ProtoGenWriteWrapperManifest writes the manifest) and ProtoGen.Generators
// (ManifestParser reads it), by source link: the format has one definition, so writer and reader cannot drift.
// docs/client-wrappers.md, "The manifest", describes it. No Roslyn, MSBuild or file APIs here; netstandard2.0.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ProtoGen.Shared;

/// <summary>An item of a list setting (<c>methodTimeouts</c>, <c>defaultMetadata</c>): <c>key=value</c>, or a key alone (<see cref="Value"/> null: no <c>=</c>).</summary>
internal sealed record WrapperManifestItem(string Key, string? Value);

/// <summary>
/// One <c>service</c> line of a client wrapper manifest: a service and its settings, as text where their meaning is
/// the generator's (durations, metadata, access, paths). Null (or, for lists, empty) settings are not written.
/// </summary>
/// <param name="Service">The full proto service name, <c>package.Service</c> (just <c>Service</c> without a package).</param>
/// <param name="Enabled"><c>enabled</c>: whether the service gets a wrapper.</param>
/// <param name="DefaultTimeout"><c>defaultTimeout</c>: a duration.</param>
/// <param name="MethodTimeouts"><c>methodTimeouts</c>: <c>Method=duration</c> items.</param>
/// <param name="DefaultMetadata"><c>defaultMetadata</c>: <c>key=value</c> items; a key may repeat.</param>
/// <param name="Access"><c>access</c>: <c>Public</c> or <c>Internal</c>.</param>
/// <param name="Source"><c>source</c>: the absolute path of the file the settings are written in.</param>
/// <param name="Line"><c>line</c>: the 1-based line in <see cref="Source"/>.</param>
internal sealed record WrapperManifestLine(
    string Service,
    bool? Enabled = null,
    string? DefaultTimeout = null,
    IReadOnlyList<WrapperManifestItem>? MethodTimeouts = null,
    IReadOnlyList<WrapperManifestItem>? DefaultMetadata = null,
    string? Access = null,
    string? Source = null,
    int? Line = null)
{
    /// <inheritdoc/>
    public bool Equals(WrapperManifestLine? other) =>
        other is not null
        && Service == other.Service
        && Enabled == other.Enabled
        && DefaultTimeout == other.DefaultTimeout
        && SameItems(MethodTimeouts, other.MethodTimeouts)
        && SameItems(DefaultMetadata, other.DefaultMetadata)
        && Access == other.Access
        && Source == other.Source
        && Line == other.Line;

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Service);

    private static bool SameItems(IReadOnlyList<WrapperManifestItem>? a, IReadOnlyList<WrapperManifestItem>? b) =>
        (a ?? []).SequenceEqual(b ?? []);
}

/// <summary>
/// The client wrapper manifest (<c>*.protogen-wrappers</c>, UTF-8): lines separated by LF (CRLF read too); a line
/// starting with <c>#</c> is a comment, a blank one is skipped; every other line is tab-separated fields:
/// <c>service</c>, the full service name, then <c>key=value</c> fields in any order, each key at most once. List
/// values are <c>;</c>-separated <c>key=value</c> items. In every name, key and value, <c>%</c>, tab, line feed,
/// carriage return and <c>;</c> are written <c>%25</c>, <c>%09</c>, <c>%0A</c>, <c>%0D</c>, <c>%3B</c>, and
/// <c>=</c> in a key <c>%3D</c>; <c>%XX</c> (two hex digits) reads as the character U+00XX, any other <c>%</c> as
/// itself. Everything else is written as it is.
/// </summary>
internal static class WrapperManifest
{
    /// <summary>The file name suffix of manifests among a compilation's <c>AdditionalFiles</c> (any case).</summary>
    public const string FileSuffix = ".protogen-wrappers";

    /// <summary>The comment line the build writes first.</summary>
    public const string Header = "# ProtoGen client wrapper manifest, written by the build; do not edit";

    /// <summary>The first field of every service line.</summary>
    public const string ServiceKeyword = "service";

    public const string EnabledKey = "enabled";
    public const string DefaultTimeoutKey = "defaultTimeout";
    public const string MethodTimeoutsKey = "methodTimeouts";
    public const string DefaultMetadataKey = "defaultMetadata";
    public const string AccessKey = "access";
    public const string SourceKey = "source";
    public const string LineKey = "line";

    private const char FieldSeparator = '\t';
    private const char ItemSeparator = ';';
    private const char KeyValueSeparator = '=';
    private const char CommentStart = '#';

    public static bool IsManifest(string path) => path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The whole manifest: the header comment, then one line per service, each ending in LF.</summary>
    public static string Write(IEnumerable<WrapperManifestLine> lines)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (WrapperManifestLine line in lines)
        {
            Append(text, line);
        }

        return text.ToString();
    }

    /// <summary>Appends one service line, ending in LF.</summary>
    public static void Append(StringBuilder text, WrapperManifestLine line)
    {
        text.Append(ServiceKeyword).Append(FieldSeparator).Append(Escape(line.Service, inKey: false));
        if (line.Enabled is bool enabled)
        {
            Field(text, EnabledKey, enabled ? "true" : "false");
        }

        Field(text, DefaultTimeoutKey, line.DefaultTimeout);
        List(text, MethodTimeoutsKey, line.MethodTimeouts);
        List(text, DefaultMetadataKey, line.DefaultMetadata);
        Field(text, AccessKey, line.Access);
        Field(text, SourceKey, line.Source);
        if (line.Line is int number)
        {
            Field(text, LineKey, number.ToString(CultureInfo.InvariantCulture));
        }

        text.Append('\n');
    }

    /// <summary>Whether a line (without its line break) is a service line: neither blank (spaces and tabs) nor a comment.</summary>
    public static bool IsServiceLine(string line) =>
        line.Trim().Length > 0 && line[0] != CommentStart;

    /// <summary>
    /// Reads a service line (see <see cref="IsServiceLine"/>). Null, with <paramref name="error"/>, when it names no
    /// service; else the line, with a message in <paramref name="problems"/> for each field that breaks the format
    /// (that field is left out; the others are kept).
    /// </summary>
    public static WrapperManifestLine? Read(string line, List<string> problems, out string? error)
    {
        error = null;
        string[] fields = line.TrimEnd('\r').Split(FieldSeparator);
        if (fields[0] != ServiceKeyword)
        {
            error = $"the first field must be '{ServiceKeyword}', not '{Shorten(fields[0])}' (fields are separated by tabs)";
            return null;
        }

        string service = fields.Length < 2 ? string.Empty : Unescape(fields[1]);
        if (!IsFullName(service))
        {
            error = "the second field must be a full proto service name such as 'routeguide.RouteGuide'";
            return null;
        }

        var result = new WrapperManifestLine(service);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 2; i < fields.Length; i++)
        {
            string field = fields[i];
            int equals = field.IndexOf(KeyValueSeparator);
            if (equals <= 0)
            {
                problems.Add($"the field '{Shorten(Unescape(field))}' of service '{service}' is not 'key=value'; it is ignored");
                continue;
            }

            string key = Unescape(field.Substring(0, equals));
            string raw = field.Substring(equals + 1);
            if (!seen.Add(key))
            {
                problems.Add($"the field '{key}' of service '{service}' is given more than once; the repetition is ignored");
                continue;
            }

            switch (key)
            {
                case EnabledKey:
                    string enabled = Unescape(raw);
                    bool? value = string.Equals(enabled, "true", StringComparison.OrdinalIgnoreCase) ? true
                        : string.Equals(enabled, "false", StringComparison.OrdinalIgnoreCase) ? false
                        : null;
                    if (value is null)
                    {
                        problems.Add($"'{EnabledKey}' of service '{service}' must be 'true' or 'false', not '{Shorten(enabled)}'; it is ignored");
                    }

                    result = result with { Enabled = value };
                    break;
                case LineKey:
                    string number = Unescape(raw);
                    if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) && parsed >= 1)
                    {
                        result = result with { Line = parsed };
                    }
                    else
                    {
                        problems.Add($"'{LineKey}' of service '{service}' must be a positive whole number, not '{Shorten(number)}'; it is ignored");
                    }

                    break;
                case DefaultTimeoutKey:
                    result = result with { DefaultTimeout = Unescape(raw) };
                    break;
                case MethodTimeoutsKey:
                    result = result with { MethodTimeouts = Items(raw) };
                    break;
                case DefaultMetadataKey:
                    result = result with { DefaultMetadata = Items(raw) };
                    break;
                case AccessKey:
                    result = result with { Access = Unescape(raw) };
                    break;
                case SourceKey:
                    result = result with { Source = Unescape(raw) };
                    break;
                default:
                    problems.Add($"unknown field '{Shorten(key)}' of service '{service}'; it is ignored");
                    break;
            }
        }

        return result;
    }

    /// <summary>Whether <paramref name="name"/> is a proto identifier: ASCII letters, digits and <c>_</c>, not starting with a digit.</summary>
    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || name[0] is >= '0' and <= '9')
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><paramref name="text"/> cut to 60 characters for a message.</summary>
    public static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";

    private static bool IsFullName(string name) => name.Length > 0 && name.Split('.').All(IsIdentifier);

    private static void Field(StringBuilder text, string key, string? value)
    {
        if (value is not null)
        {
            text.Append(FieldSeparator).Append(key).Append(KeyValueSeparator).Append(Escape(value, inKey: false));
        }
    }

    private static void List(StringBuilder text, string key, IReadOnlyList<WrapperManifestItem>? items)
    {
        if (items is not { Count: > 0 })
        {
            return;
        }

        text.Append(FieldSeparator).Append(key).Append(KeyValueSeparator);
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(ItemSeparator);
            }

            text.Append(Escape(items[i].Key, inKey: true));
            if (items[i].Value is { } value)
            {
                text.Append(KeyValueSeparator).Append(Escape(value, inKey: false));
            }
        }
    }

    private static List<WrapperManifestItem> Items(string raw)
    {
        var items = new List<WrapperManifestItem>();
        foreach (string item in raw.Split(ItemSeparator))
        {
            int equals = item.IndexOf(KeyValueSeparator);
            items.Add(equals < 0
                ? new WrapperManifestItem(Unescape(item), null)
                : new WrapperManifestItem(Unescape(item.Substring(0, equals)), Unescape(item.Substring(equals + 1))));
        }

        return items;
    }

    private static string Escape(string value, bool inKey)
    {
        var text = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (c is '%' or FieldSeparator or '\n' or '\r' or ItemSeparator || (inKey && c == KeyValueSeparator))
            {
                text.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static string Unescape(string value)
    {
        if (value.IndexOf('%') < 0)
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                text.Append((char)int.Parse(value.Substring(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';
}
