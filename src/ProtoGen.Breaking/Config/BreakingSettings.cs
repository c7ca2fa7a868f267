using System.Collections.Generic;

namespace ProtoGen.Breaking.Config;

/// <summary>
/// The check's MSBuild settings; each one that is set wins over every buf.yaml: <see cref="Rules"/> replaces
/// <c>use</c>, <see cref="Except"/> replaces <c>except</c>, <see cref="IgnoreUnstablePackages"/> replaces
/// <c>ignore_unstable_packages</c>. IDs are read with buf's current (v2) rule table.
/// </summary>
internal sealed record BreakingSettings(IReadOnlyList<string>? Rules = null, IReadOnlyList<string>? Except = null, bool? IgnoreUnstablePackages = null);
