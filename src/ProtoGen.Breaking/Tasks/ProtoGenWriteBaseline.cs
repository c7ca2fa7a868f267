using System;
using System.IO;
using System.Linq;
using Google.Protobuf.Reflection;
using Microsoft.Build.Framework;
using ProtoGen.Breaking.Baseline;
using ProtoGen.Breaking.Diagnostics;
using ProtoGen.Build.Diagnostics;

namespace ProtoGen.Breaking.Tasks;

/// <summary>
/// Writes the baseline file of the workspace for <c>-t:ProtoGenWriteBaseline</c>: the workspace's protos from the
/// current descriptor set (source info kept, imports left out) with ProtoGen's marker. Rewrites it only when its
/// bytes change.
/// </summary>
public sealed class ProtoGenWriteBaseline : Microsoft.Build.Utilities.Task
{
    /// <summary>As <see cref="BreakingTaskBase.CurrentDescriptorSets"/>.</summary>
    [Required]
    public ITaskItem[] CurrentDescriptorSets { get; set; } = [];

    /// <summary>As <see cref="BreakingTaskBase.CurrentProtos"/>: the files the baseline keeps.</summary>
    [Required]
    public ITaskItem[] CurrentProtos { get; set; } = [];

    /// <summary>The baseline file to write (default name <c>ProtoGen.baseline.binpb</c>, next to the project).</summary>
    [Required]
    public string OutputFile { get; set; } = string.Empty;

    /// <summary>The project's directory, against which relative paths resolve.</summary>
    public string? ProjectDirectory { get; set; }

    /// <inheritdoc/>
    public override bool Execute()
    {
        string projectDirectory = ProjectDirectory is { Length: > 0 } p ? Path.GetFullPath(p) : Path.GetDirectoryName(Path.GetFullPath(BuildEngine?.ProjectFileOfTaskNode ?? ".")) ?? ".";
        var set = new FileDescriptorSet();
        var index = new System.Collections.Generic.Dictionary<string, int>(StringComparer.Ordinal);
        foreach (ITaskItem item in CurrentDescriptorSets)
        {
            string path = Path.GetFullPath(Path.Combine(projectDirectory, item.ItemSpec));
            if (DescriptorSets.Load(path, "The current protos' descriptor set", BreakingDiagnostics.CurrentDescriptorsUnreadable, d => Log.Report(d)) is not { } one)
            {
                return false;
            }

            foreach (FileDescriptorProto file in one.File)
            {
                if (!index.TryGetValue(file.Name, out int at))
                {
                    index[file.Name] = set.File.Count;
                    set.File.Add(file);
                }
                else if (set.File[at].SourceCodeInfo is null && file.SourceCodeInfo is not null)
                {
                    set.File[at] = file; // A copy with source info wins over one protoc wrote as an import of another run.
                }
            }
        }

        string setPath = string.Join("', '", CurrentDescriptorSets.Select(s => s.ItemSpec));

        var current = new System.Collections.Generic.HashSet<string>(CurrentProtos.Select(item => BreakingItems.Proto(item, projectDirectory).LogicalPath), StringComparer.Ordinal);
        foreach (string missing in current.Where(c => set.File.All(f => f.Name != c)))
        {
            Log.Report(new BuildDiagnostic(BreakingDiagnostics.CurrentDescriptorsUnreadable, $"Proto '{missing}' is not in the current descriptor set '{setPath}'.", setPath));
        }

        if (Log.HasLoggedErrors)
        {
            return false;
        }

        string output = Path.GetFullPath(Path.Combine(projectDirectory, OutputFile));
        if (BaselineFile.Write(output, BaselineFile.Create(set, current.Contains), d => Log.Report(d)))
        {
            Log.LogMessage(MessageImportance.High, "ProtoGen wrote the breaking-change baseline of {0} proto(s) to {1} (ProtoGen {2}).", current.Count, output, BaselineFile.ProtoGenVersion);
        }

        return !Log.HasLoggedErrors;
    }
}
