using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.IO;
using ProtoGen.Build.Protoc;

using GrpcTools = ProtoGen.Build.Tasks.MetadataNames.GrpcTools;

namespace ProtoGen.Build.Tasks;

/// <summary>
/// The workspace's share of Grpc.Tools' <c>Protobuf_PrepareCompile</c>, <c>_Protobuf_AugmentLanguageCompile</c> and up-to-date
/// check, in one pass. Takes Grpc.Tools' own output prediction (<c>ProtoCompilerOutputs</c>, run on the items
/// <see cref="ProtoGenResolveWorkspace"/> planned), and returns the items as Grpc.Tools would have them (the compiled
/// file as ItemSpec and <c>Source</c>, output folders patched), their outputs, the outputs to compile, and the protos
/// that are out of date. A proto is out of date when one of its outputs is missing, when its dependency file
/// (<c>*.protodep</c>) is missing, or when the proto, a file its dependency file lists, or a project file is newer
/// than its oldest output: Grpc.Tools' rule, which its targets evaluate as one MSBuild batch per proto over every
/// dependency as an item (about 100,000 items at 1,000 protos of the bench layout). Here each file's time is read once.
/// One rule is ProtoGen's own: a proto is out of date when its dependency file lists a file that protoc now reads
/// through a staged copy (<see cref="SupersededInputs"/>): a namespace that a rule or a referenced library gave an
/// import since the last compile changes the C# the importer must refer to, though no file it read is newer. (The
/// reverse, a staged copy no longer planned, is deleted by the stage, so its importers see a missing input.)
/// </summary>
public sealed class ProtoGenPrepareCompile : Task
{
    /// <summary>The planned items, as Grpc.Tools' <c>ProtoCompilerOutputs</c> patched them.</summary>
    [Required]
    public ITaskItem[] Protobuf { get; set; } = [];

    /// <summary>Their predicted outputs (<c>ProtoCompilerOutputs</c>' <c>PossibleOutputs</c>), each with the planned item it comes from as <c>Source</c>.</summary>
    public ITaskItem[] PossibleOutputs { get; set; } = [];

    /// <summary>Where the dependency files are (<c>$(Protobuf_DepFilesPath)</c>), relative to the project or full.</summary>
    public string DependencyDirectory { get; set; } = string.Empty;

    /// <summary>Files every proto depends on, as Grpc.Tools counts <c>$(MSBuildAllProjects)</c>.</summary>
    public ITaskItem[] AdditionalInputs { get; set; } = [];

    /// <summary>
    /// The originals of the staged protos (<c>ProtoGenResolveWorkspace</c>'s <c>StagedOriginals</c>): protoc reads each
    /// through its staged copy, so a dependency file that lists one was written before the proto's namespace changed.
    /// </summary>
    public ITaskItem[] SupersededInputs { get; set; } = [];

    /// <summary>The directory relative paths are resolved against.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>False when nothing will be compiled (a design-time build with proto compiling off): the up-to-date check is skipped.</summary>
    public bool FindOutOfDate { get; set; } = true;

    /// <summary>Every compiled proto as Grpc.Tools' targets would hold it in <c>Protobuf_Compile</c>, in input order.</summary>
    [Output]
    public ITaskItem[] Workspace { get; private set; } = [];

    /// <summary>Their predicted outputs, each with its proto's <c>Source</c> (Grpc.Tools' <c>Protobuf_ExpectedOutputs</c>).</summary>
    [Output]
    public ITaskItem[] ExpectedOutputs { get; private set; } = [];

    /// <summary>The out-of-date protos, a subset of <see cref="Workspace"/>, in input order.</summary>
    [Output]
    public ITaskItem[] OutOfDate { get; private set; } = [];

    /// <summary>The predicted outputs of the protos whose <c>CompileOutputs</c> is true, once each, for <c>Compile</c>.</summary>
    [Output]
    public ITaskItem[] CompileOutputs { get; private set; } = [];

    /// <summary>The dependency files' folder, resolved against the project, or null without one; set by <see cref="Execute"/>.</summary>
    private string? _dependencyDirectory;

    /// <summary><see cref="SupersededInputs"/> as full paths; set by <see cref="Execute"/>.</summary>
    private HashSet<string> _superseded = new(FileSystemCase.Comparer);

