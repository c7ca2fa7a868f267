using System.Collections.Generic;
using ProtoGen.Shared;

namespace ProtoGen.Breaking.Config;

/// <summary>
/// The check's MSBuild settings; each one that is set wins over every buf.yaml: <see cref="Rules"/> replaces
/// <c>use</c>, <see cref="Except"/> replaces <c>except</c>, <see cref="IgnoreUnstablePackages"/> replaces
/// <c>ignore_unstable_packages</c>. IDs are read with buf's current (v2) rule table. <see cref="WrapperOverloads"/>
/// is the project's <c>$(ProtoGenClientWrapperOverloads)</c>: the client wrapper members the CSHARP rules check.
/// </summary>
internal sealed record BreakingSettings(
    IReadOnlyList<string>? Rules = null,
    IReadOnlyList<string>? Except = null,
    bool? IgnoreUnstablePackages = null,
    WrapperOverloads WrapperOverloads = WrapperNaming.DefaultOverloads);
