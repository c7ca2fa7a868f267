using System.Collections.Generic;
using Google.Protobuf.Reflection;

namespace ProtoGen.Breaking.Model;

/// <summary>A message (or a map entry protoc made for a map field) and what it declares.</summary>
internal sealed class ProtoMessage : ProtoType
{
    public ProtoMessage(ProtoFile file, ProtoMessage? parent, DescriptorProto proto, int[] path, ResolvedFeatures features)
        : base(file, parent, proto.Name, path, features)
    {
        Proto = proto;
    }

    public DescriptorProto Proto { get; }

    public bool IsMapEntry => Proto.Options?.MapEntry == true;

    public MessageOptions Options => Proto.Options ?? EmptyOptions;

    public List<ProtoField> Fields { get; } = [];

    public List<ProtoOneof> Oneofs { get; } = [];

    public List<ProtoMessage> NestedMessages { get; } = [];

    public List<ProtoEnum> NestedEnums { get; } = [];

    public List<ProtoField> Extensions { get; } = [];

    private static MessageOptions EmptyOptions { get; } = new();
}

/// <summary>A oneof of a message; synthetic ones stand for a proto3 <c>optional</c> field.</summary>
internal sealed class ProtoOneof
{
    public ProtoOneof(ProtoMessage message, OneofDescriptorProto proto, int index)
    {
        Message = message;
        Proto = proto;
        Index = index;
        Path = SourcePaths.Append(message.Path, SourcePaths.MessageOneof, index);
    }

    public ProtoMessage Message { get; }

    public OneofDescriptorProto Proto { get; }

    public int Index { get; }

    public int[] Path { get; }

    public string Name => Proto.Name;

    /// <summary>True when protoc made the oneof for a proto3 <c>optional</c> field.</summary>
    public bool IsSynthetic { get; set; }

    public List<ProtoField> Fields { get; } = [];
}
