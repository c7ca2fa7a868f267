using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using ProtoGen.Generators.Diagnostics;
using ProtoGen.Generators.Model;
using ProtoGen.Runtime;

namespace ProtoGen.Generators.Parser;

/// <summary>
/// Reads a <c>.protogen-wrappers</c> manifest (format: docs/client-wrappers.md, "The manifest").
/// Strict: anything unexpected is reported, and only the valid settings are kept.
/// </summary>
internal static class ManifestParser
{
    /// <summary>The file name suffix of manifests among the AdditionalFiles.</summary>
    public const string FileSuffix = ".protogen-wrappers";

    public static bool IsManifest(string path) => path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase);

    public static ManifestFile Parse(string path, SourceText? text, CancellationToken cancellationToken = default)
    {
        var entries = new List<ManifestEntry>();
        var diagnostics = new List<DiagnosticInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (text is null)
        {
            return new ManifestFile(path, EquatableArray<ManifestEntry>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        }

        foreach (TextLine line in text.Lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string content = text.ToString(line.Span);
            if (content.Trim().Length == 0 || content.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            var lineLocation = new LocationInfo(path, line.Span, text.Lines.GetLinePositionSpan(line.Span));
            ManifestEntry? entry = ParseLine(content, lineLocation, out string? lineError);
            if (entry is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedManifestLine, lineLocation, lineError!));
            }
            else if (!seen.Add(entry.ServiceName))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.MalformedManifestLine,
                    entry.SourceLocation ?? lineLocation,
                    $"service '{entry.ServiceName}' is listed more than once; this line is ignored"));
            }
            else
            {
                entries.Add(entry);
            }
        }

        return new ManifestFile(path, entries.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>Parses one non-comment line; <see langword="null"/> (and an error) when it names no service.</summary>
    internal static ManifestEntry? ParseLine(string content, LocationInfo lineLocation, out string? error)
    {
        error = null;
        string[] fields = content.Split('\t');
        if (fields[0] != "service")
        {
            error = $"the first field must be 'service', not '{Shorten(fields[0])}' (fields are separated by tabs)";
            return null;
        }

        if (fields.Length < 2 || !IsProtoFullName(fields[1]))
        {
            error = "the second field must be a full proto service name such as 'routeguide.RouteGuide'";
            return null;
        }

        string service = fields[1];
        var issues = new List<ManifestIssue>();
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        bool? enabled = null;
        TimeSpan? defaultTimeout = null;
        WrapperAccess? access = null;
        string? source = null;
        int? sourceLine = null;
        var methodTimeouts = new List<MethodTimeout>();
        var metadata = new List<MetadataEntry>();

        for (int i = 2; i < fields.Length; i++)
        {
            string field = fields[i];
            int equals = field.IndexOf('=');
            if (equals <= 0)
            {
                issues.Add(Malformed($"the field '{Shorten(field)}' of service '{service}' is not 'key=value'; it is ignored"));
                continue;
            }

            string key = field.Substring(0, equals);
            string value = field.Substring(equals + 1);
            if (!seenKeys.Add(key))
            {
                issues.Add(Malformed($"the field '{key}' of service '{service}' is given more than once; the repetition is ignored"));
                continue;
            }

            switch (key)
            {
                case "enabled":
                    enabled = ParseBool(value);
                    if (enabled is null)
                    {
                        issues.Add(Malformed($"'enabled' of service '{service}' must be 'true' or 'false', not '{Shorten(value)}'; it is ignored"));
                    }

                    break;
                case "access":
                    access = string.Equals(value, "Public", StringComparison.OrdinalIgnoreCase) ? WrapperAccess.Public
                        : string.Equals(value, "Internal", StringComparison.OrdinalIgnoreCase) ? WrapperAccess.Internal
                        : null;
                    if (access is null)
                    {
                        issues.Add(Malformed($"'access' of service '{service}' must be 'Public' or 'Internal', not '{Shorten(value)}'; it is ignored"));
                    }

                    break;
                case "defaultTimeout":
                    defaultTimeout = DurationSyntax.TryParse(value, out string? durationError);
                    if (defaultTimeout is null)
                    {
                        issues.Add(Issue(DiagnosticDescriptors.InvalidTimeout.Id, value, $"service '{service}'", durationError!));
                    }

                    break;
                case "methodTimeouts":
                    ParseMethodTimeouts(service, value, methodTimeouts, issues);
                    break;
                case "defaultMetadata":
                    ParseMetadata(service, value, metadata, issues);
                    break;
                case "source":
                    if (value.Length == 0 || !IsAbsolutePath(value))
                    {
                        issues.Add(Malformed($"'source' of service '{service}' must be an absolute path, not '{Shorten(value)}'; it is ignored"));
                    }
                    else
                    {
                        source = value;
                    }

                    break;
                case "line":
                    if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= 1)
                    {
                        sourceLine = number;
                    }
                    else
                    {
                        issues.Add(Malformed($"'line' of service '{service}' must be a positive whole number, not '{Shorten(value)}'; it is ignored"));
                    }

                    break;
                default:
                    issues.Add(Malformed($"unknown field '{Shorten(key)}' of service '{service}'; it is ignored"));
                    break;
            }
        }

        LocationInfo? sourceLocation = source is null ? null : LocationInfo.ForLine(source, sourceLine ?? 1);
        return new ManifestEntry(
            service,
            enabled,
            defaultTimeout,
            methodTimeouts.ToEquatableArray(),
            metadata.ToEquatableArray(),
            access,
            sourceLocation,
            lineLocation,
            issues.ToEquatableArray());
    }

    private static void ParseMethodTimeouts(string service, string value, List<MethodTimeout> result, List<ManifestIssue> issues)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string item in value.Split(';'))
        {
            int equals = item.IndexOf('=');
            string method = equals < 0 ? item : item.Substring(0, equals);
            if (equals <= 0 || !IsIdentifier(method))
            {
                issues.Add(Malformed($"the method timeout '{Shorten(item)}' of service '{service}' is not '<Method>=<duration>'; it is ignored"));
                continue;
            }

            if (!seen.Add(method))
            {
                issues.Add(Malformed($"the method '{method}' of service '{service}' has more than one timeout; the repetition is ignored"));
                continue;
            }

            string duration = item.Substring(equals + 1);
            TimeSpan? timeout = DurationSyntax.TryParse(duration, out string? error);
            if (timeout is null)
            {
                issues.Add(Issue(DiagnosticDescriptors.InvalidTimeout.Id, duration, $"method '{method}' of service '{service}'", error!));
                continue;
            }

            result.Add(new MethodTimeout(method, timeout.Value));
        }
    }

    private static void ParseMetadata(string service, string value, List<MetadataEntry> result, List<ManifestIssue> issues)
    {
        foreach (string item in value.Split(';'))
        {
            int equals = item.IndexOf('=');
            if (equals < 0)
            {
                issues.Add(Issue(DiagnosticDescriptors.InvalidMetadata.Id, Shorten(item), service, "it is not '<key>=<value>'"));
                continue;
            }

            string key = item.Substring(0, equals);
            string entryValue = item.Substring(equals + 1);
            string? error = MetadataRules.ValidateKey(key);
            if (error is null)
            {
                if (MetadataRules.IsBinaryKey(key))
                {
                    error = IsBase64(entryValue) ? null : "the value of a '-bin' key must be base64";
                }
                else
                {
                    error = MetadataRules.ValidateAsciiValue(entryValue);
                }
            }

            if (error is not null)
            {
                issues.Add(Issue(DiagnosticDescriptors.InvalidMetadata.Id, Shorten(key), service, error));
                continue;
            }

            result.Add(new MetadataEntry(key, entryValue));
        }
    }

    private static bool? ParseBool(string value)
        => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? true
            : string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) ? false
            : null;

    private static bool IsBase64(string value)
    {
        if (value.Length % 4 != 0)
        {
            return false;
        }

        try
        {
            Convert.FromBase64String(value);
            return value.IndexOf(' ') < 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsAbsolutePath(string path)
        => path.StartsWith("/", StringComparison.Ordinal)
            || path.StartsWith("\\\\", StringComparison.Ordinal)
            || (path.Length >= 3 && char.IsLetter(path[0]) && path[1] == ':' && (path[2] == '\\' || path[2] == '/'));

    private static bool IsProtoFullName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (string part in name.Split('.'))
        {
            if (!IsIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_') || name[0] > 127)
        {
            return false;
        }

        foreach (char c in name)
        {
            bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";

    private static ManifestIssue Malformed(string message) => Issue(DiagnosticDescriptors.MalformedManifestLine.Id, message);

    private static ManifestIssue Issue(string id, params string[] args) => new(id, args.ToEquatableArray());
}
