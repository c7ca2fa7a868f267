using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ProtoGen.Build.IO;

namespace ProtoGen.Build.Proto;

/// <summary>
/// Each proto's package and services, kept in a small text file by the proto's last write time, so that listing
/// the services of a thousand protos on a build where none changed reads one file instead of a thousand.
/// </summary>
internal sealed class ServiceCache
{
    private readonly Dictionary<string, Entry> _entries;
    private readonly string _loaded;

    private ServiceCache(Dictionary<string, Entry> entries, string loaded)
    {
        _entries = entries;
        _loaded = loaded;
    }

    /// <summary>A proto's package ("" when it has none) and service names, as of <paramref name="Ticks"/>.</summary>
    internal sealed record Entry(long Ticks, string Package, IReadOnlyList<string> Services);

    /// <summary>Reads the cache at <paramref name="path"/>; a missing, empty or unreadable path gives an empty cache.</summary>
    public static ServiceCache Load(string path)
    {
        var entries = new Dictionary<string, Entry>(FileSystemCase.Comparer);
        string text = string.Empty;
        try
        {
            text = path.Length > 0 && File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        }
        catch (IOException)
        {
            // A cache that cannot be read is rebuilt.
        }

        foreach (string line in text.Split('\n'))
        {
            string[] fields = line.Split('\t');
            if (fields.Length == 4 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks))
            {
                entries[fields[0]] = new Entry(ticks, fields[2], fields[3].Split([' '], StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return new ServiceCache(entries, text);
    }

    /// <summary>The package and services of <paramref name="protoPath"/>, scanning the file only when it changed.</summary>
    public Entry Get(string protoPath)
    {
        long ticks = File.GetLastWriteTimeUtc(protoPath).Ticks;
        if (_entries.TryGetValue(protoPath, out Entry? cached) && cached.Ticks == ticks)
        {
            return cached;
        }

        ProtoFileInfo info = ProtoScanner.Scan(File.ReadAllText(protoPath));
        var entry = new Entry(ticks, info.Package ?? string.Empty, info.Services.Select(s => s.Name).ToArray());
        _entries[protoPath] = entry;
        return entry;
    }

    /// <summary>Writes the cache to <paramref name="path"/> when its text changed.</summary>
    public void Save(string path)
    {
        if (path.Length == 0)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (KeyValuePair<string, Entry> pair in _entries.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(pair.Key).Append('\t')
                .Append(pair.Value.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(pair.Value.Package).Append('\t')
                .Append(string.Join(" ", pair.Value.Services)).Append('\n');
        }

        string result = text.ToString();
        if (!string.Equals(result, _loaded, StringComparison.Ordinal))
        {
            FileWriter.WriteIfChanged(path, result);
        }
    }
}
