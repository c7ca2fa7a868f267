using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using ProtoGen.Breaking.Acceptance;
using ProtoGen.Breaking.Baseline;
using ProtoGen.Breaking.Engine;
using ProtoGen.Build.Diagnostics;

namespace ProtoGen.Breaking.Tasks;

/// <summary>
/// Writes the suppressions file that accepts every finding of the check as it stands (those already in the file
/// keep their reasons; those an inline comment accepts are left to the comment), for <c>-t:ProtoGenWriteBreakingSuppressions</c>.
/// </summary>
public sealed class ProtoGenWriteBreakingSuppressions : BreakingTaskBase
{
    /// <summary>How many suppressions the file holds now.</summary>
    [Output]
    public int SuppressionCount { get; private set; }

    /// <inheritdoc/>
    public override bool Execute()
    {
        if (string.IsNullOrEmpty(SuppressionsFile))
        {
            SuppressionsFile = Acceptance.SuppressionsFile.DefaultFileName;
        }

        if (RunCheck() is not { Result: { } result } outcome)
        {
            return !Log.HasLoggedErrors;
        }

        var suppressions = new List<Suppression>();
        foreach (AcceptedFinding accepted in result.Accepted.Where(a => a.How == "suppressions file"))
        {
            Finding f = accepted.Finding;
            suppressions.Add(new Suppression(f.RuleId, f.FilePath, f.Subject, accepted.Reason, outcome.ToDiagnostic(f, false).Message));
        }

        foreach (Finding f in result.Findings)
        {
            suppressions.Add(new Suppression(f.RuleId, f.FilePath, f.Subject, string.Empty, outcome.ToDiagnostic(f, false).Message));
        }

        string path = Path.GetFullPath(Path.Combine(Request()?.ProjectDirectory ?? ".", SuppressionsFile!));
        byte[] bytes = new UTF8Encoding(false).GetBytes(Acceptance.SuppressionsFile.Format(suppressions));
        if (BaselineFile.Write(path, bytes, d => Log.Report(d)))
        {
            SuppressionCount = suppressions.Count;
            Log.LogMessage(MessageImportance.High, "ProtoGen wrote {0} breaking-change suppression(s) to {1} ({2} new): give each a Reason.",
                suppressions.Count, path, result.Findings.Count);
        }

        return !Log.HasLoggedErrors;
    }
}
