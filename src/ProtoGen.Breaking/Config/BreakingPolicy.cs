using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProtoGen.Breaking.Diagnostics;
using ProtoGen.Breaking.Engine;
using ProtoGen.Breaking.Rules;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Shared;

namespace ProtoGen.Breaking.Config;

/// <summary>A path a buf.yaml ignores: as a logical (module-relative) path and as a path on disk.</summary>
internal sealed record IgnorePath(string Logical, string Disk, string Written);

/// <summary>
/// The rules and ignores that apply to the files under one directory: a buf.yaml's (or one of its v2 modules'),
/// or the defaults (<see cref="Directory"/> null).
/// </summary>
internal sealed class PolicyScope
{
    public PolicyScope(string? directory, string source, ConfigVersion version, HashSet<string> rules, List<IgnorePath> ignore, Dictionary<string, List<IgnorePath>> ignoreOnly, bool ignoreUnstablePackages)
    {
        Directory = directory;
        Source = source;
        Version = version;
        Rules = rules;
        Ignore = ignore;
        IgnoreOnly = ignoreOnly;
        IgnoreUnstablePackages = ignoreUnstablePackages;
    }

    /// <summary>The absolute directory ('/'-separated) the scope covers; null for the defaults.</summary>
    public string? Directory { get; }

    /// <summary>The buf.yaml the scope comes from, or "defaults".</summary>
    public string Source { get; }

    public ConfigVersion Version { get; }

    public HashSet<string> Rules { get; }

    public List<IgnorePath> Ignore { get; }

    public Dictionary<string, List<IgnorePath>> IgnoreOnly { get; }

    public bool IgnoreUnstablePackages { get; }
}

/// <summary>What the policy decides about a finding.</summary>
internal enum PolicyVerdict
{
    /// <summary>The finding's rule applies and nothing ignores it.</summary>
    Report,

    /// <summary>The finding's rule is not selected where the finding is.</summary>
    NotSelected,

    /// <summary>A buf.yaml <c>ignore</c>, <c>ignore_only</c> or <c>ignore_unstable_packages</c> ignores it.</summary>
    Ignored,
}

/// <summary>
/// Which rules run and which findings they may report: the MSBuild settings laid over each buf.yaml's breaking
/// configuration, one scope per buf.yaml (per v2 module with its own section), the nearest one deciding for a file.
/// </summary>
internal sealed class BreakingPolicy
{
    private readonly List<PolicyScope> _scopes;
    private readonly PolicyScope _fallback;

    private BreakingPolicy(List<PolicyScope> scopes, PolicyScope fallback, WrapperOverloads wrapperOverloads)
    {
        _scopes = scopes;
        _fallback = fallback;
        WrapperOverloads = wrapperOverloads;
        RulesToRun = new HashSet<string>(scopes.Append(fallback).SelectMany(s => s.Rules), StringComparer.Ordinal);
    }

    /// <summary>Every rule some scope selects.</summary>
    public HashSet<string> RulesToRun { get; }

    public IReadOnlyList<PolicyScope> Scopes => _scopes;

    /// <summary>The client wrappers' overload set the CSHARP rules check (<see cref="BreakingSettings.WrapperOverloads"/>).</summary>
    public WrapperOverloads WrapperOverloads { get; }

    /// <summary>The defaults alone: FILE, or what <paramref name="settings"/> select.</summary>
    public static BreakingPolicy Default(BreakingSettings? settings = null) =>
        Create(settings ?? new BreakingSettings(), [], projectDirectory: null, settingsFile: string.Empty, []);

