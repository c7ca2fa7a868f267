using System;
using System.Collections.Generic;
using System.Linq;

namespace ProtoGen.Bench.Logs;

/// <summary>
/// What the binary log of one build says: the time of each target (summed over its batches; a target's time
/// excludes the targets it depends on), the generator times of the compiler's analyzer report, and the projects whose
/// C# compile ran (csc was called), with its time in milliseconds.
/// </summary>
internal sealed record BuildProfile(
    IReadOnlyDictionary<string, double> TargetMilliseconds,
    double? ProtoGenGeneratorSeconds,
    double? AllGeneratorsSeconds,
    IReadOnlyDictionary<string, double> CSharpCompileByProject)
{
    /// <summary>The C# compile target (Csc, and the generators inside it).</summary>
    public const string CSharpCompileTarget = "CoreCompile";

    /// <summary>Grpc.Tools' target that runs protoc, once per out-of-date proto.</summary>
    public const string GrpcToolsProtocTarget = "_Protobuf_CoreCompile";

    /// <summary>ProtoGen's targets: public hooks <c>ProtoGen_*</c>, private <c>_ProtoGen_*</c>.</summary>
    public static bool IsProtoGenTarget(string name) =>
        name.StartsWith("_ProtoGen_", StringComparison.Ordinal) || name.StartsWith("ProtoGen_", StringComparison.Ordinal);

    /// <summary>The protoc phase: Grpc.Tools' protoc target plus all of ProtoGen's targets (mapping, staging and its check run, manifest).</summary>
    public static bool IsProtocPhaseTarget(string name) =>
        string.Equals(name, GrpcToolsProtocTarget, StringComparison.Ordinal) || IsProtoGenTarget(name);

    public double ProtocPhaseSeconds => Sum(IsProtocPhaseTarget);

    public double ProtoGenTargetsSeconds => Sum(IsProtoGenTarget);

    public double GrpcToolsProtocSeconds => Sum(n => string.Equals(n, GrpcToolsProtocTarget, StringComparison.Ordinal));

    public double CSharpCompileSeconds => Sum(n => string.Equals(n, CSharpCompileTarget, StringComparison.Ordinal));

    private double Sum(Func<string, bool> selected) =>
        TargetMilliseconds.Where(t => selected(t.Key)).Sum(t => t.Value) / 1000;
}
