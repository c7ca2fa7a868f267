namespace ProtoGen.Breaking.Acceptance;

/// <summary>
/// One accepted break in a suppressions file: a rule, the logical path of the proto and the finding's subject (see
/// <see cref="Engine.Finding.Subject"/>), with the reason the team gave. <see cref="Message"/> is the finding's
/// text when it was written, for reviewers; it takes no part in matching. <see cref="Line"/> is where it is written.
/// </summary>
internal sealed record Suppression(string RuleId, string File, string Subject, string Reason, string Message = "", int Line = 0)
{
    /// <summary>True when this suppression accepts a finding of <paramref name="ruleId"/> in <paramref name="file"/> about <paramref name="subject"/>.</summary>
    public bool Matches(string ruleId, string file, string subject) =>
        string.Equals(RuleId, ruleId, System.StringComparison.Ordinal)
        && string.Equals(File, file, System.StringComparison.Ordinal)
        && string.Equals(Subject, subject, System.StringComparison.Ordinal);
}
