using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.Naming;

namespace ProtoGen.Build.Mapping;

/// <summary>
/// Computes where each proto sits in protoc's logical tree and which C# namespace it gets. Pure: reads no
/// file; the stage task applies the plan.
/// </summary>
/// <remarks>
/// Namespace precedence, first match wins:
/// (a) the item's <c>CSharpNamespace</c>;
/// (b) the longest <c>ProtoNamespace</c> rule whose prefix holds the file's logical directory, with the rest of
///     the directory PascalCased and appended;
/// (c) with an <c>ImportPrefix</c> and no rule, the logical directory PascalCased;
/// (d) otherwise nothing: protoc's own behaviour.
/// A proto's own <c>option csharp_namespace</c> wins over (b) and (c) unless the rule or the item says
/// <c>Override="true"</c>; (a) always replaces it.
/// </remarks>
internal sealed class ProtoMapper
{
    private const string WellKnownTypesDirectory = "google/protobuf";

    private readonly ISourceLocator _locator;
    private readonly List<BuildDiagnostic> _diagnostics = [];

    private ProtoMapper(ISourceLocator locator) => _locator = locator;

    /// <summary>Maps <paramref name="items"/> under <paramref name="rules"/>; staged copies go under <paramref name="stageDirectory"/>.</summary>
    public static MappingPlan Map(
        IReadOnlyList<ProtoItemInput> items,
        IReadOnlyList<NamespaceRuleInput> rules,
        string stageDirectory,
        ISourceLocator locator)
    {
        return new ProtoMapper(locator).Run(items, rules, Path.GetFullPath(stageDirectory));
    }

    private MappingPlan Run(IReadOnlyList<ProtoItemInput> items, IReadOnlyList<NamespaceRuleInput> rules, string stage)
    {
        List<NamespaceRuleInput> validRules = ValidateRules(rules);
        var rootPrefixes = new Dictionary<string, (string Prefix, ProtoItemInput First)>(PathComparer);
        var logicalOwners = new Dictionary<string, ProtoItemInput>(StringComparer.Ordinal);
        var protos = new List<MappedProto>();
        var importDirs = new List<string> { stage };

        foreach (ProtoItemInput item in items)
        {
            ValidateImportDirs(item);

            string? prefix = string.Empty;
            if (item.ImportPrefix.Length > 0)
            {
                prefix = LogicalPaths.NormalizePrefix(item.ImportPrefix, out string? reason);
                if (prefix is null)
                {
                    Report(BuildDiagnostics.InvalidLogicalPrefix, $"ImportPrefix '{item.ImportPrefix}' of '{item.ItemSpec}' is not a valid logical path: {reason}.", item.DefinedIn, "ImportPrefix", item.ImportPrefix);
                    continue;
                }
            }

            string root = Path.GetFullPath(item.ProtoRoot);
            if (rootPrefixes.TryGetValue(root, out var known))
            {
                if (!string.Equals(known.Prefix, prefix, StringComparison.Ordinal))
                {
                    Report(BuildDiagnostics.ConflictingImportPrefixes, $"ProtoRoot '{item.ProtoRoot}' is mapped as '{Show(known.Prefix)}' for '{known.First.ItemSpec}' and as '{Show(prefix)}' for '{item.ItemSpec}'; a root has one logical prefix, or its protos would be known by two names.", item.DefinedIn, "ImportPrefix", item.ImportPrefix);
                    continue;
                }
            }
            else
            {
                rootPrefixes.Add(root, (prefix, item));
            }

            string? relative = LogicalPaths.RelativeTo(root, item.FullPath);
            if (relative is null)
            {
                if (prefix.Length > 0 || item.CSharpNamespace.Length > 0)
                {
                    Report(BuildDiagnostics.FileOutsideProtoRoot, $"'{item.ItemSpec}' is not under its ProtoRoot '{item.ProtoRoot}', so it has no logical path; set ProtoRoot to a directory that holds it.", item.DefinedIn, "Include", item.ItemSpec);
                }

                continue;
            }

            string logical = LogicalPaths.Combine(prefix, relative);
            if (logicalOwners.TryGetValue(logical, out ProtoItemInput? owner))
            {
                if (!PathComparer.Equals(owner.FullPath, item.FullPath))
                {
                    Report(BuildDiagnostics.DuplicateLogicalPath, $"'{item.FullPath}' and '{owner.FullPath}' both map to the logical path '{logical}'; give their roots different ImportPrefix values.", item.FullPath, 1, 1);
                }

                continue;
            }

            logicalOwners.Add(logical, item);
            if (LogicalPaths.IsUnder(LogicalPaths.DirectoryOf(logical), WellKnownTypesDirectory))
            {
                continue;
            }

            NamespaceDecision decision = DecideNamespace(item, prefix, logical, validRules);
            if (prefix.Length == 0 && decision.Namespace is null)
            {
                continue; // (d): protoc's own behaviour, the item is left alone.
            }

            string stagedPath = Path.Combine(stage, logical.Replace('/', Path.DirectorySeparatorChar));
            protos.Add(new MappedProto(item, logical, stagedPath, decision));

            string importDir = prefix.Length == 0 ? root : prefix + "=" + root;
            if (!importDirs.Contains(importDir, StringComparer.Ordinal))
            {
                importDirs.Add(importDir);
            }
        }

        return new MappingPlan(protos, importDirs, _diagnostics);
    }

