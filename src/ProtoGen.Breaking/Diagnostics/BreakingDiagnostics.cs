using ProtoGen.Build.Diagnostics;

namespace ProtoGen.Breaking.Diagnostics;

/// <summary>
/// Every diagnostic of the breaking-change check, one per cause (docs/diagnostics.md). A finding's code tells the
/// weakest category that still reports its rule: PGB3001 for rules only FILE has, up to PGB3004 for rules that even
/// WIRE has (the binary encoding breaks); PGB3005 for ProtoGen's CSHARP rules. PGB31xx are configuration and input
/// errors. An ID is never reused for another cause.
/// </summary>
internal static class BreakingDiagnostics
{
    public static readonly DiagnosticDescriptor FileLevelBreak =
        new("PGB3001", DiagnosticSeverity.Error, "A change that breaks generated code per file (buf category FILE)");

    public static readonly DiagnosticDescriptor PackageLevelBreak =
        new("PGB3002", DiagnosticSeverity.Error, "A change that breaks generated code per package (buf category PACKAGE)");

    public static readonly DiagnosticDescriptor JsonBreak =
        new("PGB3003", DiagnosticSeverity.Error, "A change that breaks the JSON encoding (buf category WIRE_JSON)");

    public static readonly DiagnosticDescriptor WireBreak =
        new("PGB3004", DiagnosticSeverity.Error, "A change that breaks the binary wire encoding (buf category WIRE)");

    public static readonly DiagnosticDescriptor CSharpBreak =
        new("PGB3005", DiagnosticSeverity.Error, "A change that breaks compiled C# callers (ProtoGen category CSHARP)");

    public static readonly DiagnosticDescriptor InvalidBufYaml =
        new("PGB3101", DiagnosticSeverity.Error, "A buf.yaml that does not parse or has an invalid breaking section");

    public static readonly DiagnosticDescriptor UnknownRule =
        new("PGB3102", DiagnosticSeverity.Error, "An unknown breaking rule or category");

    public static readonly DiagnosticDescriptor BaselineUnreadable =
        new("PGB3103", DiagnosticSeverity.Error, "A baseline that is missing or cannot be read");

    public static readonly DiagnosticDescriptor BaselineVersionMismatch =
        new("PGB3104", DiagnosticSeverity.Error, "A baseline file that this ProtoGen did not write");

    public static readonly DiagnosticDescriptor InvalidSuppressionsFile =
        new("PGB3105", DiagnosticSeverity.Error, "A suppressions file that cannot be read");

    public static readonly DiagnosticDescriptor CurrentDescriptorsUnreadable =
        new("PGB3106", DiagnosticSeverity.Error, "The current protos' descriptor set is missing or incomplete");

    public static readonly DiagnosticDescriptor BaselineProtocError =
        new("PGB3107", DiagnosticSeverity.Error, "protoc reported an error in a proto of a baseline directory");

    public static readonly DiagnosticDescriptor BaselineProtocFailed =
        new("PGB3108", DiagnosticSeverity.Error, "protoc failed on a baseline directory without a message ProtoGen could place");

    public static readonly DiagnosticDescriptor WrongProtobufRuntime =
        new("PGB3109", DiagnosticSeverity.Error, "The task runs with another Google.Protobuf than the one it was built with");

    public static readonly DiagnosticDescriptor UnknownRuleInComment =
        new("PGB3110", DiagnosticSeverity.Warning, "A protogen:breaking:ignore comment that names no known rule");

    public static readonly DiagnosticDescriptor InvalidParameter =
        new("PGB3111", DiagnosticSeverity.Error, "An invalid breaking-check setting");

    public static readonly DiagnosticDescriptor FileWriteFailed =
        new("PGB3112", DiagnosticSeverity.Error, "A baseline or suppressions file could not be written");

    public static readonly DiagnosticDescriptor NoSourceInfo =
        new("PGB3114", DiagnosticSeverity.Warning, "The current descriptor sets lack source info");

    public static readonly DiagnosticDescriptor PackageBaselineWithoutProtos =
        new("PGB3115", DiagnosticSeverity.Error, "A package baseline that ships no protos");

    public static readonly DiagnosticDescriptor BaselineProtocTimedOut =
        new("PGB3116", DiagnosticSeverity.Error, "protoc ran longer than its timeout on a baseline directory and was stopped");

    public static readonly DiagnosticDescriptor RuleFailed =
        new("PGB3113", DiagnosticSeverity.Error, "A rule could not run on malformed descriptors");
}