    /// <summary>
    /// Builds the policy. Unknown IDs in <paramref name="settings"/> are reported at <paramref name="settingsFile"/>
    /// (the project). Files outside every buf.yaml's directory follow the buf.yaml of
    /// <paramref name="projectDirectory"/> when there is one, else the defaults.
    /// </summary>
    public static BreakingPolicy Create(BreakingSettings settings, IEnumerable<BufBreakingConfig> configs, string? projectDirectory, string settingsFile, List<BuildDiagnostic> diagnostics)
    {
        ValidateSettings(settings.Rules, "ProtoGenBreakingRules", settingsFile, diagnostics);
        ValidateSettings(settings.Except, "ProtoGenBreakingExcept", settingsFile, diagnostics);

        var scopes = new List<PolicyScope>();
        foreach (BufBreakingConfig config in configs)
        {
            string directory = Absolute(Path.GetDirectoryName(Path.GetFullPath(config.FilePath)) ?? ".");
            foreach (BufBreakingSection section in config.Sections)
            {
                string scopeDirectory = section.ModulePath == "." ? directory : Absolute(Path.Combine(directory, section.ModulePath));
                scopes.Add(Scope(settings, config, section, directory, scopeDirectory));
            }
        }

        string? project = projectDirectory is null ? null : Absolute(projectDirectory);
        PolicyScope fallback = scopes.FirstOrDefault(s => string.Equals(s.Directory, project, StringComparison.Ordinal))
            ?? Scope(settings, null, new BufBreakingSection(".", null, [], [], [], false, false), null, null);
        return new BreakingPolicy(scopes, fallback, settings.WrapperOverloads);
    }

    /// <summary>The scope of a file at <paramref name="diskPath"/> (null: a file that is not on disk, such as a deleted one).</summary>
    public PolicyScope ScopeFor(string? diskPath)
    {
        if (diskPath is null)
        {
            return _fallback;
        }

        string path = Absolute(diskPath);
        PolicyScope? best = null;
        foreach (PolicyScope scope in _scopes)
        {
            if (scope.Directory is { } directory && IsUnder(path, directory) && (best?.Directory is null || directory.Length > best.Directory.Length))
            {
                best = scope;
            }
        }

        return best ?? _fallback;
    }

    /// <summary>Decides about <paramref name="finding"/>; <paramref name="reason"/> says why it is ignored.</summary>
    public PolicyVerdict Decide(Finding finding, string? diskPath, out string reason)
    {
        reason = string.Empty;
        PolicyScope scope = ScopeFor(diskPath);
        if (!scope.Rules.Contains(finding.RuleId))
        {
            return PolicyVerdict.NotSelected;
        }

        foreach ((string? logical, string? disk) in new (string?, string?)[] { (finding.File?.Path, diskPath), (finding.AgainstFile?.Path, null) })
        {
            if (logical is null)
            {
                continue;
            }

            if (Match(scope.Ignore, logical, disk) is { } ignored)
            {
                reason = $"{scope.Source} ignores '{ignored.Written}'";
                return PolicyVerdict.Ignored;
            }

            if (scope.IgnoreOnly.TryGetValue(finding.RuleId, out List<IgnorePath>? paths) && Match(paths, logical, disk) is { } only)
            {
                reason = $"{scope.Source} ignores {finding.RuleId} for '{only.Written}'";
                return PolicyVerdict.Ignored;
            }
        }

        if (scope.IgnoreUnstablePackages)
        {
            foreach (string? package in new[] { finding.File?.Package, finding.AgainstFile?.Package })
            {
                if (package is not null && PackageVersions.IsUnstable(package))
                {
                    reason = $"{scope.Source} ignores unstable packages, and \"{package}\" is one";
                    return PolicyVerdict.Ignored;
                }
            }
        }

        return PolicyVerdict.Report;
    }

    /// <summary>A path with '/' separators and no trailing '/', made absolute.</summary>
    public static string Absolute(string path) => Path.GetFullPath(path).Replace('\\', '/').TrimEnd('/');

