using System;
using System.IO;
using ProtoGen.Build.IO;
using ProtoGen.Build.Proto;

namespace ProtoGen.Build.Workspace;

/// <summary>The real file system, with proto summaries from a <see cref="ProtoSummaryCache"/>.</summary>
internal sealed class WorkspaceFiles : IWorkspaceFiles
{
    private readonly ProtoSummaryCache _cache;

    public WorkspaceFiles(ProtoSummaryCache cache) => _cache = cache;

    /// <inheritdoc />
    public ProtoSummary? Summary(string fullPath, out string? error)
    {
        try
        {
            error = null;
            return _cache.Get(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e is FileNotFoundException ? "the file does not exist." : e.Message;
            return null;
        }
    }

    /// <inheritdoc />
    public bool FileExists(string fullPath) => File.Exists(fullPath);

    /// <inheritdoc />
    public bool DirectoryExists(string fullPath) => Directory.Exists(fullPath);

    /// <inheritdoc />
    /// <remarks>The same text: a UTF-8 byte order mark and CR before LF are not content (a checkout with Windows line endings is the same proto).</remarks>
    public bool SameContent(string fullPath, string otherFullPath)
    {
        if (FileSystemCase.Comparer.Equals(fullPath, otherFullPath))
        {
            return true;
        }

        try
        {
            return SameText(File.ReadAllBytes(fullPath), File.ReadAllBytes(otherFullPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Whether two files hold the same text, but for a UTF-8 byte order mark and the CR of CRLF line ends.</summary>
    internal static bool SameText(byte[] a, byte[] b)
    {
        if (FileWriter.SameBytes(a, b))
        {
            return true;
        }

        int i = Bom(a), j = Bom(b);
        while (true)
        {
            i = SkipCarriageReturn(a, i);
            j = SkipCarriageReturn(b, j);
            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (a[i++] != b[j++])
            {
                return false;
            }
        }
    }

    private static int Bom(byte[] text) => text.Length >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF ? 3 : 0;

    /// <summary>Past a CR that a LF follows.</summary>
    private static int SkipCarriageReturn(byte[] text, int index) =>
        index + 1 < text.Length && text[index] == (byte)'\r' && text[index + 1] == (byte)'\n' ? index + 1 : index;
}
