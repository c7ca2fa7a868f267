namespace ProtoGen.Build.Tasks;

/// <summary>Item metadata ProtoGen reads from <c>Protobuf</c> and <c>ProtoNamespace</c> items, or sets on staged items.</summary>
internal static class MetadataNames
{
    public const string ProtoRoot = "ProtoRoot";
    public const string ImportPrefix = "ImportPrefix";
    public const string CSharpNamespace = "CSharpNamespace";
    public const string Override = "Override";
    public const string Namespace = "Namespace";
    public const string AdditionalImportDirs = "AdditionalImportDirs";
    public const string Source = "Source";
    public const string DefiningProjectFullPath = "DefiningProjectFullPath";
    public const string FullPath = "FullPath";

    public const string GrpcServices = "GrpcServices";
    public const string Access = "Access";
    public const string ClientWrapper = "ClientWrapper";
    public const string DefaultTimeout = "DefaultTimeout";
    public const string MethodTimeouts = "MethodTimeouts";
    public const string DefaultMetadata = "DefaultMetadata";

    public const string OriginalPath = "ProtoGenOriginalPath";
    public const string OriginalItemSpec = "ProtoGenOriginalItemSpec";
    public const string LogicalPath = "ProtoGenLogicalPath";
    public const string StagedNamespace = "ProtoGenNamespace";
    public const string StagedNamespaceOverride = "ProtoGenNamespaceOverride";
}
