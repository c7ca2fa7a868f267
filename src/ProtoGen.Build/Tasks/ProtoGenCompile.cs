using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.IO;
using ProtoGen.Build.Protoc;
using GrpcTools = ProtoGen.Build.Tasks.MetadataNames.GrpcTools;

namespace ProtoGen.Build.Tasks;

/// <summary>
/// Compiles the workspace's out-of-date protos with as few protoc runs as their options allow (one per group of equal
/// options, split only where two outputs would share a file name), instead of Grpc.Tools' one run per proto. Runs go in
/// parallel, each into a scratch folder; a successful run's outputs are then moved to the paths Grpc.Tools predicted,
/// and a dependency file per proto is written from the run's descriptor set, so the up-to-date check stays exact file
/// by file. protoc's messages are reported with codes at the original protos. A run is killed when the build is
/// cancelled or when it outlives <see cref="TimeoutSeconds"/>; a failed run writes nothing.
/// </summary>
/// <remarks>
/// With <see cref="Generate"/> false (Grpc.Tools compiles the protos itself), the runs only parse and link, so that
/// errors get their codes and original positions before Grpc.Tools runs protoc; <see cref="StampPath"/> is then written
/// when all succeed.
/// </remarks>
public sealed class ProtoGenCompile : Task, ICancelableTask, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The protos to compile, with their compile options (Grpc.Tools' <c>Protobuf_Compile</c> items, as the workspace prepared them).</summary>
    [Required]
    public ITaskItem[] Protobuf { get; set; } = [];

    /// <summary>Their predicted outputs, each with the <c>Source</c> it comes from.</summary>
    public ITaskItem[] ExpectedOutputs { get; set; } = [];

    /// <summary>Every staged copy of the workspace, compiled or import-only, so that messages about any of them point at its original.</summary>
    public ITaskItem[] StagedProtobuf { get; set; } = [];

    /// <summary>The workspace's import directories, ';'-separated, searched before an item's own and the standard ones.</summary>
    public string WorkspaceImportDirs { get; set; } = string.Empty;

    /// <summary>The standard import directories (<c>$(Protobuf_StandardImportsPath)</c>, a ';' list).</summary>
    public string StandardImportsPath { get; set; } = string.Empty;

    /// <summary>protoc's full path.</summary>
    [Required]
    public string ProtocPath { get; set; } = string.Empty;

    /// <summary>Where the dependency files go (<c>$(Protobuf_DepFilesPath)</c>), relative to the project or full.</summary>
    public string DependencyDirectory { get; set; } = string.Empty;

    /// <summary>Outputs under this folder (<c>$(BaseIntermediateOutputPath)</c>) that protoc did not write are created empty; others are left to Grpc.Tools (see <see cref="ExpectedNotGenerated"/>).</summary>
    public string IntermediateDirectory { get; set; } = string.Empty;

    /// <summary>A folder ProtoGen owns for scratch output and response files.</summary>
    [Required]
    public string WorkDirectory { get; set; } = string.Empty;

    /// <summary>The directory protoc runs in; relative paths are resolved against it.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>False for check runs that generate nothing.</summary>
    public bool Generate { get; set; } = true;

    /// <summary>Written when every check run succeeds (with <see cref="Generate"/> false); deleted when one fails.</summary>
    public string StampPath { get; set; } = string.Empty;

    /// <summary>
    /// With <see cref="Generate"/> false: where to write the descriptor set of every compiled proto and its imports, with
    /// source info (the breaking-change check's current side); written only when every run succeeds, deleted otherwise.
    /// </summary>
    public string DescriptorSetOut { get; set; } = string.Empty;

    /// <summary>How long one protoc run may take, in seconds; 0 for no limit (<c>$(ProtoGenProtocTimeout)</c>).</summary>
    public int TimeoutSeconds { get; set; } = 600;

    /// <summary>The files written, for <c>FileWrites</c>.</summary>
    [Output]
    public ITaskItem[] Written { get; private set; } = [];

    /// <summary>Predicted outputs outside <see cref="IntermediateDirectory"/> that protoc did not write, for Grpc.Tools' <c>Protobuf_ExpectedNotGenerated</c>.</summary>
    [Output]
    public ITaskItem[] ExpectedNotGenerated { get; private set; } = [];

    /// <summary>A run: its protos, its layout and, once it ran, its result.</summary>
    private sealed record Run(int Index, IReadOnlyList<ITaskItem> Items, ProtocRunLayout Layout, List<string> ImportDirs, List<string> Arguments)
    {
        public ProtocResult? Result { get; set; }

        public Exception? StartFailure { get; set; }
    }

    /// <inheritdoc />
    public void Cancel() => _cancellation.Cancel();

    /// <inheritdoc />
    public void Dispose() => _cancellation.Dispose();

    /// <inheritdoc />
    public override bool Execute()
    {
        string? dependencyDirectory = DependencyDirectory.Length == 0 ? null : Path.Combine(ProjectDirectory, DependencyDirectory);
        ILookup<string, string> outputs = ExpectedOutputs.ToLookup(o => o.GetMetadata(GrpcTools.Source), o => o.ItemSpec, StringComparer.Ordinal);
        List<Run> runs = PlanRuns(outputs);
        if (runs.Count == 0)
        {
            return true;
        }

        if (!runs.All(run => Log.TryFileAccess($"prepare protoc's output folder '{run.Layout.OutputDirectory}'", run.Layout.OutputDirectory, () => Prepare(run))))
        {
            return false;
        }

        Execute(runs);

        var generated = new List<ITaskItem>();
        var notGenerated = new List<ITaskItem>();
        var mapping = new Lazy<List<StagedFile>>(() => StagedProtobuf.Select(ToStagedFile).ToList());
        foreach (Run run in runs)
        {
            if (Report(run, mapping) && Generate)
            {
                // A failure here leaves the run's protos without dependency files, so the next build compiles them again.
                Log.TryFileAccess($"place the outputs of protoc run {run.Index + 1} ({string.Join(", ", run.Items.Take(3).Select(i => i.GetMetadata(MetadataNames.LogicalPath)))}{(run.Items.Count > 3 ? ", …" : string.Empty)})", OriginalOf(run.Items[0]),
                    () => Finish(run, outputs, dependencyDirectory, generated, notGenerated));
            }
        }

        bool succeeded = !Log.HasLoggedErrors && !_cancellation.IsCancellationRequested;
        if (!Generate && StampPath.Length > 0)
        {
            Log.TryFileAccess($"write '{StampPath}'", StampPath, () =>
            {
                if (succeeded)
                {
                    FileWriter.WriteStamp(StampPath, string.Empty);
                    generated.Add(new TaskItem(StampPath));
                }
                else
                {
                    FileWriter.DeleteIfExists(StampPath);
                }
            });
        }

        if (!Generate && DescriptorSetOut.Length > 0)
        {
            Log.TryFileAccess($"write the workspace's descriptor set '{DescriptorSetOut}'", DescriptorSetOut, () =>
            {
                if (succeeded)
                {
                    // A descriptor set is a repeated field: the runs' sets, one after the other, are one set.
                    FileWriter.WriteAtomically(DescriptorSetOut, [.. runs.SelectMany(r => File.ReadAllBytes(r.Layout.DescriptorSet))]);
                    generated.Add(new TaskItem(DescriptorSetOut));
                }
                else
                {
                    FileWriter.DeleteIfExists(DescriptorSetOut);
                }
            });
        }

        Written = [.. generated];
        ExpectedNotGenerated = [.. notGenerated];
        return !Log.HasLoggedErrors && !_cancellation.IsCancellationRequested;
    }

    private List<Run> PlanRuns(ILookup<string, string> outputs)
    {
        // Outputs go to a folder per C# namespace: only protos with one namespace and one output name need other runs.
        // Where an item's own options set the folders, any two outputs of one name do.
        IReadOnlyList<IReadOnlyList<ITaskItem>> groups = BatchPlanner.Plan(
            Protobuf,
            item => ProtocOptions.BatchKey(item) + (OwnRun(item) ? "\n" + Source(item) : string.Empty),
            item => outputs[Source(item)].Select(Path.GetFileName).OfType<string>()
                .Select(name => ProtocOptions.SetsOutputFolders(item) ? name : item.GetMetadata(MetadataNames.CSharpNamespace) + "/" + name));
        string[] workspace = MSBuildLists.Split(WorkspaceImportDirs).ToArray();
        string[] standard = MSBuildLists.Split(StandardImportsPath).ToArray();
        var runs = new List<Run>();
        foreach (IReadOnlyList<ITaskItem> items in groups)
        {
            int index = runs.Count;
            string scratch = Path.Combine(WorkDirectory, index.ToString(CultureInfo.InvariantCulture));
            bool ownRun = OwnRun(items[0]);
            string? dependencyOut = ownRun && DependencyDirectory.Length > 0
                ? DependencyFiles.PathFor(Path.Combine(ProjectDirectory, DependencyDirectory), Source(items[0]))
                : null;
            var layout = new ProtocRunLayout(scratch, Path.Combine(scratch, "descriptors.protoset"), workspace, standard, Generate, DescriptorSetOut.Length > 0, ownRun, dependencyOut);
            var inputs = items.Select(i => Path.GetFullPath(Path.Combine(ProjectDirectory, Source(i))));
            runs.Add(new Run(index, items, layout, ProtocOptions.ImportDirectories(items[0], layout), ProtocOptions.Arguments(items[0], layout, inputs)));
        }

        return runs;
    }

    /// <summary>An empty output folder for the run, and the folder of protoc's dependency file when it writes one.</summary>
    private static void Prepare(Run run)
    {
        if (Directory.Exists(run.Layout.OutputDirectory))
        {
            Directory.Delete(run.Layout.OutputDirectory, recursive: true);
        }

        Directory.CreateDirectory(run.Layout.OutputDirectory);
        if (run.Layout.DependencyOut is { } dependencyFile)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dependencyFile)!);
        }
    }

    /// <summary>Runs protoc for every run, as many at once as there are processors.</summary>
    private void Execute(List<Run> runs)
    {
        TimeSpan timeout = TimeoutSeconds > 0 ? TimeSpan.FromSeconds(TimeoutSeconds) : Timeout.InfiniteTimeSpan;
        foreach (Run run in runs)
        {
            Log.LogMessage(MessageImportance.Normal, "ProtoGen: protoc run {0} of {1} {2} {3} proto(s): {4}", run.Index + 1, runs.Count, Generate ? "compiles" : "checks", run.Items.Count, string.Join(" ", run.Items.Select(i => i.GetMetadata(MetadataNames.LogicalPath))));
            Log.LogMessage(MessageImportance.Normal, "ProtoGen: protoc command: {0} {1}", ProtocPath, string.Join(" ", run.Arguments));
        }

        using var slots = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount));
        System.Threading.Tasks.Task[] started = runs.Select(run => System.Threading.Tasks.Task.Run(() =>
        {
            slots.Wait(_cancellation.Token);
            try
            {
                string responseFile = Path.Combine(WorkDirectory, "protoc" + run.Index.ToString(CultureInfo.InvariantCulture) + ".rsp");
                run.Result = ProtocRunner.Run(ProtocPath, run.Arguments, responseFile, ProjectDirectory, timeout, _cancellation.Token);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
            {
                run.StartFailure = e;
            }
            finally
            {
                slots.Release();
            }
        })).ToArray();

        try
        {
            System.Threading.Tasks.Task.WaitAll(started);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OperationCanceledException))
        {
            // Cancelled before every run could start: those runs have no result.
        }
    }

    /// <summary>Reports the run's messages at the original protos; true when it succeeded.</summary>
    private bool Report(Run run, Lazy<List<StagedFile>> staged)
    {
        if (run.StartFailure is { } failure)
        {
            Log.Report(new BuildDiagnostic(BuildDiagnostics.ProtocFailed, $"Could not run protoc '{ProtocPath}': {failure.Message}", string.Empty));
            return false;
        }

        if (run.Result is not { } result || result.Outcome == ProtocOutcome.Cancelled)
        {
            Log.LogMessage(MessageImportance.Normal, "ProtoGen: protoc run {0} was cancelled; it wrote nothing.", run.Index + 1);
            return false;
        }

        if (result.Outcome == ProtocOutcome.TimedOut)
        {
            Log.Report(new BuildDiagnostic(
                BuildDiagnostics.ProtocTimedOut,
                $"protoc ran longer than {TimeoutSeconds} s compiling {run.Items.Count} proto(s) ({string.Join(", ", run.Items.Take(3).Select(i => i.GetMetadata(MetadataNames.LogicalPath)))}{(run.Items.Count > 3 ? ", …" : string.Empty)}) and was stopped; nothing was written. Raise $(ProtoGenProtocTimeout) (seconds, 0 for no limit) if the protos need longer.",
                string.Empty));
            return false;
        }

        if (result.Output.Trim().Length > 0 || result.ExitCode != 0)
        {
            var mapper = new ProtocDiagnosticMapper(run.Items.Select(ToStagedFile).Concat(staged.Value), run.ImportDirs, ProjectDirectory);
            Log.Report(mapper.Map(ProtocOutputParser.Parse(result.Output), result.ExitCode));
        }

        return result.ExitCode == 0;
    }

    /// <summary>Moves a successful run's outputs into place and writes each proto's dependency file.</summary>
    private void Finish(Run run, ILookup<string, string> outputs, string? dependencyDirectory, List<ITaskItem> generated, List<ITaskItem> notGenerated)
    {
        if (dependencyDirectory is not null)
        {
            Directory.CreateDirectory(dependencyDirectory);
        }

        // A run of its own has protoc's dependency file, and no descriptor set of ProtoGen's.
        bool fromDescriptors = !run.Layout.RunOfItsOwn;
        Dictionary<string, IReadOnlyList<string>> imports = fromDescriptors
            ? DescriptorSetReader.Read(File.ReadAllBytes(run.Layout.DescriptorSet)).ToDictionary(f => f.Name, f => f.Dependencies, StringComparer.Ordinal)
            : [];
        var resolver = new ImportResolver(run.ImportDirs, ProjectDirectory);
        ILookup<string, string> written = GeneratedFiles.BySource(run.Layout.OutputDirectory);
        string projectRoot = Path.GetFullPath(ProjectDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        string intermediate = IntermediateDirectory.Length == 0 ? string.Empty : Path.GetFullPath(Path.Combine(ProjectDirectory, IntermediateDirectory));
        foreach (ITaskItem item in run.Items)
        {
            string[] itemOutputs = outputs[Source(item)].ToArray();
            string[] producedFiles = written[item.GetMetadata(MetadataNames.LogicalPath)].ToArray();
            foreach (string output in itemOutputs)
            {
                string? produced = GeneratedFiles.Match(producedFiles, Path.GetFileName(output));
                if (Place(produced, output, intermediate))
                {
                    generated.Add(new TaskItem(output));
                }
                else
                {
                    notGenerated.Add(new TaskItem(output, new Dictionary<string, string> { [GrpcTools.Source] = Source(item) }));
                }
            }

            if (dependencyDirectory is null || !fromDescriptors)
            {
                continue; // Grpc.Tools writes none either ($(Protobuf_DepFilesPath) is empty), or protoc wrote it.
            }

            List<string> inputs = Dependencies(item, imports, resolver);
            File.WriteAllText(
                DependencyFiles.PathFor(dependencyDirectory, Source(item)),
                DependencyFiles.Format(itemOutputs, inputs.Select(input => RelativeTo(projectRoot, input)).ToList()));
        }
    }

    /// <summary>
    /// Moves <paramref name="produced"/>, the scratch file protoc wrote for <paramref name="output"/>, to it. An output
    /// protoc did not write (a gRPC file for a proto with no service) is created empty under the intermediate folder, as
    /// Grpc.Tools does; elsewhere it is left to Grpc.Tools' own rule, and false is returned.
    /// </summary>
    private bool Place(string? produced, string output, string intermediate)
    {
        string target = Path.GetFullPath(Path.Combine(ProjectDirectory, output));
        if (produced is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            FileWriter.Replace(produced, target);
            return true;
        }

        if (intermediate.Length > 0 && !target.StartsWith(intermediate, FileSystemCase.Comparison))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, []);
        return true;
    }

    /// <summary>The proto itself and every file it imports, directly or not, as protoc's <c>--dependency_out</c> lists them.</summary>
    private static List<string> Dependencies(ITaskItem item, Dictionary<string, IReadOnlyList<string>> imports, ImportResolver resolver)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(item.GetMetadata(MetadataNames.LogicalPath));
        var inputs = new List<string> { Source(item) };
        while (pending.Count > 0)
        {
            string name = pending.Pop();
            if (!seen.Add(name) || !imports.TryGetValue(name, out IReadOnlyList<string>? dependencies))
            {
                continue;
            }

            foreach (string dependency in dependencies.Where(d => !seen.Contains(d)))
            {
                pending.Push(dependency);
                if (resolver.Resolve(dependency) is { } path && !inputs.Contains(path, StringComparer.Ordinal))
                {
                    inputs.Add(path);
                }
            }
        }

        return inputs;
    }

    /// <summary>
    /// A path under the project directory (<paramref name="root"/>, full, with a final separator) relative to it,
    /// as protoc writes them for Grpc.Tools, which resolves them against the project. At 1,000 protos this halves
    /// what is read in every build.
    /// </summary>
    private static string RelativeTo(string root, string path)
    {
        string full = Path.GetFullPath(Path.Combine(root, path));
        return full.StartsWith(root, FileSystemCase.Comparison) ? full.Substring(root.Length) : path;
    }

    /// <summary>The proto as the user wrote it (not its staged copy), full.</summary>
    private string OriginalOf(ITaskItem item) =>
        item.GetMetadata(MetadataNames.OriginalPath) is { Length: > 0 } original ? original : Path.GetFullPath(Path.Combine(ProjectDirectory, Source(item)));

    private StagedFile ToStagedFile(ITaskItem item)
    {
        string compiled = Path.GetFullPath(Path.Combine(ProjectDirectory, Source(item)));
        string original = OriginalOf(item);
        string text = File.Exists(original) ? File.ReadAllText(original) : string.Empty;
        return StagedFile.FromOriginal(compiled, item.GetMetadata(MetadataNames.LogicalPath), original, text);
    }

    private static string Source(ITaskItem item) => ProtobufItems.Source(item);

    /// <summary>Whether the item's own arguments need a run of one proto (<see cref="ProtocOptions.NeedsRunOfItsOwn"/>); a check run writes nothing of them.</summary>
    private bool OwnRun(ITaskItem item) => Generate && ProtocOptions.NeedsRunOfItsOwn(item);
}
