using System.Collections.Generic;
using ProtoGen.Breaking.Rules;

namespace ProtoGen.Breaking.Config;

/// <summary>A value read from a buf.yaml with the line and column it was written at (1-based).</summary>
internal sealed record Located<T>(T Value, int Line, int Column);

/// <summary>
/// One <c>breaking:</c> section of a buf.yaml, as written: the top-level one, or a v2 module's. Paths are as
/// written, relative to the buf.yaml's directory; <see cref="ModulePath"/> is the module's directory (".": the
/// buf.yaml's own), which v2 <c>ignore</c> paths start with and which module-relative proto paths start from.
/// </summary>
internal sealed record BufBreakingSection(
    string ModulePath,
    IReadOnlyList<Located<string>>? Use,
    IReadOnlyList<Located<string>> Except,
    IReadOnlyList<Located<string>> Ignore,
    IReadOnlyList<(Located<string> Rule, IReadOnlyList<Located<string>> Paths)> IgnoreOnly,
    bool IgnoreUnstablePackages,
    bool DisableBuiltin);

/// <summary>What a buf.yaml says about breaking-change detection: its version, its sections and its module roots.</summary>
internal sealed record BufBreakingConfig(
    string FilePath,
    ConfigVersion Version,
    IReadOnlyList<BufBreakingSection> Sections,
    IReadOnlyList<string> ModulePaths);
