using Microsoft.Build.Framework;

namespace ProtoGen.Build.Tasks;

/// <summary>How Grpc.Tools identifies a <c>Protobuf_Compile</c> item and the outputs predicted from it.</summary>
internal static class ProtobufItems
{
    /// <summary>The item's <c>Source</c> (Grpc.Tools keeps it equal to the item spec), or its item spec when unset.</summary>
    public static string Source(ITaskItem item)
    {
        string source = item.GetMetadata(MetadataNames.GrpcTools.Source);
        return source.Length > 0 ? source : item.ItemSpec;
    }
}
