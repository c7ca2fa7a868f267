using System.Collections.Generic;
using ProtoGen.Breaking.Model;

namespace ProtoGen.Breaking.Engine;

/// <summary>
/// One breaking change a rule found. <see cref="File"/> is the current file it is reported in (null when the file
/// is gone: then <see cref="AgainstFile"/> names it); <see cref="Location"/> is the element buf reports, in that
/// file (null: the file as a whole). <see cref="Subject"/> names what changed in words that survive edits (a full
/// name, a field number), so a suppression keeps matching when lines move.
/// </summary>
internal sealed record Finding(
    string RuleId,
    string Message,
    string Subject,
    ProtoFile? File,
    ProtoFile? AgainstFile,
    SourceLocation? Location,
    IReadOnlyList<int[]> Paths)
{
    /// <summary>The logical path the finding is about: the current file, or the baseline file that is gone.</summary>
    public string FilePath => File?.Path ?? AgainstFile?.Path ?? string.Empty;

    public int Line => Location?.Line ?? 0;

    public int Column => Location?.Column ?? 0;
}
