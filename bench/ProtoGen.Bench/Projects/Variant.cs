namespace ProtoGen.Bench.Projects;

/// <summary>The two ways every layout is built.</summary>
internal enum Variant
{
    /// <summary>Plain Grpc.Tools: protos in real folders whose paths under one ProtoRoot are their logical paths.</summary>
    GrpcTools,

    /// <summary>Grpc.Tools + ProtoGen: each root mapped with ImportPrefix, namespace rules, client wrappers on.</summary>
    ProtoGen,
}

internal static class VariantNames
{
    /// <summary>The key used in file names and in the JSON results.</summary>
    public static string Key(this Variant variant) => variant == Variant.GrpcTools ? "grpctools" : "protogen";

    public static string Title(this Variant variant) => variant == Variant.GrpcTools ? "Grpc.Tools" : "Grpc.Tools + ProtoGen";
}
