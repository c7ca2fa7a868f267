using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using ProtoGen.Build.IO;

namespace ProtoGen.Build.Proto;

/// <summary>What the workspace needs to know of one proto file without protoc: its package, services, imports and own namespace option.</summary>
/// <param name="Package">The package, or "" when the file has none.</param>
/// <param name="Services">The names of its top-level services.</param>
/// <param name="Imports">Its imports, with where each is written.</param>
/// <param name="CSharpNamespace">The value of its own <c>option csharp_namespace</c>, or null when it has none.</param>
internal sealed record ProtoSummary(string Package, IReadOnlyList<string> Services, IReadOnlyList<ProtoSummaryImport> Imports, string? CSharpNamespace)
{
    /// <summary>
    /// A hash of the file's text (16 hex digits of its SHA-256, line ends as LF, no byte order mark), so that two files
    /// can be compared without reading them again; "" when unknown.
    /// </summary>
    public string ContentHash { get; init; } = string.Empty;

    /// <summary>The summary of a proto's whole text.</summary>
    public static ProtoSummary Of(string text)
    {
        ProtoFileInfo info = ProtoScanner.Scan(text);
        return new ProtoSummary(
            info.Package ?? string.Empty,
            info.Services.Select(s => s.Name).ToArray(),
            info.Imports.Select(i => new ProtoSummaryImport(i.Path, i.Span.Line, i.Span.Column)).ToArray(),
            info.CSharpNamespace?.Value)
        {
            ContentHash = HashOf(text),
        };
    }

    /// <summary>The <see cref="ContentHash"/> of a text: CRLF counts as LF and a leading byte order mark as nothing, as <see cref="Workspace.WorkspaceFiles.SameContent"/> compares.</summary>
    public static string HashOf(string text)
    {
        string normalized = text.Replace("\r\n", "\n");
        if (normalized.Length > 0 && normalized[0] == '\uFEFF')
        {
            normalized = normalized.Substring(1);
        }

        using var sha = SHA256.Create();
        byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(normalized));
        var hex = new StringBuilder(16);
        for (int i = 0; i < 8; i++)
        {
            hex.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}

/// <summary>An import of a proto: the logical path and the 1-based line and column where the path is written.</summary>
internal sealed record ProtoSummaryImport(string Path, int Line, int Column);

/// <summary>
/// Each proto's <see cref="ProtoSummary"/>, kept in one small file by the proto's last write time, so that a build where
/// no proto changed reads one file instead of a thousand protos.
/// </summary>
internal sealed class ProtoSummaryCache
{
    private const string Header = "# ProtoGen proto summaries v3";
    private const char ListSeparator = '\u001f';

    private readonly Dictionary<string, (long Ticks, ProtoSummary Summary)> _entries;
    private readonly string _loaded;

    private ProtoSummaryCache(Dictionary<string, (long, ProtoSummary)> entries, string loaded)
    {
        _entries = entries;
        _loaded = loaded;
    }

    /// <summary>Reads the cache at <paramref name="path"/>; a missing, empty, older or unreadable file gives an empty cache.</summary>
    public static ProtoSummaryCache Load(string path)
    {
        var entries = new Dictionary<string, (long, ProtoSummary)>(FileSystemCase.Comparer);
        string text = string.Empty;
        try
        {
            text = path.Length > 0 && File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be read is rebuilt.
        }

        string[] lines = text.Split('\n');
        if (lines[0] == Header)
        {
            foreach (string line in lines.Skip(1))
            {
                string[] f = line.Split('\t');
                if (f.Length == 7 && long.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks) && ParseImports(f[4]) is { } imports)
                {
                    entries[f[0]] = (ticks, new ProtoSummary(f[2], SplitList(f[3]), imports, f[5].Length == 0 ? null : f[5].Substring(1)) { ContentHash = f[6] });
                }
            }
        }

        return new ProtoSummaryCache(entries, text);
    }

    /// <summary>The summary of <paramref name="protoPath"/>, scanning the file only when it changed since it was cached.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public ProtoSummary Get(string protoPath)
    {
        var file = new FileInfo(protoPath);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The file does not exist.", protoPath);
        }

        long ticks = file.LastWriteTimeUtc.Ticks;
        if (_entries.TryGetValue(protoPath, out var cached) && cached.Ticks == ticks)
        {
            return cached.Summary;
        }

        ProtoSummary summary = ProtoSummary.Of(File.ReadAllText(protoPath));
        _entries[protoPath] = (ticks, summary);
        return summary;
    }

    /// <summary>Writes the cache to <paramref name="path"/> when its text changed.</summary>
    public void Save(string path)
    {
        if (path.Length == 0)
        {
            return;
        }

        var text = new StringBuilder(Header).Append('\n');
        foreach (KeyValuePair<string, (long Ticks, ProtoSummary Summary)> pair in _entries.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            ProtoSummary s = pair.Value.Summary;
            text.Append(pair.Key).Append('\t')
                .Append(pair.Value.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(Clean(s.Package)).Append('\t')
                .Append(string.Join(ListSeparator.ToString(), s.Services.Select(Clean))).Append('\t')
                .Append(string.Join(ListSeparator.ToString(), s.Imports.Select(i => FormattableString.Invariant($"{i.Line}:{i.Column}:{Clean(i.Path)}")))).Append('\t')
                .Append(s.CSharpNamespace is null ? string.Empty : "=" + Clean(s.CSharpNamespace)).Append('\t')
                .Append(s.ContentHash).Append('\n');
        }

        string result = text.ToString();
        if (!string.Equals(result, _loaded, StringComparison.Ordinal))
        {
            FileWriter.WriteIfChanged(path, result);
        }
    }

    private static string[] SplitList(string field) => field.Split([ListSeparator], StringSplitOptions.RemoveEmptyEntries);

    private static ProtoSummaryImport[]? ParseImports(string field)
    {
        var imports = new List<ProtoSummaryImport>();
        foreach (string entry in SplitList(field))
        {
            string[] parts = entry.Split([':'], 3);
            if (parts.Length != 3
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int line)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int column))
            {
                return null;
            }

            imports.Add(new ProtoSummaryImport(parts[2], line, column));
        }

        return [.. imports];
    }

    /// <summary>Tabs, line breaks and the list separator cannot stand in a field; protoc rejects them in these names anyway.</summary>
    private static string Clean(string value) =>
        value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ').Replace(ListSeparator, ' ');
}
