using System;
using System.Globalization;
using Google.Protobuf.Reflection;
using ProtoGen.Breaking.Engine;
using ProtoGen.Breaking.Model;

namespace ProtoGen.Breaking.Rules;

/// <summary>Rules about whole files: deletion, package, syntax and the file options buf compares.</summary>
internal static class FileRules
{
    /// <summary>FILE_NO_DELETE: a file of the baseline is no longer among the current files.</summary>
    public static void NoDelete(CheckContext context, string ruleId)
    {
        foreach (ProtoFile previous in context.Previous.CurrentFiles)
        {
            if (context.CurrentFile(previous.Path) is null)
            {
                context.Report(ruleId, previous.Path, $"Previously present file \"{previous.Path}\" was deleted.", null, previous);
            }
        }
    }

    /// <summary>FILE_SAME_PACKAGE.</summary>
    public static void SamePackage(CheckContext context, string ruleId)
    {
        foreach ((ProtoFile previous, ProtoFile current) in context.FilePairs)
        {
            SameValue(context, ruleId, previous, current, "package", previous.Package, current.Package, [SourcePaths.FilePackage]);
        }
    }

    /// <summary>FILE_SAME_SYNTAX: proto2, proto3 or editions (a file without a syntax statement is proto2).</summary>
    public static void SameSyntax(CheckContext context, string ruleId)
    {
        foreach ((ProtoFile previous, ProtoFile current) in context.FilePairs)
        {
            SameValue(context, ruleId, previous, current, "syntax", previous.SyntaxName, current.SyntaxName, [SourcePaths.FileSyntax], [SourcePaths.FileEdition]);
        }
    }

    /// <summary>
    /// A FILE_SAME_&lt;OPTION&gt; rule: the file option at <paramref name="field"/> of <c>FileOptions</c>, as
    /// <paramref name="value"/> reads it; reported at the option's statement, or (an option no longer written) at
    /// the file as a whole, as buf does. An option ProtoGen's staging added has no place in the original: the
    /// package statement, which the mapping reads, stands for it.
    /// </summary>
    public static RuleHandler SameOption(string option, int field, Func<FileOptions, string> value) => (context, ruleId) =>
    {
        foreach ((ProtoFile previous, ProtoFile current) in context.FilePairs)
        {
            string before = value(previous.Options);
            string after = value(current.Options);
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                SameValue(context, ruleId, previous, current, $"option \"{option}\"", before, after, OptionPath(current, [SourcePaths.FileOptions, field]) ?? [SourcePaths.FilePackage]);
            }
        }
    };

    /// <summary>The options buf's FILE_SAME_* rules compare, with the value each reads (unset options read as their default).</summary>
    public static RuleHandler SameCcEnableArenas { get; } = SameOption("cc_enable_arenas", 31, o => Bool(o.CcEnableArenas));

    public static RuleHandler SameCcGenericServices { get; } = SameOption("cc_generic_services", 16, o => Bool(o.CcGenericServices));

    public static RuleHandler SameCSharpNamespace { get; } = SameOption("csharp_namespace", SourcePaths.FileOptionCSharpNamespace, o => o.CsharpNamespace);

    public static RuleHandler SameGoPackage { get; } = SameOption("go_package", 11, o => o.GoPackage);

    public static RuleHandler SameJavaGenericServices { get; } = SameOption("java_generic_services", 17, o => Bool(o.JavaGenericServices));

    public static RuleHandler SameJavaMultipleFiles { get; } = SameOption("java_multiple_files", 10, o => Bool(o.JavaMultipleFiles));

    public static RuleHandler SameJavaOuterClassname { get; } = SameOption("java_outer_classname", 8, o => o.JavaOuterClassname);

    public static RuleHandler SameJavaPackage { get; } = SameOption("java_package", 1, o => o.JavaPackage);

    public static RuleHandler SameObjcClassPrefix { get; } = SameOption("objc_class_prefix", 36, o => o.ObjcClassPrefix);

    public static RuleHandler SameOptimizeFor { get; } = SameOption("optimize_for", 9, o => o.OptimizeFor switch
    {
        FileOptions.Types.OptimizeMode.CodeSize => "CODE_SIZE",
        FileOptions.Types.OptimizeMode.LiteRuntime => "LITE_RUNTIME",
        _ => "SPEED",
    });

    public static RuleHandler SamePhpClassPrefix { get; } = SameOption("php_class_prefix", 40, o => o.PhpClassPrefix);

    public static RuleHandler SamePhpMetadataNamespace { get; } = SameOption("php_metadata_namespace", 44, o => o.PhpMetadataNamespace);

    public static RuleHandler SamePhpNamespace { get; } = SameOption("php_namespace", 41, o => o.PhpNamespace);

    public static RuleHandler SamePyGenericServices { get; } = SameOption("py_generic_services", 18, o => Bool(o.PyGenericServices));

    public static RuleHandler SameRubyPackage { get; } = SameOption("ruby_package", 45, o => o.RubyPackage);

    public static RuleHandler SameSwiftPrefix { get; } = SameOption("swift_prefix", 39, o => o.SwiftPrefix);

    /// <summary>
    /// The path of a file option, unless ProtoGen's staged copy added the option on a line of its own after the
    /// original text (its trailing comment says so): then the option has no place in the original (null).
    /// </summary>
    public static int[]? OptionPath(ProtoFile file, int[] path) =>
        file.LocationOf(path) is { } location && location.TrailingComments.IndexOf("added by ProtoGen", StringComparison.Ordinal) >= 0 ? null : path;

    private static void SameValue(CheckContext context, string ruleId, ProtoFile previous, ProtoFile current, string what, string before, string after, params int[]?[] paths)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            context.Report(ruleId, current.Path, $"File {what} changed from \"{before}\" to \"{after}\".", current, previous, paths);
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Formats an integer for a message, invariantly.</summary>
    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
