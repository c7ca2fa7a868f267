using System;
using System.Collections.Generic;
using System.IO;

namespace ProtoGen.Build.Protoc;

/// <summary>Finds the file protoc reads for a logical path, searching <c>--proto_path</c> entries in order as protoc does.</summary>
internal sealed class ImportResolver
{
    private readonly List<(string Prefix, string Directory)> _entries = [];

    /// <summary>Creates a resolver over proto path entries (<c>dir</c> or <c>prefix=dir</c>); relative directories are under <paramref name="baseDirectory"/>.</summary>
    public ImportResolver(IEnumerable<string> protoPaths, string baseDirectory)
    {
        foreach (string entry in protoPaths)
        {
            int equals = entry.IndexOf('=');
            string prefix = equals < 0 ? string.Empty : entry.Substring(0, equals).Trim().TrimEnd('/');
            string directory = equals < 0 ? entry : entry.Substring(equals + 1);
            _entries.Add((prefix, Path.GetFullPath(Path.Combine(baseDirectory, directory.Trim()))));
        }
    }

    /// <summary>The disk file for <paramref name="logicalPath"/>, or null when no entry provides it.</summary>
    public string? Resolve(string logicalPath)
    {
        foreach ((string prefix, string directory) in _entries)
        {
            string relative;
            if (prefix == logicalPath)
            {
                // A single-file entry (logical.proto=file), as the workspace writes for a file an import directory provides instead of a root.
                if (File.Exists(directory))
                {
                    return directory;
                }

                continue;
            }
            else if (prefix.Length == 0)
            {
                relative = logicalPath;
            }
            else if (logicalPath.StartsWith(prefix + "/", StringComparison.Ordinal))
            {
                relative = logicalPath.Substring(prefix.Length + 1);
            }
            else
            {
                continue;
            }

            string candidate = Path.Combine(directory, relative.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
