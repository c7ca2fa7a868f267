using System;
using System.IO;
using System.Text;

namespace ProtoGen.Testing.Infrastructure;

/// <summary>
/// A fresh directory under the system temp folder (<c>{temp}/{group}/{name}-{8 hex digits}</c>), deleted on dispose
/// unless <c>PROTOGEN_KEEP_TEST_PROJECTS</c> is <c>1</c> or <c>true</c> (to look at what a test built).
/// </summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>The environment variable that keeps every temporary directory for inspection.</summary>
    public const string KeepVariable = "PROTOGEN_KEEP_TEST_PROJECTS";

    /// <summary>Creates the directory.</summary>
    /// <param name="group">The folder under the temp folder that collects directories of one kind, e.g. <c>protogen-tests</c>.</param>
    /// <param name="name">A readable start of the directory's name; the default is none.</param>
    public TempDirectory(string group = "protogen-tests", string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(group);
        string unique = Guid.NewGuid().ToString("N")[..8];
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), group, string.IsNullOrEmpty(name) ? unique : name + "-" + unique);
        Directory.CreateDirectory(Path);
    }

    /// <summary>The full path of the directory.</summary>
    public string Path { get; }

    /// <summary>The full path of <paramref name="relativePath"/> ('/'-separated) under this directory.</summary>
    /// <param name="relativePath">A path relative to the directory.</param>
    public string this[string relativePath]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(relativePath);
            return System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a BOM, exactly as given, creating directories.</summary>
    /// <param name="relativePath">Where, relative to the directory.</param>
    /// <param name="text">The file's text.</param>
    /// <returns>The full path written.</returns>
    public string Write(string relativePath, string text)
    {
        string path = this[relativePath];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary>Reads a file of the directory.</summary>
    /// <param name="relativePath">The file, relative to the directory.</param>
    /// <returns>Its text.</returns>
    public string Read(string relativePath) => File.ReadAllText(this[relativePath]);

    /// <summary>Whether a file or directory exists at <paramref name="relativePath"/>.</summary>
    /// <param name="relativePath">The path, relative to the directory.</param>
    /// <returns><see langword="true"/> if it exists.</returns>
    public bool Exists(string relativePath) => File.Exists(this[relativePath]) || Directory.Exists(this[relativePath]);

    /// <summary>Deletes the directory (best effort), unless <see cref="KeepVariable"/> asks to keep it.</summary>
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable(KeepVariable) is not ("1" or "true"))
        {
            TryDelete(Path);
        }
    }

    /// <summary>Deletes a directory tree if it exists; a file still in use leaves it to the OS's temp cleanup.</summary>
    /// <param name="directory">The directory.</param>
    public static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A build server may still hold a file: left to the OS's temp cleanup, it fails no test.
        }
    }
}
