using System.Collections.Generic;
using Google.Protobuf.Reflection;

namespace ProtoGen.Breaking.Model;

/// <summary>A message (or a map entry protoc made for a map field) and what it declares.</summary>
internal sealed class ProtoMessage
{
    public ProtoMessage(ProtoFile file, ProtoMessage? parent, DescriptorProto proto, int[] path, ResolvedFeatures features)
    {
        File = file;
        Parent = parent;
        Proto = proto;
        Path = path;
        Features = features;
        NestedName = parent is null ? proto.Name : parent.NestedName + "." + proto.Name;
        FullName = file.Package.Length == 0 ? NestedName : file.Package + "." + NestedName;
    }

    public ProtoFile File { get; }

    public ProtoMessage? Parent { get; }

    public DescriptorProto Proto { get; }

    /// <summary>The source path of the message (<c>[4, i]</c>, <c>[4, i, 3, j]</c>, …).</summary>
    public int[] Path { get; }

    public ResolvedFeatures Features { get; }

    /// <summary>Memo of the message's full C# class name (<see cref="Rules.CSharpNaming"/>).</summary>
    public string? CSharpName { get; set; }

    public string Name => Proto.Name;

    /// <summary>The name within the package: <c>Outer.Inner</c>.</summary>
    public string NestedName { get; }

    /// <summary>The package-qualified name: <c>acme.v1.Outer.Inner</c>.</summary>
    public string FullName { get; }

    public bool IsMapEntry => Proto.Options?.MapEntry == true;

    public MessageOptions Options => Proto.Options ?? EmptyOptions;

    public List<ProtoField> Fields { get; } = [];

    public List<ProtoOneof> Oneofs { get; } = [];

    public List<ProtoMessage> NestedMessages { get; } = [];

    public List<ProtoEnum> NestedEnums { get; } = [];

    public List<ProtoField> Extensions { get; } = [];

    private static MessageOptions EmptyOptions { get; } = new();

    public override string ToString() => FullName;
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
