using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.IO;
using ProtoGen.Build.Limits;

namespace ProtoGen.Build.Tasks;

/// <summary>
/// Estimates how much of the CLR's 16 MB user-string heap the project's generated code needs (<see cref="UserStringEstimate"/>)
/// and warns from <see cref="WarningPercent"/> of it (PGB2008), or fails at the limit (PGB1021), before the C# compiler
/// reports one CS8103 for each literal past it. Every generated file the project compiles counts, whenever it was
/// generated; each is read once, up to the end of its descriptor, and then known from <see cref="CachePath"/> by its
/// write time and length.
/// </summary>
public sealed class ProtoGenCheckUserStrings : Task
{
    /// <summary>The generated files: Grpc.Tools' <c>Protobuf_ExpectedOutputs</c>.</summary>
    public ITaskItem[] GeneratedFiles { get; set; } = [];

    /// <summary>The files the C# compiler compiles (<c>@(Compile)</c>): a generated file counts only when it is one of them.</summary>
    public ITaskItem[] CompileFiles { get; set; } = [];

    /// <summary>The project directory, against which relative paths are resolved.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The project file, where the diagnostic is reported.</summary>
    public string ProjectFile { get; set; } = string.Empty;

    /// <summary>What each generated file puts on the heap (<see cref="UserStringCache"/>). Optional.</summary>
    public string CachePath { get; set; } = string.Empty;

    /// <summary>The share of the limit, in percent, from which PGB2008 warns (<c>$(ProtoGenUserStringsWarningPercent)</c>).</summary>
    public int WarningPercent { get; set; } = UserStringEstimate.DefaultWarningPercent;

    /// <summary>The estimated heap bytes of the project's generated code.</summary>
    [Output]
    public long EstimatedBytes { get; private set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        var compiled = new HashSet<string>(CompileFiles.Select(c => Full(c.ItemSpec)), FileSystemCase.Comparer);
        string[] generated = [.. GeneratedFiles.Select(g => Full(g.ItemSpec)).Where(compiled.Contains).Distinct(FileSystemCase.Comparer)];
        var cache = UserStringCache.Load(CachePath);
        var files = new List<GeneratedFileStrings>();
        foreach (string file in generated)
        {
            Log.TryFileAccess($"read the generated file '{file}'", file, () =>
            {
                if (cache.Get(file) is { } strings)
                {
                    files.Add(strings);
                }
            });
        }

        Log.TryFileAccess($"write the user-string cache '{CachePath}'", CachePath, () => cache.Save(CachePath));
        var estimate = new UserStringEstimate(files, WarningPercent);
        EstimatedBytes = estimate.Bytes;
        Log.LogMessage(MessageImportance.Normal, "ProtoGen: the generated code's descriptors need an estimated {0} bytes of the {1}-byte user-string heap ({2:0.0} %).", estimate.Bytes, UserStringHeap.Limit, estimate.Share * 100);
        if (estimate.Diagnose(ProjectFile) is { } diagnostic)
        {
            Log.Report(diagnostic);
        }

        return !Log.HasLoggedErrors;
    }

    private string Full(string path) => Path.GetFullPath(Path.Combine(ProjectDirectory, path));
}
