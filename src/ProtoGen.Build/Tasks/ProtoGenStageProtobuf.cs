using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.IO;
using ProtoGen.Build.Mapping;
using ProtoGen.Build.Proto;

namespace ProtoGen.Build.Tasks;

/// <summary>
/// Writes the staged copies that <see cref="ProtoGenResolveWorkspace"/> planned (only those whose text changed, so
/// up-to-date checks keep working file by file), removes stale ones, and writes the stamp of a successful stage.
/// </summary>
public sealed class ProtoGenStageProtobuf : Task
{
    /// <summary>The staged items from <see cref="ProtoGenResolveWorkspace"/>.</summary>
    public ITaskItem[] StagedProtobuf { get; set; } = [];

    /// <summary>The stage directory; proto files under it that no item stages any more are deleted.</summary>
    [Required]
    public string StageDirectory { get; set; } = string.Empty;

    /// <summary>The stamp of a successful stage, an empty file.</summary>
    [Required]
    public string StampPath { get; set; } = string.Empty;

    /// <summary>Every file this task wrote, for <c>FileWrites</c>.</summary>
    [Output]
    public ITaskItem[] FileWrites { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        var staged = new List<string>();
        foreach (ITaskItem item in StagedProtobuf)
        {
            if (Stage(item))
            {
                staged.Add(item.ItemSpec);
            }
        }

        if (Log.HasLoggedErrors)
        {
            return false;
        }

        DeleteStale(staged);
        FileWriter.WriteStamp(StampPath, string.Empty);
        FileWrites = [.. staged.Select(s => new TaskItem(s)), new TaskItem(StampPath)];
        return !Log.HasLoggedErrors;
    }

    private bool Stage(ITaskItem item)
    {
        string original = item.GetMetadata(MetadataNames.OriginalPath);
        string stagedPath = item.ItemSpec;
        string ns = item.GetMetadata(MetadataNames.StagedNamespace);
        var decision = new NamespaceDecision(ns.Length == 0 ? null : ns, string.Equals(item.GetMetadata(MetadataNames.StagedNamespaceOverride), "true", StringComparison.OrdinalIgnoreCase));
        try
        {
            string text = File.ReadAllText(original);
            FileWriter.WriteIfChanged(stagedPath, ProtoStager.Stage(text, ProtoScanner.Scan(text), decision));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.Report(new BuildDiagnostic(BuildDiagnostics.FileAccessFailed, $"Could not stage '{original}' as '{stagedPath}': {e.Message}", original));
            return false;
        }
    }

    private void DeleteStale(List<string> current)
    {
        if (!Directory.Exists(StageDirectory))
        {
            return;
        }

        var keep = new HashSet<string>(current.Select(Path.GetFullPath), FileSystemCase.Comparer);
        foreach (string file in Directory.EnumerateFiles(StageDirectory, "*.proto", SearchOption.AllDirectories))
        {
            if (!keep.Contains(Path.GetFullPath(file)))
            {
                File.Delete(file);
            }
        }
    }
}
