using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Google.Protobuf.Reflection;
using Microsoft.Build.Framework;
using ProtoGen.Breaking.Baseline;
using ProtoGen.Breaking.Config;
using ProtoGen.Breaking.Diagnostics;
using ProtoGen.Breaking.Engine;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Shared;

namespace ProtoGen.Breaking.Tasks;

/// <summary>
/// The inputs the check and the suppressions writer share, and the run itself; the sealed tasks only decide what
/// to do with the outcome. See docs/breaking-changes.md for what the targets pass.
/// </summary>
public abstract class BreakingTaskBase : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private volatile bool _canceled;
    private Action? _cancel;

    /// <summary>
    /// The descriptor sets protoc wrote for the workspace's protos (<c>--descriptor_set_out</c> with
    /// <c>--include_source_info</c> and <c>--include_imports</c>), as compiled: ProtoGen's staged copies for mapped
    /// protos. One set, or one per protoc run; together they hold every workspace proto.
    /// </summary>
    [Required]
    public ITaskItem[] CurrentDescriptorSets { get; set; } = [];

    /// <summary>
    /// The workspace's protos (the files checked; every other file of the set is an import). Item spec: where
    /// findings are reported; <c>ProtoGenLogicalPath</c> (or <c>ProtoRoot</c>): the proto's name in the descriptor set.
    /// </summary>
    [Required]
    public ITaskItem[] CurrentProtos { get; set; } = [];

    /// <summary>The baseline: a directory of protos, a baseline file, or <c>PackageId@Version</c> (a ProtoGen-packed package); empty is PGB3111.</summary>
    public string Against { get; set; } = string.Empty;

    /// <summary><c>Directory</c>, <c>File</c> or empty (decided from <see cref="Against"/>).</summary>
    public string? AgainstKind { get; set; }

    /// <summary>protoc, to compile a baseline directory (Grpc.Tools' <c>$(Protobuf_ProtocFullPath)</c>).</summary>
    public string? ProtocPath { get; set; }

    /// <summary>
    /// Import directories for a baseline directory's imports that it does not hold, in search order, as the workspace
    /// is compiled with them (its items' <c>AdditionalImportDirs</c>, the well-known types, what references and
    /// packages export): protoc <c>--proto_path</c> values, <c>dir</c> or <c>prefix=dir</c>, relative ones against
    /// <see cref="ProjectDirectory"/>. An item may hold a whole <c>;</c> list (a task's output property passed on
    /// escaped, such as <c>$(_ProtoGenBaselineImportDirs)</c>): it is split.
    /// </summary>
    public ITaskItem[] ImportDirectories { get; set; } = [];

    /// <summary>How long the baseline directory's protoc run may take, in seconds (<c>$(ProtoGenProtocTimeout)</c>); 0 for no limit. Longer is PGB3116.</summary>
    public int TimeoutSeconds { get; set; } = 600;

    /// <summary>Where a baseline directory's descriptor set is written (under <c>$(IntermediateOutputPath)</c>).</summary>
    public string? IntermediateDirectory { get; set; }

    /// <summary><c>ProtoGenBreakingRules</c>: rule IDs and categories to use (';'-separated); wins over buf.yaml <c>use</c>.</summary>
    public string? Rules { get; set; }

    /// <summary><c>ProtoGenBreakingExcept</c>: rule IDs and categories to leave out; wins over buf.yaml <c>except</c>.</summary>
    public string? Except { get; set; }

    /// <summary><c>true</c> or <c>false</c> wins over buf.yaml <c>ignore_unstable_packages</c>; empty leaves it.</summary>
    public string? IgnoreUnstablePackages { get; set; }

    /// <summary>
    /// <c>ProtoGenClientWrapperOverloads</c>: <c>Minimal</c> (empty: the default) or <c>All</c>, the client wrapper
    /// members whose loss the CSHARP rules report.
    /// </summary>
    public string? ClientWrapperOverloads { get; set; }

    /// <summary>buf.yaml files to honour (at the project directory, at each ProtoRoot).</summary>
    public ITaskItem[] BufConfigFiles { get; set; } = [];

    /// <summary>The suppressions file (read; the writer task writes it).</summary>
    public string? SuppressionsFile { get; set; }

    /// <summary>The NuGet packages folder (<c>$(NuGetPackageRoot)</c>), where a package baseline is restored (a PackageDownload).</summary>
    public string? PackageRoot { get; set; }

    /// <summary>The project's directory: its buf.yaml covers protos outside every other buf.yaml.</summary>
    public string? ProjectDirectory { get; set; }

    /// <inheritdoc/>
    public void Cancel()
    {
        _canceled = true;
        _cancel?.Invoke();
    }

    /// <summary>Runs the check and logs every problem with the input; null when the check could not run.</summary>
    internal BreakingOutcome? RunCheck()
    {
        if (!ProtobufRuntimeIsOurs())
        {
            return null;
        }

        return RunWithProtobuf();
    }

    /// <summary>The request the parameters describe, or null after logging an invalid value.</summary>
    internal BreakingRequest? Request()
    {
        if (string.IsNullOrWhiteSpace(Against))
        {
            Log.Report(new BuildDiagnostic(BreakingDiagnostics.InvalidParameter,
                "Set ProtoGenBreakingAgainst to the baseline to compare with: a directory of protos, a baseline file written by -t:ProtoGenWriteBaseline, or PackageId@Version (docs/breaking-changes.md).", ProjectFile));
            return null;
        }

        BaselineKind kind = BaselineKind.Auto;
        if (!string.IsNullOrEmpty(AgainstKind) && !Enum.TryParse(AgainstKind, ignoreCase: true, out kind))
        {
            Log.Report(new BuildDiagnostic(BreakingDiagnostics.InvalidParameter, $"AgainstKind '{AgainstKind}' is none of Directory, File, Package.", ProjectFile));
            return null;
        }

        bool? unstable = null;
        if (!string.IsNullOrWhiteSpace(IgnoreUnstablePackages))
        {
            if (!bool.TryParse(IgnoreUnstablePackages!.Trim(), out bool value))
            {
                Log.Report(new BuildDiagnostic(BreakingDiagnostics.InvalidParameter, $"ProtoGenBreakingIgnoreUnstablePackages '{IgnoreUnstablePackages}' is neither true nor false.", ProjectFile));
                return null;
            }

            unstable = value;
        }

        if (!WrapperNaming.TryParseOverloads(ClientWrapperOverloads, out WrapperOverloads overloads))
        {
            Log.Report(new BuildDiagnostic(BreakingDiagnostics.InvalidParameter, $"{WrapperNaming.OverloadsProperty} '{ClientWrapperOverloads}' is neither Minimal nor All.", ProjectFile));
            return null;
        }

        string projectDirectory = ProjectDirectory is { Length: > 0 } p ? Path.GetFullPath(p) : Path.GetDirectoryName(Path.GetFullPath(ProjectFile)) ?? ".";
        string work = IntermediateDirectory is { Length: > 0 } i ? Path.GetFullPath(Path.Combine(projectDirectory, i)) : Path.Combine(Path.GetTempPath(), "protogen-breaking", Guid.NewGuid().ToString("N"));
        return new BreakingRequest(
            [.. CurrentDescriptorSets.Select(s => Path.GetFullPath(Path.Combine(projectDirectory, s.ItemSpec)))],
            [.. CurrentProtos.Select(item => BreakingItems.Proto(item, projectDirectory))],
            Path.GetFullPath(Path.Combine(projectDirectory, Against)),
            kind,
            ProtocPath,
            [.. ImportDirectories.SelectMany(d => BreakingItems.List(d.ItemSpec, ';') ?? []).Select(d => DirectoryBaseline.ResolveImportDirectory(d, projectDirectory))],
            work,
            new BreakingSettings(BreakingItems.List(Rules), BreakingItems.List(Except), unstable, overloads),
            [.. BufConfigFiles.Select(f => Path.GetFullPath(Path.Combine(projectDirectory, f.ItemSpec)))],
            SuppressionsFile is { Length: > 0 } s ? Path.GetFullPath(Path.Combine(projectDirectory, s)) : null,
            projectDirectory,
            ProjectFile,
            PackageRoot is { Length: > 0 } packages ? Path.GetFullPath(packages) : null,
            TimeoutSeconds > 0 ? TimeSpan.FromSeconds(TimeoutSeconds) : null);
    }

    private string ProjectFile => BuildEngine?.ProjectFileOfTaskNode ?? string.Empty;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private BreakingOutcome? RunWithProtobuf()
    {
        if (Request() is not { } request)
        {
            return null;
        }

        using var cancellation = new CancellationTokenSource();
        _cancel = cancellation.Cancel;
        if (_canceled)
        {
            return null;
        }

        try
        {
            BreakingOutcome outcome = BreakingRun.Run(request, cancellation.Token);
            Log.Report(outcome.Diagnostics);
            return outcome;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        finally
        {
            _cancel = null;
        }
    }

    /// <summary>
    /// On .NET Framework MSBuild every task shares one AppDomain: if another task loaded an older Google.Protobuf
    /// first, this task runs on it and may fail in obscure ways. Say so, with the fix, instead.
    /// </summary>
    private bool ProtobufRuntimeIsOurs()
    {
        string loaded = typeof(FileDescriptorSet).Assembly.Location;
        string beside = Path.Combine(Path.GetDirectoryName(typeof(BreakingTaskBase).Assembly.Location) ?? ".", "Google.Protobuf.dll");
        if (loaded.Length == 0 || !File.Exists(beside) || string.Equals(Path.GetFullPath(loaded), Path.GetFullPath(beside), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        Version? ours = FileVersion(beside);
        Version? theirs = FileVersion(loaded);
        if (ours is null || theirs is null || theirs >= ours)
        {
            return true;
        }

        Log.Report(new BuildDiagnostic(BreakingDiagnostics.WrongProtobufRuntime,
            $"The breaking-change check needs Google.Protobuf {ours} but this MSBuild node already loaded {theirs} from '{loaded}'. Run the task out of process (TaskFactory=\"TaskHostFactory\"), as ProtoGen's targets do on .NET Framework MSBuild.", ProjectFile));
        return false;
    }

    private static Version? FileVersion(string path)
    {
        string? text = FileVersionInfo.GetVersionInfo(path).FileVersion;
        return text is not null && Version.TryParse(text.Split(' ')[0], out Version? version) ? version : null;
    }
}
