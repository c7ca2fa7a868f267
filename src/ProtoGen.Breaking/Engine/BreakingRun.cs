using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProtoGen.Breaking.Acceptance;
using ProtoGen.Breaking.Baseline;
using ProtoGen.Breaking.Config;
using ProtoGen.Breaking.Diagnostics;
using ProtoGen.Breaking.Model;
using ProtoGen.Breaking.Rules;
using ProtoGen.Build.Diagnostics;

namespace ProtoGen.Breaking.Engine;

/// <summary>What a run produced: the check's result (null when the input stopped it) and every problem with the input.</summary>
internal sealed class BreakingOutcome
{
    private readonly Dictionary<string, CurrentProto> _current;

    public BreakingOutcome(BreakingRequest request)
    {
        _current = new Dictionary<string, CurrentProto>(StringComparer.Ordinal);
        foreach (CurrentProto proto in request.CurrentProtos)
        {
            _current[proto.LogicalPath] = proto;
        }
    }

    public CheckResult? Result { get; set; }

    public List<BuildDiagnostic> Diagnostics { get; } = [];

    public List<Suppression> Suppressions { get; } = [];

    /// <summary>The baseline's own files on disk by logical path, when the baseline is a directory (or a package's protos); empty for a baseline file.</summary>
    public IReadOnlyDictionary<string, string> BaselineFiles { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The absolute path on disk of the current proto with <paramref name="logicalPath"/>.</summary>
    public string? DiskPathOf(string logicalPath) => _current.TryGetValue(logicalPath, out CurrentProto? proto) ? proto.DiskPath : null;

    /// <summary>A finding as a build diagnostic: at the current proto as the project names it (or the baseline's file when it is gone), its rule in brackets.</summary>
    public BuildDiagnostic ToDiagnostic(Finding finding, bool asWarning)
    {
        string file = finding.File is { } current && _current.TryGetValue(current.Path, out CurrentProto? proto) ? proto.DisplayPath
            : finding.File is null && finding.AgainstFile is { } gone && BaselineFiles.TryGetValue(gone.Path, out string? disk) ? disk
            : finding.FilePath;
        DiagnosticDescriptor descriptor = RuleCatalog.Find(finding.RuleId)?.Descriptor ?? BreakingDiagnostics.FileLevelBreak;
        if (asWarning)
        {
            descriptor = descriptor with { Severity = DiagnosticSeverity.Warning };
        }

        return new BuildDiagnostic(descriptor, finding.Message + " [" + finding.RuleId + "]", file, finding.Line, finding.Column);
    }
}

/// <summary>
/// A whole check from plain inputs: reads the current descriptor set and the baseline (compiling a baseline
/// directory), the buf.yaml files and the suppressions file, builds the policy and runs the checker. Every problem
/// with the input becomes a coded diagnostic; nothing throws for bad input.
/// </summary>
internal static class BreakingRun
{
    public static BreakingOutcome Run(BreakingRequest request, CancellationToken cancellation = default)
    {
        BaselineKind kind = KindOf(request);
        var early = new List<BuildDiagnostic>();
        string? packageProtos = kind == BaselineKind.Package ? PackageProtos(request, early.Add) : null;
        var outcome = new BreakingOutcome(request);
        List<BuildDiagnostic> diagnostics = outcome.Diagnostics;
        diagnostics.AddRange(early);

        // The two sides load side by side: reading a large descriptor set is most of a check's time.
        var currentDiagnostics = new List<BuildDiagnostic>();
        Task<ProtoWorkspace?> loading = Task.Run(() => LoadCurrent(request, currentDiagnostics.Add), cancellation);
        ProtoWorkspace? previous = kind switch
        {
            BaselineKind.Package => packageProtos is null ? null : LoadDirectory(request with { Against = packageProtos }, outcome, diagnostics.Add, cancellation),
            BaselineKind.Directory => LoadDirectory(request, outcome, diagnostics.Add, cancellation),
            _ => BaselineFile.Workspace(request.Against, diagnostics.Add),
        };
        ProtoWorkspace? current = loading.GetAwaiter().GetResult();
        diagnostics.InsertRange(0, currentDiagnostics);

        var configs = new List<BufBreakingConfig>();
        foreach (string path in request.BufConfigFiles)
        {
            if (BufYamlReader.Read(path, diagnostics) is { } config)
            {
                configs.Add(config);
            }
        }

        BreakingPolicy policy = BreakingPolicy.Create(request.Settings, configs, request.ProjectDirectory, request.ProjectFile, diagnostics);
        if (request.SuppressionsFile is { Length: > 0 } suppressionsFile)
        {
            outcome.Suppressions.AddRange(SuppressionsFile.Read(suppressionsFile, diagnostics));
        }

        if (current is null || previous is null || diagnostics.Any(d => d.Descriptor.Severity == DiagnosticSeverity.Error))
        {
            return outcome;
        }

        outcome.Result = BreakingChecker.Check(previous, current, policy, outcome.Suppressions, outcome.DiskPathOf, request.SuppressionsFile ?? SuppressionsFile.DefaultFileName);
        diagnostics.AddRange(outcome.Result.Diagnostics);
        return outcome;
    }