    private static PolicyScope Scope(BreakingSettings settings, BufBreakingConfig? config, BufBreakingSection section, string? configDirectory, string? scopeDirectory)
    {
        ConfigVersion version = config?.Version ?? ConfigVersion.V2;
        HashSet<string> rules;
        if (settings.Rules is { } selected)
        {
            rules = RuleCatalog.Expand(selected, ConfigVersion.V2);
        }
        else if (section.Use is { Count: > 0 } use)
        {
            rules = RuleCatalog.Expand(use.Select(u => u.Value), version);
        }
        else
        {
            rules = section.DisableBuiltin ? [] : RuleCatalog.Expand([RuleCatalog.File], version);
        }

        if (section.DisableBuiltin && settings.Rules is null)
        {
            rules.RemoveWhere(r => !r.StartsWith(RuleCatalog.CSharp + "_", StringComparison.Ordinal));
        }

        rules.ExceptWith(settings.Except is { } except ? RuleCatalog.Expand(except, ConfigVersion.V2) : RuleCatalog.Expand(section.Except.Select(e => e.Value), version));

        var ignore = new List<IgnorePath>();
        var ignoreOnly = new Dictionary<string, List<IgnorePath>>(StringComparer.Ordinal);
        if (config is not null && configDirectory is not null)
        {
            ignore.AddRange(section.Ignore.SelectMany(p => Paths(config, configDirectory, p.Value)));
            foreach ((Located<string> rule, IReadOnlyList<Located<string>> paths) in section.IgnoreOnly)
            {
                foreach (string id in RuleCatalog.Expand([rule.Value], version))
                {
                    if (!ignoreOnly.TryGetValue(id, out List<IgnorePath>? list))
                    {
                        ignoreOnly[id] = list = [];
                    }

                    list.AddRange(paths.SelectMany(p => Paths(config, configDirectory, p.Value)));
                }
            }
        }

        return new PolicyScope(scopeDirectory, config?.FilePath ?? "defaults", version, rules, ignore, ignoreOnly,
            settings.IgnoreUnstablePackages ?? section.IgnoreUnstablePackages);
    }

    /// <summary>
    /// An ignore path of a buf.yaml in <paramref name="directory"/>: on disk, and as the logical path a proto has
    /// within its module (v2 modules and v1beta1 roots are stripped from the front; v1's module is the buf.yaml's directory).
    /// </summary>
    private static IEnumerable<IgnorePath> Paths(BufBreakingConfig config, string directory, string written)
    {
        string path = BufYamlReader.Normalize(written);
        string disk = path == "." ? directory : Absolute(Path.Combine(directory, path));
        bool inModule = false;
        foreach (string module in config.ModulePaths)
        {
            if (module == ".")
            {
                continue;
            }

            if (string.Equals(path, module, StringComparison.Ordinal) || path.StartsWith(module + "/", StringComparison.Ordinal))
            {
                inModule = true;
                yield return new IgnorePath(path.Length == module.Length ? "." : path.Substring(module.Length + 1), disk, written);
            }
        }

        if (!inModule)
        {
            yield return new IgnorePath(path, disk, written);
        }
    }

    private static IgnorePath? Match(List<IgnorePath> paths, string logical, string? disk)
    {
        foreach (IgnorePath path in paths)
        {
            if (path.Logical == "." || IsUnder(logical, path.Logical) || (disk is not null && IsUnder(Absolute(disk), path.Disk)))
            {
                return path;
            }
        }

        return null;
    }

    private static bool IsUnder(string path, string directory) =>
        string.Equals(path, directory, StringComparison.Ordinal) || (path.Length > directory.Length && path[directory.Length] == '/' && path.StartsWith(directory, StringComparison.Ordinal));

    private static void ValidateSettings(IReadOnlyList<string>? ids, string property, string file, List<BuildDiagnostic> diagnostics)
    {
        foreach (string id in ids ?? [])
        {
            if (!RuleCatalog.IsKnown(id, ConfigVersion.V2))
            {
                diagnostics.Add(new BuildDiagnostic(BreakingDiagnostics.UnknownRule, $"{property} names '{id}', which is no breaking rule or category.", file));
            }
        }
    }
}
