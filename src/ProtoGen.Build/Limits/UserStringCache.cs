using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ProtoGen.Build.IO;

namespace ProtoGen.Build.Limits;

/// <summary>
/// What each generated file puts on the user-string heap (<see cref="UserStringHeap.Scan"/>), kept in one small file by
/// the generated file's write time and length, so that a build where nothing was generated reads one file and no
/// generated code.
/// </summary>
internal sealed class UserStringCache
{
    private const string Header = "# ProtoGen user strings v1";

    private readonly Dictionary<string, (long Ticks, long Length, GeneratedFileStrings Strings)> _entries;
    private readonly string _loaded;
    private readonly HashSet<string> _used = new(FileSystemCase.Comparer);

    private UserStringCache(Dictionary<string, (long, long, GeneratedFileStrings)> entries, string loaded)
    {
        _entries = entries;
        _loaded = loaded;
    }

    /// <summary>Reads the cache at <paramref name="path"/>; a missing, older or unreadable file gives an empty cache.</summary>
    public static UserStringCache Load(string path)
    {
        var entries = new Dictionary<string, (long, long, GeneratedFileStrings)>(FileSystemCase.Comparer);
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
                if (f.Length == 5
                    && long.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks)
                    && long.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out long length)
                    && long.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out long bytes))
                {
                    entries[f[0]] = (ticks, length, new GeneratedFileStrings(f[4], bytes));
                }
            }
        }

        return new UserStringCache(entries, text);
    }

    /// <summary>What <paramref name="generatedFile"/> puts on the heap, reading it only when it changed since it was cached; null when it does not exist.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public GeneratedFileStrings? Get(string generatedFile)
    {
        var file = new FileInfo(generatedFile);
        if (!file.Exists)
        {
            return null;
        }

        _used.Add(generatedFile);
        long ticks = file.LastWriteTimeUtc.Ticks;
        if (_entries.TryGetValue(generatedFile, out var cached) && cached.Ticks == ticks && cached.Length == file.Length)
        {
            return cached.Strings;
        }

        GeneratedFileStrings strings;
        using (var reader = new StreamReader(generatedFile))
        {
            strings = UserStringHeap.Scan(reader);
        }

        _entries[generatedFile] = (ticks, file.Length, strings);
        return strings;
    }

    /// <summary>Writes the files asked for since <see cref="Load"/> to <paramref name="path"/>, when that changed anything.</summary>
    public void Save(string path)
    {
        if (path.Length == 0)
        {
            return;
        }

        var text = new StringBuilder(Header).Append('\n');
        foreach (KeyValuePair<string, (long Ticks, long Length, GeneratedFileStrings Strings)> pair in _entries.Where(e => _used.Contains(e.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(pair.Key).Append('\t')
                .Append(pair.Value.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(pair.Value.Length.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(pair.Value.Strings.DescriptorBytes.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(pair.Value.Strings.Source.Replace('\t', ' ')).Append('\n');
        }

        string result = text.ToString();
        if (!string.Equals(result, _loaded, StringComparison.Ordinal))
        {
            FileWriter.WriteIfChanged(path, result);
        }
    }
}