    /// <summary>The workspace of the current descriptor set, its current files being <see cref="BreakingRequest.CurrentProtos"/>.</summary>
    public static ProtoWorkspace? LoadCurrent(BreakingRequest request, Action<BuildDiagnostic> report)
    {
        const string What = "The current protos' descriptor set";
        var current = new HashSet<string>(request.CurrentProtos.Select(p => p.LogicalPath), StringComparer.Ordinal);
        if (request.CurrentDescriptorSets.Count == 0)
        {
            report(new BuildDiagnostic(BreakingDiagnostics.CurrentDescriptorsUnreadable, "No descriptor set of the current protos was given.", request.ProjectFile));
            return null;
        }

        var sets = new List<byte[]>();
        foreach (string path in request.CurrentDescriptorSets)
        {
            if (DescriptorSets.LoadBytes(path, What, BreakingDiagnostics.CurrentDescriptorsUnreadable, report) is not { } bytes)
            {
                return null;
            }

            sets.Add(bytes);
        }

        string names = string.Join("', '", request.CurrentDescriptorSets);
        ProtoWorkspace? workspace = DescriptorSets.Workspace(sets, current.Contains, names, What, BreakingDiagnostics.CurrentDescriptorsUnreadable, report);
        if (workspace is null)
        {
            return null;
        }

        int bare = workspace.CurrentFiles.Count(f => !f.HasSourceInfo);
        if (bare > 0)
        {
            report(new BuildDiagnostic(BreakingDiagnostics.NoSourceInfo,
                $"{bare} workspace proto(s) have no source info in '{names}' (protoc ran without --include_source_info): their findings have no line and column, and their comments accept nothing.",
                request.CurrentDescriptorSets[0]));
        }

        bool complete = true;
        foreach (CurrentProto proto in request.CurrentProtos.Where(p => workspace.FindFile(p.LogicalPath) is null))
        {
            report(new BuildDiagnostic(BreakingDiagnostics.CurrentDescriptorsUnreadable,
                $"Proto '{proto.LogicalPath}' is not in the current descriptor sets '{names}': compile every workspace proto into them.", proto.DisplayPath));
            complete = false;
        }

        return complete ? workspace : null;
    }

    private static BaselineKind KindOf(BreakingRequest request)
    {
        if (request.Kind != BaselineKind.Auto)
        {
            return request.Kind;
        }

        if (Directory.Exists(request.Against))
        {
            return BaselineKind.Directory;
        }

        return request.Against.IndexOf('@') > 0 && !File.Exists(request.Against) ? BaselineKind.Package : BaselineKind.File;
    }

    private static ProtoWorkspace? LoadDirectory(BreakingRequest request, BreakingOutcome outcome, Action<BuildDiagnostic> report, CancellationToken cancellation)
    {
        if (request.ProtocPath is not { Length: > 0 } protoc)
        {
            report(new BuildDiagnostic(BreakingDiagnostics.InvalidParameter, $"Baseline directory '{request.Against}' needs protoc to compile it, and no protoc path was given.", request.ProjectFile));
            return null;
        }

        CompiledDirectory? compiled = DirectoryBaseline.Compile(
            protoc, request.Against, request.ImportDirectories, request.WorkDirectory, request.ProtocTimeout ?? Timeout.InfiniteTimeSpan, report, cancellation);
        if (compiled is null)
        {
            return null;
        }

        outcome.BaselineFiles = compiled.Files;
        return DescriptorSets.Workspace(DirectoryBaseline.WithMappedNamespaces(compiled.Set, request.CurrentProtos), compiled.Files.ContainsKey, request.Against, "protoc's descriptor set of the baseline directory", BreakingDiagnostics.BaselineUnreadable, report);
    }

    /// <summary>
    /// The protos/ folder of the package <c>Id@Version</c> in the NuGet packages folder (the project's restore downloads
    /// it, a PackageDownload), where ProtoGen packed them at their logical paths; null after reporting why not.
    /// </summary>
    private static string? PackageProtos(BreakingRequest request, Action<BuildDiagnostic> report)
    {
        string spec = Path.GetFileName(request.Against);
        int at = spec.LastIndexOf('@');
        string id = at > 0 ? spec.Substring(0, at).Trim() : string.Empty;
        string version = at > 0 ? spec.Substring(at + 1).Trim() : string.Empty;
        if (id.Length == 0 || version.Length == 0)
        {
            report(new BuildDiagnostic(BreakingDiagnostics.InvalidParameter, $"Baseline '{spec}' is not PackageId@Version.", request.ProjectFile));
            return null;
        }

        if (request.PackageRoot is not { Length: > 0 } root)
        {
            report(new BuildDiagnostic(BreakingDiagnostics.InvalidParameter, $"Baseline '{spec}' is a package, which needs the NuGet packages folder ($(NuGetPackageRoot)), and none was given.", request.ProjectFile));
            return null;
        }

        string package = Path.Combine(root, id.ToLowerInvariant(), version.ToLowerInvariant());
        if (!Directory.Exists(package))
        {
            report(new BuildDiagnostic(BreakingDiagnostics.BaselineUnreadable, $"Baseline package {id} {version} is not in the NuGet packages folder '{root}'. Restore the project (its restore downloads the baseline package from the project's feeds); check that a feed has that version.", request.ProjectFile));
            return null;
        }

        string protos = Path.Combine(package, "protos");
        if (!Directory.Exists(protos) || !Directory.EnumerateFiles(protos, "*.proto", SearchOption.AllDirectories).Any())
        {
            report(new BuildDiagnostic(BreakingDiagnostics.PackageBaselineWithoutProtos, $"Baseline package {id} {version} ships no protos (no protos/ folder in '{package}'): only a package that ProtoGen packed with its protos (ProtoGenPackProtos, the default) can be a baseline. Use a directory of protos or a baseline file instead.", request.ProjectFile));
            return null;
        }

        return protos;
    }
}