    /// <summary>Whether a dependency, by its spelling in the dependency files, is in <see cref="_superseded"/>: each spelling resolved once, as <see cref="Time"/> reads each once.</summary>
    private readonly Dictionary<string, bool> _supersededBySpelling = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Execute()
    {
        _dependencyDirectory = DependencyDirectory.Length == 0 ? null : Resolve(DependencyDirectory);
        _superseded = new HashSet<string>(SupersededInputs.Select(i => Path.GetFullPath(Resolve(i.ItemSpec))), FileSystemCase.Comparer);
        ILookup<string, ITaskItem> outputs = PossibleOutputs.ToLookup(o => o.GetMetadata(GrpcTools.Source), StringComparer.Ordinal);
        var times = new Dictionary<string, DateTime?>(StringComparer.Ordinal);
        DateTime? additional = Newest(AdditionalInputs.Select(i => i.ItemSpec), times, out string? newestAdditional);
        var workspace = new List<ITaskItem>();
        var expected = new List<ITaskItem>();
        var stale = new List<ITaskItem>();
        var compile = new List<ITaskItem>();
        var writers = new Dictionary<string, string>(FileSystemCase.Comparer);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (ITaskItem planned in Protobuf)
        {
            TaskItem item = Restore(planned);
            string source = item.ItemSpec;
            ITaskItem[] itemOutputs = outputs[planned.ItemSpec].Select(o => WithSource(o, source)).ToArray();
            foreach (ITaskItem output in itemOutputs)
            {
                string path = Path.GetFullPath(Resolve(output.ItemSpec));
                string writer = item.GetMetadata(MetadataNames.OriginalPath);
                if (writers.TryGetValue(path, out string? other) && !FileSystemCase.Comparer.Equals(other, writer))
                {
                    Log.Report(new BuildDiagnostic(BuildDiagnostics.OutputCollision, $"'{other}' and '{writer}' would both write '{path}', and one's types would be lost. Give their roots different ImportPrefix values, or one of them another OutputDir.", writer));
                }
                else
                {
                    writers[path] = writer;
                }
            }

            workspace.Add(item);
            expected.AddRange(itemOutputs);
            if (!string.Equals(item.GetMetadata(GrpcTools.CompileOutputs), "false", StringComparison.OrdinalIgnoreCase))
            {
                compile.AddRange(itemOutputs.Where(o => listed.Add(o.ItemSpec)));
            }

            if (FindOutOfDate && Reason(source, itemOutputs, times, additional, newestAdditional) is { } reason)
            {
                Log.LogMessage(MessageImportance.Low, "ProtoGen: {0} is out of date: {1}.", source, reason);
                stale.Add(item);
            }
        }

        if (FindOutOfDate)
        {
            Log.LogMessage(MessageImportance.Normal, "ProtoGen: {0} of {1} proto(s) out of date.", stale.Count, Protobuf.Length);
        }

        Workspace = [.. workspace];
        ExpectedOutputs = [.. expected];
        OutOfDate = [.. stale];
        CompileOutputs = [.. compile];
        return !Log.HasLoggedErrors;
    }

    /// <summary>
    /// The item Grpc.Tools would hold: the compiled file as ItemSpec and <c>Source</c>; the planned root where the file
    /// was predicted as itself (a staged copy, or an item left as written), its own root where it was predicted at its
    /// logical path.
    /// </summary>
    private static TaskItem Restore(ITaskItem planned)
    {
        string source = planned.GetMetadata(GrpcTools.Source);
        var item = new TaskItem(source);
        planned.CopyMetadataTo(item);
        if (!string.Equals(source, planned.ItemSpec, StringComparison.Ordinal))
        {
            item.SetMetadata(GrpcTools.ProtoRoot, planned.GetMetadata(MetadataNames.OriginalProtoRoot));
        }

        return item;
    }

    private static TaskItem WithSource(ITaskItem output, string source)
    {
        var item = new TaskItem(output);
        item.SetMetadata(GrpcTools.Source, source);
        return item;
    }

    /// <summary>Why <paramref name="source"/> must be compiled again, or null when it is up to date.</summary>
    private string? Reason(string source, ITaskItem[] itemOutputs, Dictionary<string, DateTime?> times, DateTime? additional, string? newestAdditional)
    {
        if (itemOutputs.Length == 0)
        {
            return "it has no predicted output";
        }

        DateTime oldest = DateTime.MaxValue;
        foreach (ITaskItem output in itemOutputs)
        {
            if (Time(output.ItemSpec, times) is not { } time)
            {
                return $"output '{output.ItemSpec}' does not exist";
            }

            oldest = time < oldest ? time : oldest;
        }

        IReadOnlyList<string>? dependencies = null;
        if (_dependencyDirectory is not null)
        {
            string dependencyFile = DependencyFiles.PathFor(_dependencyDirectory, source);
            dependencies = DependencyFiles.ReadInputs(dependencyFile);
            if (dependencies is null)
            {
                // A compile that was stopped between placing outputs and writing this file left outputs whose inputs are unknown.
                return $"its dependency file '{dependencyFile}' is missing or unreadable";
            }
        }

        IEnumerable<string> inputs = dependencies is null ? new[] { source } : dependencies.Prepend(source);
        foreach (string input in inputs)
        {
            if (Time(input, times) is not { } time)
            {
                return $"input '{input}' does not exist";
            }

            if (time > oldest)
            {
                return $"input '{input}' is newer than its outputs";
            }

            if (IsSuperseded(input))
            {
                return $"it was compiled against '{input}', which is now read through a staged copy with another C# namespace";
            }
        }

        return additional > oldest ? $"project file '{newestAdditional}' is newer than its outputs" : null;
    }

    private bool IsSuperseded(string input)
    {
        if (_superseded.Count == 0)
        {
            return false;
        }

        if (!_supersededBySpelling.TryGetValue(input, out bool superseded))
        {
            superseded = _superseded.Contains(Path.GetFullPath(Resolve(input)));
            _supersededBySpelling.Add(input, superseded);
        }

        return superseded;
    }

    private DateTime? Newest(IEnumerable<string> files, Dictionary<string, DateTime?> times, out string? newestFile)
    {
        DateTime? newest = null;
        newestFile = null;
        foreach (string file in files)
        {
            if (Time(file, times) is { } time && (newest is null || time > newest))
            {
                newest = time;
                newestFile = file;
            }
        }

        return newest;
    }

    /// <summary>The file's last write time (UTC), read once per spelling of its path; null when it does not exist.</summary>
    private DateTime? Time(string path, Dictionary<string, DateTime?> times)
    {
        if (!times.TryGetValue(path, out DateTime? time))
        {
            var file = new FileInfo(Resolve(path));
            time = file.Exists ? file.LastWriteTimeUtc : null;
            times.Add(path, time);
        }

        return time;
    }

    private string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(ProjectDirectory, path);
}
