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
using ProtoGen.Build.Protoc;

namespace ProtoGen.Build.Tasks;

/// <summary>
/// Writes the staged copies that <see cref="ProtoGenMapProtobuf"/> planned (only those whose text changed, so
/// Grpc.Tools' up-to-date checks keep working) and removes stale ones. When given protoc (batched compiling is off,
/// so Grpc.Tools compiles the staged copies), it also checks them all with one protoc run whose messages are
/// reported against the original files; the descriptor set of that run is then the stamp, written only when
/// protoc succeeds. Otherwise the stamp is an empty file and <see cref="ProtoGenCompileBatched"/> reports errors.
/// </summary>
public sealed class ProtoGenStageProtobuf : Task
{
    /// <summary>The staged items from <see cref="ProtoGenMapProtobuf"/>.</summary>
    [Required]
    public ITaskItem[] StagedProtobuf { get; set; } = [];

    /// <summary>The stage directory; proto files under it that no item stages any more are deleted.</summary>
    [Required]
    public string StageDirectory { get; set; } = string.Empty;

    /// <summary>The stamp of a successful stage: the check run's descriptor set (with imports), or an empty file.</summary>
    [Required]
    public string StampPath { get; set; } = string.Empty;

    /// <summary>protoc's full path (Grpc.Tools' <c>Protobuf_ProtocFullPath</c>) for the check run; empty leaves the check to the batched compile.</summary>
    public string ProtocPath { get; set; } = string.Empty;

    /// <summary>The well-known types' directory (Grpc.Tools' <c>Protobuf_StandardImportsPath</c>).</summary>
    public string StandardImportsPath { get; set; } = string.Empty;

    /// <summary>The directory protoc runs in and relative import directories are resolved against.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>Every file this task wrote, for <c>FileWrites</c>.</summary>
    [Output]
    public ITaskItem[] FileWrites { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        var stagedFiles = new List<StagedFile>();
        var writes = new List<ITaskItem>();
        foreach (ITaskItem item in StagedProtobuf)
        {
            StagedFile? staged = Stage(item);
            if (staged is not null)
            {
                stagedFiles.Add(staged);
                writes.Add(new TaskItem(staged.StagedPath));
            }
        }

        if (Log.HasLoggedErrors)
        {
            return false;
        }

        DeleteStale(stagedFiles);
        if (ProtocPath.Length > 0 && stagedFiles.Count > 0)
        {
            Check(stagedFiles);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(StampPath)!);
            File.WriteAllBytes(StampPath, []);
        }

        if (!Log.HasLoggedErrors)
        {
            writes.Add(new TaskItem(StampPath));
        }

        FileWrites = [.. writes];
        return !Log.HasLoggedErrors;
    }

    private StagedFile? Stage(ITaskItem item)
    {
        string original = item.GetMetadata(MetadataNames.OriginalPath);
        string stagedPath = item.ItemSpec;
        string ns = item.GetMetadata(MetadataNames.StagedNamespace);
        var decision = new NamespaceDecision(ns.Length == 0 ? null : ns, string.Equals(item.GetMetadata(MetadataNames.StagedNamespaceOverride), "true", StringComparison.OrdinalIgnoreCase));
        try
        {
            string text = File.ReadAllText(original);
            string staged = ProtoStager.Stage(text, ProtoScanner.Scan(text), decision);
            FileWriter.WriteIfChanged(stagedPath, staged);
            return StagedFile.FromOriginal(stagedPath, item.GetMetadata(MetadataNames.LogicalPath), original, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.Report(new BuildDiagnostic(BuildDiagnostics.FileAccessFailed, $"Could not stage '{original}' as '{stagedPath}': {e.Message}", original));
            return null;
        }
    }

    private void DeleteStale(List<StagedFile> current)
    {
        if (!Directory.Exists(StageDirectory))
        {
            return;
        }

        var keep = new HashSet<string>(current.Select(f => Path.GetFullPath(f.StagedPath)), StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(StageDirectory, "*.proto", SearchOption.AllDirectories))
        {
            if (!keep.Contains(Path.GetFullPath(file)))
            {
                File.Delete(file);
            }
        }
    }

    private void Check(List<StagedFile> files)
    {
        List<string> importDirs = StagedProtobuf
            .SelectMany(i => i.GetMetadata(MetadataNames.AdditionalImportDirs).Split([';'], StringSplitOptions.RemoveEmptyEntries))
            .Select(d => d.Trim())
            .Where(d => d.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (StandardImportsPath.Length > 0)
        {
            importDirs.Add(StandardImportsPath);
        }

        string temp = StampPath + ".tmp";
        var arguments = importDirs.Select(d => "--proto_path=" + d).ToList();
        arguments.Add("--descriptor_set_out=" + temp);
        arguments.Add("--include_imports");
        arguments.AddRange(files.Select(f => f.StagedPath));

        Directory.CreateDirectory(Path.GetDirectoryName(StampPath)!);
        ProtocResult result;
        try
        {
            result = ProtocRunner.Run(ProtocPath, arguments, StampPath + ".rsp", ProjectDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            Log.Report(new BuildDiagnostic(BuildDiagnostics.ProtocFailed, $"Could not run protoc '{ProtocPath}': {e.Message}", string.Empty));
            return;
        }

        var mapper = new ProtocDiagnosticMapper(files, importDirs, ProjectDirectory);
        Log.Report(mapper.Map(ProtocOutputParser.Parse(result.Output), result.ExitCode));
        if (result.ExitCode == 0 && !Log.HasLoggedErrors)
        {
            FileWriter.Replace(temp, StampPath);
        }
        else
        {
            // A failed check leaves no stamp, so the next build stages and checks again.
            DeleteIfExists(temp);
            DeleteIfExists(StampPath);
        }
    }

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
