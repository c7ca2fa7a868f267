using System;
using System.Collections.Generic;
using System.Linq;

namespace ProtoGen.Build.IO;

/// <summary>
/// MSBuild's ';'-separated lists (<c>$(Protobuf_StandardImportsPath)</c>, <c>AdditionalImportDirs</c>, option
/// metadata): tools append to them, so every use splits them, here.
/// </summary>
internal static class MSBuildLists
{
    /// <summary>The entries of <paramref name="list"/>, trimmed, without empty ones.</summary>
    public static IEnumerable<string> Split(string list) =>
        list.Split([';'], StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim()).Where(v => v.Length > 0);
}
