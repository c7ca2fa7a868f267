using System;
using System.Collections.Generic;
using System.Linq;
using ProtoGen.Breaking.Acceptance;
using ProtoGen.Breaking.Config;
using ProtoGen.Breaking.Diagnostics;
using ProtoGen.Breaking.Model;
using ProtoGen.Breaking.Rules;
using ProtoGen.Build.Diagnostics;

namespace ProtoGen.Breaking.Engine;

/// <summary>
/// Compares a current workspace with a baseline: runs every rule the policy selects, then sorts each finding into
/// ignored (by a buf.yaml), accepted (by an inline comment, then by the suppressions file) or reported.
/// </summary>
internal static class BreakingChecker
{
    /// <summary>
    /// Checks <paramref name="current"/> against <paramref name="previous"/>. <paramref name="diskPathOf"/> maps a
    /// current file's logical path to its path on disk (for buf.yaml scopes and ignores, and the reports);
    /// <paramref name="suppressionsFile"/> names where <paramref name="suppressions"/> come from.
    /// </summary>
    public static CheckResult Check(
        ProtoWorkspace previous,
        ProtoWorkspace current,
        BreakingPolicy policy,
        IReadOnlyList<Suppression>? suppressions = null,
        Func<string, string?>? diskPathOf = null,
        string suppressionsFile = SuppressionsFile.DefaultFileName)
    {
        var diagnostics = new List<BuildDiagnostic>();
        var context = new CheckContext(previous, current, policy.WrapperOverloads);
        foreach (RuleInfo rule in RuleCatalog.All)
        {
            if (rule.Handler is null || !policy.RulesToRun.Contains(rule.Id))
            {
                continue;
            }

            try
            {
                rule.Handler(context, rule.Id);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException or FormatException or OverflowException or NullReferenceException or IndexOutOfRangeException)
            {
                diagnostics.Add(new BuildDiagnostic(BreakingDiagnostics.RuleFailed, $"Rule {rule.Id} could not run on these descriptors: {e.Message}", string.Empty));
            }
        }

        var findings = new List<Finding>();
        var accepted = new List<AcceptedFinding>();
        var ignored = new List<IgnoredFinding>();
        var used = new List<Suppression>();
        var seen = new HashSet<(string, string, int, int, string)>();
        foreach (Finding finding in Sort(context.Findings))
        {
            if (!seen.Add((finding.RuleId, finding.FilePath, finding.Line, finding.Column, finding.Message)))
            {
                continue;
            }

            string? disk = finding.File is null ? null : diskPathOf?.Invoke(finding.File.Path);
            switch (policy.Decide(finding, disk, out string reason))
            {
                case PolicyVerdict.NotSelected:
                    continue;
                case PolicyVerdict.Ignored:
                    ignored.Add(new IgnoredFinding(finding, reason));
                    continue;
            }

            if (InlineIgnores.Find(finding) is { } inline)
            {
                string where = (disk ?? finding.FilePath) + (inline.Location is { } at ? $"({at.Line},{at.Column})" : string.Empty);
                accepted.Add(new AcceptedFinding(finding, "inline comment", inline.Reason, where));
                continue;
            }

            if (suppressions?.FirstOrDefault(s => s.Matches(finding.RuleId, finding.FilePath, finding.Subject)) is { } suppression)
            {
                used.Add(suppression);
                accepted.Add(new AcceptedFinding(finding, "suppressions file", suppression.Reason, suppressionsFile + (suppression.Line > 0 ? $"({suppression.Line})" : string.Empty)));
                continue;
            }

            findings.Add(finding);
        }

        foreach (ProtoFile file in current.CurrentFiles)
        {
            foreach ((string rule, SourceLocation? location) in InlineIgnores.UnknownRules(file))
            {
                diagnostics.Add(new BuildDiagnostic(BreakingDiagnostics.UnknownRuleInComment,
                    $"The comment '{InlineIgnores.Marker} {rule}' names no breaking rule; it accepts nothing.",
                    diskPathOf?.Invoke(file.Path) ?? file.Path, location?.Line ?? 0, location?.Column ?? 0));
            }
        }

        return new CheckResult(findings, accepted, ignored, diagnostics, used);
    }

    private static IEnumerable<Finding> Sort(IEnumerable<Finding> findings) => findings
        .OrderBy(f => f.FilePath, StringComparer.Ordinal)
        .ThenBy(f => f.Line)
        .ThenBy(f => f.Column)
        .ThenBy(f => f.RuleId, StringComparer.Ordinal)
        .ThenBy(f => f.Message, StringComparer.Ordinal);
}
