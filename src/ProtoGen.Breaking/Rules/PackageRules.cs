using System;
using System.Collections.Generic;
using System.Linq;
using ProtoGen.Breaking.Engine;
using ProtoGen.Breaking.Model;

namespace ProtoGen.Breaking.Rules;

/// <summary>
/// Rules that compare packages across files (moving a type between files of one package is fine) and the
/// deletion of extensions.
/// </summary>
internal static class PackageRules
{
    /// <summary>PACKAGE_NO_DELETE: no current file has a package the baseline had (reported at the baseline's first file of it).</summary>
    public static void NoDelete(CheckContext context, string ruleId)
    {
        var packages = new HashSet<string>(context.Current.CurrentFiles.Select(f => f.Package), StringComparer.Ordinal);
        foreach (IGrouping<string, ProtoFile> package in context.Previous.CurrentFiles.GroupBy(f => f.Package, StringComparer.Ordinal))
        {
            if (!packages.Contains(package.Key))
            {
                ProtoFile first = package.OrderBy(f => f.Path, StringComparer.Ordinal).First();
                context.Report(ruleId, package.Key, $"Previously present package \"{package.Key}\" was deleted.", null, first);
            }
        }
    }

    /// <summary>PACKAGE_MESSAGE_NO_DELETE.</summary>
    public static void MessageNoDelete(CheckContext context, string ruleId) =>
        ElementNoDelete(context, ruleId, "message", f => f.AllMessages.Select(m => (m.NestedName, m.FullName)), parentLocated: true);

    /// <summary>PACKAGE_ENUM_NO_DELETE.</summary>
    public static void EnumNoDelete(CheckContext context, string ruleId) =>
        ElementNoDelete(context, ruleId, "enum", f => f.AllEnums.Select(e => (e.NestedName, e.FullName)), parentLocated: true);

    /// <summary>PACKAGE_SERVICE_NO_DELETE (reported at the file).</summary>
    public static void ServiceNoDelete(CheckContext context, string ruleId) =>
        ElementNoDelete(context, ruleId, "service", f => f.Services.Select(s => (s.Name, s.FullName)), parentLocated: false);

    /// <summary>PACKAGE_EXTENSION_NO_DELETE.</summary>
    public static void ExtensionNoDelete(CheckContext context, string ruleId) =>
        ElementNoDelete(context, ruleId, "extension", f => f.AllExtensions.Select(e => (NestedName(e), e.FullName)), parentLocated: true);

    /// <summary>EXTENSION_NO_DELETE: an extension (by nested name) is gone from its file.</summary>
    public static void FileExtensionNoDelete(CheckContext context, string ruleId)
    {
        foreach ((ProtoFile previous, ProtoFile current) in context.FilePairs)
        {
            var names = new HashSet<string>(current.AllExtensions.Select(NestedName), StringComparer.Ordinal);
            foreach (ProtoField gone in previous.AllExtensions.Where(e => !names.Contains(NestedName(e))))
            {
                context.Report(ruleId, gone.FullName, $"Previously present extension \"{NestedName(gone)}\" was deleted from file.", current, previous,
                    CheckContext.DeletedElementParentPath(current, NestedName(gone)));
            }
        }
    }

    private static string NestedName(ProtoField extension) =>
        extension.File.Package.Length == 0 ? extension.FullName : extension.FullName.Substring(extension.File.Package.Length + 1);

    /// <summary>
    /// For each package in both versions: an element of the baseline's package whose nested name no current file of
    /// the package declares. Reported in the current file of the same path (at the enclosing message when
    /// <paramref name="parentLocated"/>), or without a file when that file is gone too.
    /// </summary>
    private static void ElementNoDelete(CheckContext context, string ruleId, string kind, Func<ProtoFile, IEnumerable<(string NestedName, string FullName)>> elements, bool parentLocated)
    {
        var current = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (ProtoFile file in context.Current.CurrentFiles)
        {
            if (!current.TryGetValue(file.Package, out HashSet<string>? names))
            {
                current[file.Package] = names = new HashSet<string>(StringComparer.Ordinal);
            }

            names.UnionWith(elements(file).Select(e => e.NestedName));
        }

        foreach (ProtoFile previous in context.Previous.CurrentFiles)
        {
            if (!current.TryGetValue(previous.Package, out HashSet<string>? names))
            {
                continue;
            }

            foreach ((string nestedName, string fullName) in elements(previous).Where(e => !names.Contains(e.NestedName)))
            {
                ProtoFile? file = context.CurrentFile(previous.Path);
                int[]? path = file is not null && parentLocated ? CheckContext.DeletedElementParentPath(file, nestedName) : null;
                context.Report(ruleId, fullName, $"Previously present {kind} \"{nestedName}\" was deleted from package \"{previous.Package}\".", file, previous, path);
            }
        }
    }
}
