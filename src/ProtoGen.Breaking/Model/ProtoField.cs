using Google.Protobuf.Reflection;

namespace ProtoGen.Breaking.Model;

/// <summary>How many values a field holds and whether it tracks presence, as the cardinality rules compare it.</summary>
internal enum Cardinality
{
    OptionalExplicitPresence,
    OptionalImplicitPresence,
    Required,
    Repeated,
    Map,
}

/// <summary>A field of a message, or an extension (a field with an extendee, declared in a file or a message).</summary>
internal sealed class ProtoField
{
    public ProtoField(ProtoFile file, ProtoMessage? message, FieldDescriptorProto proto, int[] path, ResolvedFeatures features)
    {
        File = file;
        Message = message;
        Proto = proto;
        Path = path;
        Features = features;
        string scope = message?.FullName ?? file.Package;
        FullName = scope.Length == 0 ? proto.Name : scope + "." + proto.Name;
    }

    public ProtoFile File { get; }

    /// <summary>The message that declares the field (for an extension declared in a message, that message); null for a top-level extension.</summary>
    public ProtoMessage? Message { get; }

    public FieldDescriptorProto Proto { get; }

    public int[] Path { get; }

    public ResolvedFeatures Features { get; }

    /// <summary>Memo of the field's C# property name (<see cref="Rules.CSharpNaming"/>).</summary>
    public string? CSharpName { get; set; }

    public string Name => Proto.Name;

    public string FullName { get; }

    public int Number => Proto.Number;

    public bool IsExtension => Proto.HasExtendee;

    /// <summary>The extended message's full name, without protoc's leading dot; empty for a plain field.</summary>
    public string Extendee => TrimDot(Proto.Extendee);

    /// <summary>The referenced message or enum's full name, without protoc's leading dot; empty for a scalar.</summary>
    public string TypeName => TrimDot(Proto.TypeName);

    public FieldDescriptorProto.Types.Type Type => Proto.Type;

    /// <summary>The oneof the field belongs to (a synthetic one for a proto3 <c>optional</c> field), or null.</summary>
    public ProtoOneof? Oneof { get; set; }

    /// <summary>The map entry message when the field is a map; set once the workspace has resolved types.</summary>
    public ProtoMessage? MapEntry { get; set; }

    /// <summary>The enum a field of enum type refers to, when the workspace has it.</summary>
    public ProtoEnum? EnumType { get; set; }

    public FieldOptions Options => Proto.Options ?? EmptyOptions;

    public bool IsRepeated => Proto.Label == FieldDescriptorProto.Types.Label.Repeated;

    public bool IsMap => MapEntry is not null;

    public bool IsRequired => Proto.Label == FieldDescriptorProto.Types.Label.Required || Features.FieldPresence == FeatureSet.Types.FieldPresence.LegacyRequired;

    /// <summary>The type as encoded on the wire: a message with <c>features.message_encoding = DELIMITED</c> is a group.</summary>
    public FieldDescriptorProto.Types.Type Kind =>
        Proto.Type == FieldDescriptorProto.Types.Type.Message && Features.MessageEncoding == FeatureSet.Types.MessageEncoding.Delimited && !IsMap
            ? FieldDescriptorProto.Types.Type.Group
            : Proto.Type;

    public bool HasPresence =>
        !IsRepeated
        && (IsExtension
            || Kind is FieldDescriptorProto.Types.Type.Message or FieldDescriptorProto.Types.Type.Group
            || Proto.HasOneofIndex
            || Proto.Proto3Optional
            || Features.FieldPresence != FeatureSet.Types.FieldPresence.Implicit);

    public Cardinality Cardinality =>
        IsMap ? Cardinality.Map
        : IsRepeated ? Cardinality.Repeated
        : IsRequired ? Cardinality.Required
        : HasPresence ? Cardinality.OptionalExplicitPresence
        : Cardinality.OptionalImplicitPresence;

    /// <summary>Describes the field the way the findings name it: <c>Field "2" with name "amount" on message "Entry"</c>.</summary>
    public string Description(bool withName = true)
    {
        string name = withName ? $" with name \"{(IsExtension ? FullName : Name)}\"" : string.Empty;
        return IsExtension
            ? $"Extension \"{Number}\"{name} on message \"{Extendee}\""
            : $"Field \"{Number}\"{name} on message \"{Message?.Name}\"";
    }

    public static string TrimDot(string name) => name.Length > 0 && name[0] == '.' ? name.Substring(1) : name;

    private static FieldOptions EmptyOptions { get; } = new();

    public override string ToString() => FullName;
}