    private NamespaceDecision DecideNamespace(ProtoItemInput item, string prefix, string logical, List<NamespaceRuleInput> rules)
    {
        if (item.CSharpNamespace.Length > 0)
        {
            string? reason = CSharpNames.ValidateNamespace(item.CSharpNamespace);
            if (reason is not null)
            {
                Report(BuildDiagnostics.InvalidNamespace, $"CSharpNamespace '{item.CSharpNamespace}' of '{item.ItemSpec}' is not a valid C# namespace: {reason}.", item.DefinedIn, "CSharpNamespace", item.CSharpNamespace);
                return NamespaceDecision.None;
            }

            return new NamespaceDecision(item.CSharpNamespace, OverrideOwnOption: true);
        }

        string directory = LogicalPaths.DirectoryOf(logical);
        NamespaceRuleInput? rule = rules
            .Where(r => LogicalPaths.IsUnder(directory, r.Prefix))
            .OrderByDescending(r => r.Prefix.Length)
            .FirstOrDefault();

        string baseNamespace;
        string remainder;
        bool overrideOwn;
        if (rule is not null)
        {
            baseNamespace = rule.Namespace;
            remainder = directory.Length == rule.Prefix.Length ? string.Empty : directory.Substring(rule.Prefix.Length + 1);
            overrideOwn = rule.Override || item.Override;
        }
        else if (prefix.Length > 0)
        {
            baseNamespace = string.Empty;
            remainder = directory;
            overrideOwn = item.Override;
        }
        else
        {
            return NamespaceDecision.None;
        }

        var parts = new List<string>();
        if (baseNamespace.Length > 0)
        {
            parts.Add(baseNamespace);
        }

        if (remainder.Length > 0)
        {
            foreach (string segment in remainder.Split('/'))
            {
                string identifier = CSharpNames.PascalCaseSegment(segment);
                if (identifier.Length == 0)
                {
                    Report(BuildDiagnostics.InvalidNamespace, $"The directory '{segment}' in the logical path '{logical}' has no letter or digit to make a C# namespace part of; set CSharpNamespace on '{item.ItemSpec}' or add a ProtoNamespace rule.", item.FullPath, 1, 1);
                    return NamespaceDecision.None;
                }

                parts.Add(identifier);
            }
        }

        // A file at the top of its tree with no rule keeps protoc's namespace.
        return parts.Count == 0 ? NamespaceDecision.None : new NamespaceDecision(string.Join(".", parts), overrideOwn);
    }

    private List<NamespaceRuleInput> ValidateRules(IReadOnlyList<NamespaceRuleInput> rules)
    {
        var valid = new List<NamespaceRuleInput>();
        foreach (NamespaceRuleInput rule in rules)
        {
            string? prefix = LogicalPaths.NormalizePrefix(rule.Prefix, out string? reason);
            if (prefix is null)
            {
                Report(BuildDiagnostics.InvalidLogicalPrefix, $"ProtoNamespace '{rule.Prefix}' is not a valid logical path prefix: {reason}.", rule.DefinedIn, "Include", rule.Prefix);
                continue;
            }

            string? nsReason = CSharpNames.ValidateNamespace(rule.Namespace);
            if (nsReason is not null)
            {
                Report(BuildDiagnostics.InvalidNamespace, $"Namespace '{rule.Namespace}' of ProtoNamespace '{rule.Prefix}' is not a valid C# namespace: {nsReason}.", rule.DefinedIn, "Namespace", rule.Namespace);
                continue;
            }

            NamespaceRuleInput? same = valid.FirstOrDefault(r => string.Equals(r.Prefix, prefix, StringComparison.Ordinal));
            if (same is not null)
            {
                if (!string.Equals(same.Namespace, rule.Namespace, StringComparison.Ordinal) || same.Override != rule.Override)
                {
                    Report(BuildDiagnostics.ConflictingNamespaceRules, $"ProtoNamespace '{prefix}' is given twice, as '{same.Namespace}' and as '{rule.Namespace}' (Override {same.Override} and {rule.Override}); keep one rule per prefix.", rule.DefinedIn, "Include", rule.Prefix);
                }

                continue;
            }

            valid.Add(rule with { Prefix = prefix });
        }

        return valid;
    }

    private void ValidateImportDirs(ProtoItemInput item)
    {
        foreach (string entry in item.AdditionalImportDirs.Split([';'], StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = entry.IndexOf('=');
            if (equals < 0)
            {
                continue;
            }

            string prefix = entry.Substring(0, equals);
            if (LogicalPaths.NormalizePrefix(prefix, out string? reason) is null)
            {
                Report(BuildDiagnostics.InvalidLogicalPrefix, $"AdditionalImportDirs entry '{entry.Trim()}' of '{item.ItemSpec}' has a prefix that is not a valid logical path: {reason}.", item.DefinedIn, "AdditionalImportDirs", item.AdditionalImportDirs);
            }
        }
    }

    private void Report(DiagnosticDescriptor descriptor, string message, string projectFile, string attribute, string value)
    {
        (int line, int column) = _locator.Locate(projectFile, attribute, value);
        _diagnostics.Add(new BuildDiagnostic(descriptor, message, projectFile, line, column));
    }

    private void Report(DiagnosticDescriptor descriptor, string message, string file, int line, int column) =>
        _diagnostics.Add(new BuildDiagnostic(descriptor, message, file, line, column));

    private static string Show(string prefix) => prefix.Length == 0 ? "(no prefix)" : prefix;

    private static StringComparer PathComparer => IO.FileSystemCase.Comparer;
}
