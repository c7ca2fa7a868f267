using System.Collections.Generic;
using Google.Protobuf.Reflection;

namespace ProtoGen.Breaking.Model;

/// <summary>An enum and its values.</summary>
internal sealed class ProtoEnum : ProtoType
{
    public ProtoEnum(ProtoFile file, ProtoMessage? parent, EnumDescriptorProto proto, int[] path, ResolvedFeatures features)
        : base(file, parent, proto.Name, path, features)
    {
        Proto = proto;
        for (int i = 0; i < proto.Value.Count; i++)
        {
            Values.Add(new ProtoEnumValue(this, proto.Value[i], SourcePaths.Append(path, SourcePaths.EnumValue, i)));
        }
    }

    public EnumDescriptorProto Proto { get; }

    /// <summary>True for a closed enum (proto2, or <c>features.enum_type = CLOSED</c>).</summary>
    public bool IsClosed => Features.EnumType == FeatureSet.Types.EnumType.Closed;

    public List<ProtoEnumValue> Values { get; } = [];
}

/// <summary>One value of an enum (several may share a number with <c>allow_alias</c>).</summary>
internal sealed class ProtoEnumValue
{
    public ProtoEnumValue(ProtoEnum owner, EnumValueDescriptorProto proto, int[] path)
    {
        Enum = owner;
        Proto = proto;
        Path = path;
    }

    public ProtoEnum Enum { get; }

    public EnumValueDescriptorProto Proto { get; }

    public int[] Path { get; }

    public string Name => Proto.Name;

    public int Number => Proto.Number;
}
