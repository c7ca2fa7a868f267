using System;
using System.Linq;

namespace ProtoGen.Bench.Projects;

/// <summary>The ways a layout is built.</summary>
internal enum Variant
{
    /// <summary>Plain Grpc.Tools, one project: protos in real folders whose paths under one ProtoRoot are their logical paths.</summary>
    GrpcTools,

    /// <summary>Grpc.Tools + ProtoGen, one project: each root mapped with ImportPrefix, namespace rules, client wrappers on.</summary>
    ProtoGen,

    /// <summary>
    /// Plain Grpc.Tools split into a library per team and an app, wired by hand: each project compiles its own protos and
    /// reaches the others' through <c>AdditionalImportDirs</c>, their types through <c>ProjectReference</c>.
    /// </summary>
    SplitGrpcTools,

    /// <summary>Grpc.Tools + ProtoGen split the same way: each library exports its protos; no import folder or rule is repeated.</summary>
    SplitProtoGen,
}

internal static class VariantNames
{
    /// <summary>The key used in file names and in the JSON results.</summary>
    public static string Key(this Variant variant) => variant switch
    {
        Variant.GrpcTools => "grpctools",
        Variant.ProtoGen => "protogen",
        Variant.SplitGrpcTools => "split-grpctools",
        _ => "split-protogen",
    };

    public static string Title(this Variant variant) => variant switch
    {
        Variant.GrpcTools => "Grpc.Tools",
        Variant.ProtoGen => "Grpc.Tools + ProtoGen",
        Variant.SplitGrpcTools => "split, Grpc.Tools by hand",
        _ => "split, ProtoGen libraries",
    };

    /// <summary>The variant of a <see cref="Key"/>.</summary>
    public static Variant Parse(string key) =>
        Enum.GetValues<Variant>().Single(v => string.Equals(v.Key(), key, StringComparison.Ordinal));

    /// <summary>Whether the variant's projects import ProtoGen.</summary>
    public static bool HasProtoGen(this Variant variant) => variant is Variant.ProtoGen or Variant.SplitProtoGen;

    /// <summary>Whether the variant is a library per team and an app rather than one project.</summary>
    public static bool IsSplit(this Variant variant) => variant is Variant.SplitGrpcTools or Variant.SplitProtoGen;
}
