using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Protoc;

namespace ProtoGen.Build.Tasks;

/// <summary>
/// Grpc.Tools' up-to-date check and its "add the outputs to <c>Compile</c>" step, for the staged protos that
/// <see cref="ProtoGenCompileBatched"/> compiles, in one pass. A proto is out of date when one of its predicted
/// outputs is missing, or when the proto, a file its dependency file (<c>*.protodep</c>) lists, or a project file
/// is newer than its oldest output: the rule of Grpc.Tools' <c>_Protobuf_GatherStaleBatched</c>, which MSBuild
/// evaluates as one target batch per proto over every dependency as an item (about 100,000 items at 1,000 protos
/// of the bench layout). Here each file's time is read once.
/// </summary>
public sealed class ProtoGenFindOutOfDate : Task
{
    /// <summary>The staged protos, as Grpc.Tools' <c>ProtoCompilerOutputs</c> patched them.</summary>
    [Required]
    public ITaskItem[] Protobuf { get; set; } = [];

    /// <summary>Their predicted outputs, each with the Source it comes from.</summary>
    [Required]
    public ITaskItem[] ExpectedOutputs { get; set; } = [];

    /// <summary>Where the dependency files are (<c>$(Protobuf_DepFilesPath)</c>), relative to the project or full.</summary>
    public string DependencyDirectory { get; set; } = string.Empty;

    /// <summary>Files every proto depends on, as Grpc.Tools counts <c>$(MSBuildAllProjects)</c>.</summary>
    public ITaskItem[] AdditionalInputs { get; set; } = [];

    /// <summary>The directory relative paths are resolved against.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>False when nothing will be compiled (a design-time build with proto compiling off): only <see cref="CompileOutputs"/> is computed.</summary>
    public bool FindOutOfDate { get; set; } = true;

    /// <summary>The out-of-date protos, in input order.</summary>
    [Output]
    public ITaskItem[] OutOfDate { get; private set; } = [];

    /// <summary>The predicted outputs of the protos whose <c>CompileOutputs</c> is true, once each, for <c>Compile</c>.</summary>
    [Output]
    public ITaskItem[] CompileOutputs { get; private set; } = [];

    /// <summary>The dependency files' folder, resolved against the project, or null without one; set by <see cref="Execute"/>.</summary>
    private string? _dependencyDirectory;

    /// <inheritdoc />
    public override bool Execute()
    {
        _dependencyDirectory = DependencyDirectory.Length == 0 ? null : Resolve(DependencyDirectory);
        ILookup<string, ITaskItem> outputs = ExpectedOutputs.ToLookup(o => o.GetMetadata(MetadataNames.Source), StringComparer.Ordinal);
        var times = new Dictionary<string, DateTime?>(StringComparer.Ordinal);
        DateTime? additional = Newest(AdditionalInputs.Select(i => i.ItemSpec), times, out string? newestAdditional);
        var stale = new List<ITaskItem>();
        var compile = new List<ITaskItem>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (ITaskItem item in Protobuf)
        {
            string source = ProtobufItems.Source(item);
            ITaskItem[] itemOutputs = outputs[source].ToArray();
            if (!string.Equals(item.GetMetadata("CompileOutputs"), "false", StringComparison.OrdinalIgnoreCase))
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
            Log.LogMessage(MessageImportance.Normal, "ProtoGen: {0} of {1} staged proto(s) out of date.", stale.Count, Protobuf.Length);
        }

        OutOfDate = [.. stale];
        CompileOutputs = [.. compile];
        return !Log.HasLoggedErrors;
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

        IReadOnlyList<string>? dependencies = _dependencyDirectory is null
            ? null
            : DependencyFiles.ReadInputs(DependencyFiles.PathFor(_dependencyDirectory, source));
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
        }

        return additional > oldest ? $"project file '{newestAdditional}' is newer than its outputs" : null;
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
