namespace ProtoGen.Breaking.Model;

/// <summary>
/// Field numbers of <c>google/protobuf/descriptor.proto</c> that make up <c>SourceCodeInfo</c> paths: a path is the
/// chain of field numbers (and list indexes) from the <c>FileDescriptorProto</c> to an element or one of its parts.
/// </summary>
internal static class SourcePaths
{
    // FileDescriptorProto
    public const int FilePackage = 2;
    public const int FileMessage = 4;
    public const int FileEnum = 5;
    public const int FileService = 6;
    public const int FileExtension = 7;
    public const int FileOptions = 8;
    public const int FileSyntax = 12;
    public const int FileEdition = 14;

    // DescriptorProto
    public const int MessageField = 2;
    public const int MessageNested = 3;
    public const int MessageEnum = 4;
    public const int MessageExtensionRange = 5;
    public const int MessageExtension = 6;
    public const int MessageOptions = 7;
    public const int MessageOneof = 8;
    public const int MessageReservedRange = 9;
    public const int MessageReservedName = 10;

    // FieldDescriptorProto
    public const int FieldName = 1;
    public const int FieldExtendee = 2;
    public const int FieldNumber = 3;
    public const int FieldLabel = 4;
    public const int FieldType = 5;
    public const int FieldTypeName = 6;
    public const int FieldDefault = 7;
    public const int FieldOptions = 8;
    public const int FieldJsonName = 10;

    // EnumDescriptorProto / EnumValueDescriptorProto
    public const int EnumValue = 2;
    public const int EnumOptions = 3;
    public const int EnumValueName = 1;
    public const int EnumValueNumber = 2;

    // ServiceDescriptorProto / MethodDescriptorProto
    public const int ServiceMethod = 2;
    public const int MethodInputType = 2;
    public const int MethodOutputType = 3;
    public const int MethodOptions = 4;

    // Options
    public const int MessageOptionNoStandardDescriptorAccessor = 2;
    public const int MessageOptionFeatures = 12;
    public const int FieldOptionCType = 1;
    public const int FieldOptionJsType = 6;
    public const int FieldOptionFeatures = 21;
    public const int EnumOptionFeatures = 7;
    public const int FileOptionFeatures = 50;
    public const int FileOptionJavaStringCheckUtf8 = 27;
    public const int FileOptionCSharpNamespace = 37;
    public const int MethodOptionIdempotencyLevel = 34;

    // FeatureSet
    public const int FeatureFieldPresence = 1;
    public const int FeatureEnumType = 2;
    public const int FeatureUtf8Validation = 4;
    public const int FeatureJsonFormat = 6;
    public const int FeatureCpp = 1000;
    public const int FeatureJava = 1001;

    /// <summary><paramref name="path"/> with <paramref name="parts"/> appended.</summary>
    public static int[] Append(int[] path, params int[] parts)
    {
        var result = new int[path.Length + parts.Length];
        path.CopyTo(result, 0);
        parts.CopyTo(result, path.Length);
        return result;
    }
}
