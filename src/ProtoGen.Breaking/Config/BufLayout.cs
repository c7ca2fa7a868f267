using System.Collections.Generic;
using ProtoGen.Breaking.Rules;

namespace ProtoGen.Breaking.Config;

/// <summary>
/// Where a buf.yaml or buf.work.yaml says its protos are, each path as written (normalized, relative to the file's
/// directory) with its line and column. A buf.yaml: its module roots (v2 <c>modules[].path</c>, v1beta1
/// <c>build.roots</c>; "." for v1 and when none is given) and the directories left out of them (<c>excludes</c>). A
/// buf.work.yaml (<see cref="IsWorkspace"/>): its <c>directories</c>, each a module root that may hold a buf.yaml of
/// its own.
/// </summary>
internal sealed record BufLayout(
    string FilePath,
    ConfigVersion Version,
    IReadOnlyList<Located<string>> Roots,
    IReadOnlyList<Located<string>> Excludes,
    bool IsWorkspace);
