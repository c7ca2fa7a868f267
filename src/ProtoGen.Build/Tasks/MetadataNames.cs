namespace ProtoGen.Build.Tasks;

/// <summary>
/// Every item metadata name ProtoGen reads or writes, spelled once. build/ProtoGen.targets spells no metadata
/// name: the tasks set and read metadata, the targets only move items (a unit test holds the targets to this).
/// </summary>
internal static class MetadataNames
{
    // ProtoGen's own metadata, written by users on Protobuf and ProtoNamespace items.
    public const string ImportPrefix = "ImportPrefix";
    public const string ItemCSharpNamespace = "CSharpNamespace";
    public const string Override = "Override";
    public const string Namespace = "Namespace";
    public const string ClientWrapper = "ClientWrapper";
    public const string DefaultTimeout = "DefaultTimeout";
    public const string MethodTimeouts = "MethodTimeouts";
    public const string DefaultMetadata = "DefaultMetadata";

    // Metadata of the Grpc.Tools contract items in build/ProtoGen.targets.
    public const string ContractKind = "Kind";
    public const string ContractUse = "Use";

    // MSBuild's well-known metadata.
    public const string DefiningProjectFullPath = "DefiningProjectFullPath";
    public const string DefiningProjectDirectory = "DefiningProjectDirectory";
    public const string FullPath = "FullPath";

    /// <summary>Set by the MSBuild task on the items a target of another project returns: that project's file.</summary>
    public const string MSBuildSourceProjectFile = "MSBuildSourceProjectFile";

    // Metadata ProtoGen sets on the items it hands to Grpc.Tools' tasks and targets and to its own tasks.
    public const string OriginalPath = "ProtoGenOriginalPath";
    public const string OriginalItemSpec = "ProtoGenOriginalItemSpec";
    public const string OriginalProtoRoot = "ProtoGenOriginalProtoRoot";
    public const string LogicalPath = "ProtoGenLogicalPath";
    public const string StagedNamespace = "ProtoGenNamespace";
    public const string StagedNamespaceOverride = "ProtoGenNamespaceOverride";
    public const string PreferredRoot = "ProtoGenPreferredRoot";
    public const string Package = "ProtoGenPackage";
    public const string CSharpNamespace = "ProtoGenCSharpNamespace";
    public const string Services = "ProtoGenServices";

    // Metadata of a project's exported protos (ProtoGenGetProtoExports): with LogicalPath, ProtoRoot, ImportPrefix and CSharpNamespace.
    public const string CompiledBy = "ProtoGenCompiledBy";

    /// <summary>On a proto a package exports: the manifest it is listed in (a project reference's are named by MSBuildSourceProjectFile).</summary>
    public const string ExportedBy = "ProtoGenExportedBy";

    /// <summary>On a proto a package exports: the package, as messages name it.</summary>
    public const string Provider = "ProtoGenProvider";

    /// <summary>
    /// On an export that is an import directory of the exporting project (a standard import directory or an
    /// <c>AdditionalImportDirs</c> entry, its references' too), not a proto: its protoc argument, <c>prefix=dir</c> or the
    /// directory. Its importers' protos may import what it provides, so the referencing project searches it too.
    /// </summary>
    public const string ImportDirectoryEntry = "ProtoGenImportDirectory";

    // Metadata of the ProtoGenPackageExports items a package's buildTransitive props declare, and of the files ProtoGen packs.
    public const string PackageId = "PackageId";
    public const string PackageVersion = "PackageVersion";

    /// <summary>NuGet's: where a packed file goes in the package.</summary>
    public const string PackagePath = "PackagePath";

    /// <summary>
    /// Grpc.Tools' metadata of <c>Protobuf</c> and <c>Protobuf_Compile</c> items. Each is declared in the Grpc.Tools
    /// contract block of build/ProtoGen.targets, which a build checks against the Grpc.Tools version in use (PGB2002).
    /// </summary>
    internal static class GrpcTools
    {
        public const string ProtoRoot = "ProtoRoot";
        public const string Source = "Source";
        public const string ProtoCompile = "ProtoCompile";
        public const string CompileOutputs = "CompileOutputs";
        public const string OutputDir = "OutputDir";
        public const string GrpcOutputDir = "GrpcOutputDir";
        public const string GrpcServices = "GrpcServices";
        public const string Access = "Access";
        public const string OutputOptions = "OutputOptions";
        public const string GrpcOutputOptions = "GrpcOutputOptions";
        public const string AdditionalImportDirs = "AdditionalImportDirs";
        public const string AdditionalProtocArguments = "AdditionalProtocArguments";
        public const string GrpcPluginExe = "GrpcPluginExe";

        /// <summary>Set by <c>Protobuf_PrepareCompileOptions</c> (<c>internal_access</c>); private to Grpc.Tools, read because its public targets set it.</summary>
        public const string PrivateOutputOptions = "_OutputOptions";

        /// <summary>Set by Grpc.Tools' gRPC options target (<c>no_server</c>, <c>no_client</c>, <c>internal_access</c>); private, read for the same reason.</summary>
        public const string PrivateGrpcOutputOptions = "_GrpcOutputOptions";
    }
}
