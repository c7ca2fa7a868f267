using System.Collections.Generic;
using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Breaking.Engine;
using ProtoGen.Build.Diagnostics;

namespace ProtoGen.Breaking.Tasks;

/// <summary>
/// Checks the workspace's protos against a baseline with buf's breaking rules (and ProtoGen's CSHARP rules):
/// each finding is an error (or a warning) at the proto's file, line and column, its rule in brackets. Findings
/// accepted by an inline comment or the suppressions file, and those a buf.yaml ignores, are logged as messages.
/// </summary>
public sealed class ProtoGenCheckBreaking : BreakingTaskBase
{
    /// <summary><c>error</c> (default) or <c>warning</c>: the severity of findings.</summary>
    public string? Severity { get; set; }

    /// <summary>The findings reported: item spec the file; metadata <c>Rule</c>, <c>Code</c>, <c>Line</c>, <c>Column</c>, <c>Message</c>.</summary>
    [Output]
    public ITaskItem[] Findings { get; private set; } = [];

    /// <inheritdoc/>
    public override bool Execute()
    {
        bool asWarning;
        switch ((Severity ?? string.Empty).Trim().ToUpperInvariant())
        {
            case "" or "ERROR":
                asWarning = false;
                break;
            case "WARNING":
                asWarning = true;
                break;
            default:
                Log.Report(new BuildDiagnostic(Diagnostics.BreakingDiagnostics.InvalidParameter, $"ProtoGenBreakingSeverity '{Severity}' is neither error nor warning.", BuildEngine?.ProjectFileOfTaskNode ?? string.Empty));
                return false;
        }

        if (RunCheck() is not { Result: { } result } outcome)
        {
            return !Log.HasLoggedErrors;
        }

        foreach (AcceptedFinding accepted in result.Accepted)
        {
            BuildDiagnostic d = outcome.ToDiagnostic(accepted.Finding, asWarning);
            string reason = accepted.Reason.Length == 0 ? "no reason given" : accepted.Reason;
            Log.LogMessage(MessageImportance.Normal, "ProtoGen accepted a breaking change ({0} {1}: {2}): {3}({4},{5}): {6}",
                accepted.How, accepted.Where, reason, d.File, d.Line, d.Column, d.Message);
        }

        foreach (IgnoredFinding ignored in result.Ignored)
        {
            BuildDiagnostic d = outcome.ToDiagnostic(ignored.Finding, asWarning);
            Log.LogMessage(MessageImportance.Low, "ProtoGen ignored a breaking change ({0}): {1}({2},{3}): {4}", ignored.Reason, d.File, d.Line, d.Column, d.Message);
        }

        var items = new List<ITaskItem>();
        foreach (Finding finding in result.Findings)
        {
            BuildDiagnostic d = outcome.ToDiagnostic(finding, asWarning);
            Log.Report(d);
            var item = new TaskItem(d.File);
            item.SetMetadata("Rule", finding.RuleId);
            item.SetMetadata("Code", d.Descriptor.Code);
            item.SetMetadata("Line", d.Line.ToString(CultureInfo.InvariantCulture));
            item.SetMetadata("Column", d.Column.ToString(CultureInfo.InvariantCulture));
            item.SetMetadata("Message", d.Message);
            items.Add(item);
        }

        Findings = [.. items];
        return !Log.HasLoggedErrors;
    }
}
