using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using ProtoGen.Generators.Diagnostics;
using ProtoGen.Generators.Model;
using ProtoGen.Runtime;
using ProtoGen.Shared;

namespace ProtoGen.Generators.Parser;

/// <summary>
/// Reads a <c>.protogen-wrappers</c> manifest: the format is <see cref="WrapperManifest"/>'s (shared with the task
/// that writes it; docs/client-wrappers.md, "The manifest"); here the settings get their meaning, and every mistake
/// a diagnostic at its line. Strict: anything unexpected is reported, and only the valid settings are kept.
/// </summary>
internal static class ManifestParser
{
    /// <summary>The file name suffix of manifests among the AdditionalFiles.</summary>
    public const string FileSuffix = WrapperManifest.FileSuffix;

    public static bool IsManifest(string path) => WrapperManifest.IsManifest(path);

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
            if (!WrapperManifest.IsServiceLine(content))
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

    /// <summary>Parses one service line; <see langword="null"/> (and an error) when it names no service.</summary>
    internal static ManifestEntry? ParseLine(string content, LocationInfo lineLocation, out string? error)
    {
        var problems = new List<string>();
        if (WrapperManifest.Read(content, problems, out error) is not { } line)
        {
            return null;
        }

        string service = line.Service;
        var issues = new List<ManifestIssue>();
        foreach (string problem in problems)
        {
            issues.Add(Malformed(problem));
        }

        TimeSpan? defaultTimeout = null;
        if (line.DefaultTimeout is { } timeoutText)
        {
            defaultTimeout = DurationSyntax.TryParse(timeoutText, out string? durationError);
            if (defaultTimeout is null)
            {
                issues.Add(Issue(DiagnosticDescriptors.InvalidTimeout.Id, timeoutText, $"service '{service}'", durationError!));
            }
        }

        WrapperAccess? access = null;
        if (line.Access is { } accessText)
        {
            access = string.Equals(accessText, "Public", StringComparison.OrdinalIgnoreCase) ? WrapperAccess.Public
                : string.Equals(accessText, "Internal", StringComparison.OrdinalIgnoreCase) ? WrapperAccess.Internal
                : null;
            if (access is null)
            {
                issues.Add(Malformed($"'{WrapperManifest.AccessKey}' of service '{service}' must be 'Public' or 'Internal', not '{Shorten(accessText)}'; it is ignored"));
            }
        }

        string? source = null;
        if (line.Source is { } sourceText)
        {
            if (IsAbsolutePath(sourceText))
            {
                source = sourceText;
            }
            else
            {
                issues.Add(Malformed($"'{WrapperManifest.SourceKey}' of service '{service}' must be an absolute path, not '{Shorten(sourceText)}'; it is ignored"));
            }
        }

        var methodTimeouts = new List<MethodTimeout>();
        ParseMethodTimeouts(service, line.MethodTimeouts ?? [], methodTimeouts, issues);
        var metadata = new List<MetadataEntry>();
        ParseMetadata(service, line.DefaultMetadata ?? [], metadata, issues);

        LocationInfo? sourceLocation = source is null ? null : LocationInfo.ForLine(source, line.Line ?? 1);
        return new ManifestEntry(
            service,
            line.Enabled,
            defaultTimeout,
            methodTimeouts.ToEquatableArray(),
            metadata.ToEquatableArray(),
            access,
            sourceLocation,
            lineLocation,
            issues.ToEquatableArray());
    }

    private static void ParseMethodTimeouts(string service, IReadOnlyList<WrapperManifestItem> items, List<MethodTimeout> result, List<ManifestIssue> issues)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (WrapperManifestItem item in items)
        {
            string method = item.Key;
            if (item.Value is not { } duration || !WrapperManifest.IsIdentifier(method))
            {
                string written = item.Value is null ? method : method + "=" + item.Value;
                issues.Add(Malformed($"the method timeout '{Shorten(written)}' of service '{service}' is not '<Method>=<duration>'; it is ignored"));
                continue;
            }

            if (!seen.Add(method))
            {
                issues.Add(Malformed($"the method '{method}' of service '{service}' has more than one timeout; the repetition is ignored"));
                continue;
            }

            TimeSpan? timeout = DurationSyntax.TryParse(duration, out string? error);
            if (timeout is null)
            {
                issues.Add(Issue(DiagnosticDescriptors.InvalidTimeout.Id, duration, $"method '{method}' of service '{service}'", error!));
                continue;
            }

            result.Add(new MethodTimeout(method, timeout.Value));
        }
    }

    private static void ParseMetadata(string service, IReadOnlyList<WrapperManifestItem> items, List<MetadataEntry> result, List<ManifestIssue> issues)
    {
        foreach (WrapperManifestItem item in items)
        {
            string key = item.Key;
            if (item.Value is not { } entryValue)
            {
                issues.Add(Issue(DiagnosticDescriptors.InvalidMetadata.Id, Shorten(key), service, "it is not '<key>=<value>'"));
                continue;
            }

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

    private static string Shorten(string text) => WrapperManifest.Shorten(text);

    private static ManifestIssue Malformed(string message) => Issue(DiagnosticDescriptors.MalformedManifestLine.Id, message);

    private static ManifestIssue Issue(string id, params string[] args) => new(id, args.ToEquatableArray());
}
