using System.Collections.Generic;
using ProtoGen.Breaking.Acceptance;
using ProtoGen.Build.Diagnostics;

namespace ProtoGen.Breaking.Engine;

/// <summary>A finding accepted on purpose: how (an inline comment or the suppressions file), why, and where that is written.</summary>
internal sealed record AcceptedFinding(Finding Finding, string How, string Reason, string Where);

/// <summary>A finding a buf.yaml ignores (<c>ignore</c>, <c>ignore_only</c>, <c>ignore_unstable_packages</c>), and which line of it.</summary>
internal sealed record IgnoredFinding(Finding Finding, string Reason);

/// <summary>
/// What a check found: the findings to report, those accepted on purpose and those the configuration ignores (both
/// for the build log), problems with the input (<see cref="Diagnostics"/>), and the suppressions that matched.
/// </summary>
internal sealed record CheckResult(
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<AcceptedFinding> Accepted,
    IReadOnlyList<IgnoredFinding> Ignored,
    IReadOnlyList<BuildDiagnostic> Diagnostics,
    IReadOnlyList<Suppression> UsedSuppressions);
