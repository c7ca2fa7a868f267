using System;
using System.IO;
using System.Text;

namespace ProtoGen.Build.IO;

/// <summary>Writes files so that readers never see half a file and unchanged content keeps its timestamp.</summary>
internal static class FileWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <summary>Writes <paramref name="text"/> unless the file already holds it. Returns true when it wrote.</summary>
    public static bool WriteIfChanged(string path, string text)
    {
        byte[] bytes = Utf8NoBom.GetBytes(text);
        if (File.Exists(path))
        {
            if (SameBytes(File.ReadAllBytes(path), bytes))
            {
                return false;
            }
        }

        WriteAtomically(path, bytes);
        return true;
    }

    /// <summary>
    /// Writes a target's stamp (its <c>Outputs</c>): <paramref name="text"/> when it changed, and the time now in any
    /// case, so the target is up to date against inputs that changed since the last time it ran.
    /// </summary>
    public static void WriteStamp(string path, string text)
    {
        WriteIfChanged(path, text);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
    }

    /// <summary>Deletes <paramref name="path"/> when it exists (its folder need not).</summary>
    public static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Whether two byte arrays hold the same bytes.</summary>
    public static bool SameBytes(byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b);

    /// <summary>Writes to a temporary file beside <paramref name="path"/>, then moves it into place.</summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temp, bytes);
        Replace(temp, path);
    }

    /// <summary>Moves <paramref name="source"/> over <paramref name="destination"/>.</summary>
    public static void Replace(string source, string destination)
    {
        if (File.Exists(destination))
        {
            File.Delete(destination);
        }

        File.Move(source, destination);
    }
}
