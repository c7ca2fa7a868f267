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
    public bool SameContent(string fullPath, string otherFullPath)
    {
        if (FileSystemCase.Comparer.Equals(fullPath, otherFullPath))
        {
            return true;
        }

        try
        {
            return FileWriter.SameBytes(File.ReadAllBytes(fullPath), File.ReadAllBytes(otherFullPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
