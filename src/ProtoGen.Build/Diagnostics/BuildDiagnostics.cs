namespace ProtoGen.Build.Diagnostics;

/// <summary>
/// Every diagnostic the ProtoGen MSBuild tasks report, one per cause. Listed with causes, examples and
/// fixes in docs/diagnostics.md; an ID is never reused for another cause.
/// </summary>
internal static class BuildDiagnostics
{
    public static readonly DiagnosticDescriptor ProtocError =
        new("PGB1001", DiagnosticSeverity.Error, "protoc reported an error in a proto file");

    public static readonly DiagnosticDescriptor ImportNotFound =
        new("PGB1002", DiagnosticSeverity.Error, "An import's logical path is provided by no import directory");

    public static readonly DiagnosticDescriptor InvalidLogicalPrefix =
        new("PGB1003", DiagnosticSeverity.Error, "A logical path prefix that protoc would reject");

    public static readonly DiagnosticDescriptor InvalidNamespace =
        new("PGB1004", DiagnosticSeverity.Error, "A namespace that is not a valid C# namespace");

    public static readonly DiagnosticDescriptor ConflictingNamespaceRules =
        new("PGB1005", DiagnosticSeverity.Error, "Two namespace rules for the same logical prefix");

    public static readonly DiagnosticDescriptor DuplicateLogicalPath =
        new("PGB1006", DiagnosticSeverity.Error, "Two proto files map to the same logical path");

    public static readonly DiagnosticDescriptor ConflictingImportPrefixes =
        new("PGB1007", DiagnosticSeverity.Error, "One proto root is mapped under two import prefixes");

    public static readonly DiagnosticDescriptor FileOutsideProtoRoot =
        new("PGB1008", DiagnosticSeverity.Error, "A mapped proto file is not under its ProtoRoot");

    public static readonly DiagnosticDescriptor ProtocFailed =
        new("PGB1009", DiagnosticSeverity.Error, "protoc failed without a message ProtoGen could place");

    public static readonly DiagnosticDescriptor FileAccessFailed =
        new("PGB1010", DiagnosticSeverity.Error, "A file could not be read or written");

    public static readonly DiagnosticDescriptor ProtocTimedOut =
        new("PGB1011", DiagnosticSeverity.Error, "protoc ran longer than its timeout and was stopped");

    public static readonly DiagnosticDescriptor ImportDirectoryMissing =
        new("PGB1012", DiagnosticSeverity.Error, "An import directory entry does not exist");

    public static readonly DiagnosticDescriptor OutputCollision =
        new("PGB1013", DiagnosticSeverity.Error, "Two protos would write the same output file");

    public static readonly DiagnosticDescriptor ReferencedProtoDiffers =
        new("PGB1014", DiagnosticSeverity.Error, "A project item has the logical path of a referenced project's proto, with other content");

    public static readonly DiagnosticDescriptor ReferencedProtoMissing =
        new("PGB1015", DiagnosticSeverity.Error, "A referenced project exports a proto file that does not exist");

    public static readonly DiagnosticDescriptor PackageManifestUnreadable =
        new("PGB1016", DiagnosticSeverity.Error, "A package's proto export manifest is from a later ProtoGen, or not one at all");

    public static readonly DiagnosticDescriptor UserStringsOverLimit =
        new("PGB1021", DiagnosticSeverity.Error, "The generated code's string literals exceed the 16 MB an assembly can hold");

    public static readonly DiagnosticDescriptor ProtocWarning =
        new("PGB2001", DiagnosticSeverity.Warning, "protoc reported a warning in a proto file");

    public static readonly DiagnosticDescriptor GrpcToolsContractBroken =
        new("PGB2002", DiagnosticSeverity.Warning, "The Grpc.Tools version in use lacks a name ProtoGen relies on");

    public static readonly DiagnosticDescriptor DuplicateLogicalPathNotImported =
        new("PGB2003", DiagnosticSeverity.Warning, "Two proto files have one logical path that nothing imports");

    public static readonly DiagnosticDescriptor ItemShadowsImportDirectory =
        new("PGB2004", DiagnosticSeverity.Warning, "A project item and an import directory provide the same logical path");

    public static readonly DiagnosticDescriptor ReferencedProtoCompiledAgain =
        new("PGB2005", DiagnosticSeverity.Warning, "A project item is a proto a referenced project already compiles");

    public static readonly DiagnosticDescriptor ReferenceNamespaceWins =
        new("PGB2006", DiagnosticSeverity.Warning, "A namespace rule would give a referenced project's proto another namespace");

    public static readonly DiagnosticDescriptor ImportProvidedTwice =
        new("PGB2007", DiagnosticSeverity.Warning, "A file the compiled protos import is provided, with other content, by a root or AdditionalImportDirs and by an import directory");

    public static readonly DiagnosticDescriptor UserStringsNearLimit =
        new("PGB2008", DiagnosticSeverity.Warning, "The generated code's string literals near the 16 MB an assembly can hold");
}
