using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ProtoGen.Testing;

/// <summary>The full paths of one snapshot's two files.</summary>
internal sealed record SnapshotPaths(string Verified, string Received);

/// <summary>
/// The naming settings of one verification and the rule that turns them into
/// <c>{Directory}/{Class}.{Method}_{Parameters}.{verified|received}.{Extension}</c>.
/// </summary>
internal sealed partial class SnapshotName(string callerMethodName)
{
    // Fixed rather than Path.GetInvalidFileNameChars(), so names are the same on every OS.
    private const string InvalidFileNameChars = "\\/:*?\"<>|";

    public string? MethodName { get; set; }

    public string? TypeName { get; set; }

    public string? FileName { get; set; }

    public string? ParametersText { get; set; }

    public string? Directory { get; set; }

    public string Extension { get; set; } = "txt";

    public static string RequireText(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, parameterName);
        return value;
    }

    public static string FormatParameters(object?[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Length == 0)
        {
            throw new ArgumentException("Pass at least one parameter value.", nameof(parameters));
        }

        return string.Join('_', parameters.Select((value, index) =>
            string.Create(CultureInfo.InvariantCulture, $"p{index + 1}={FormatValue(value)}")));
    }

    public SnapshotPaths Resolve(string sourceFile)
    {
        if (FileName is not null && (TypeName ?? MethodName ?? ParametersText) is not null)
        {
            throw new InvalidOperationException(
                "UseFileName replaces the whole name: it cannot be combined with UseTypeName, UseMethodName, UseParameters or UseTextForParameters.");
        }

        var prefix = FileName
            ?? $"{TypeName ?? TypeNameOf(sourceFile)}.{MethodName ?? RequireText(callerMethodName, "methodName")}";
        if (ParametersText is not null)
        {
            prefix += "_" + ParametersText;
        }

        prefix = Sanitize(prefix);
        var directory = Directory is not null && Path.IsPathRooted(Directory)
            ? Directory
            : Path.Combine(SourceDirectory(sourceFile), Directory ?? "");
        directory = Path.GetFullPath(directory);
        return new SnapshotPaths(
            Path.Combine(directory, $"{prefix}.verified.{Extension}"),
            Path.Combine(directory, $"{prefix}.received.{Extension}"));
    }

    private static string TypeNameOf(string sourceFile) =>
        Path.GetFileNameWithoutExtension(RequireText(sourceFile, nameof(sourceFile)).Replace('\\', '/'));

    /// <summary>
    /// The directory of the test source file. Deterministic CI builds (ContinuousIntegrationBuild)
    /// map source paths to <c>/_/relative/path</c>; such a path is found again by walking up from
    /// the test assembly's directory until the relative directory exists.
    /// </summary>
    private static string SourceDirectory(string sourceFile)
    {
        var directory = Path.GetDirectoryName(RequireText(sourceFile, nameof(sourceFile)));
        if (directory is not null && System.IO.Directory.Exists(directory))
        {
            return directory;
        }

        var mapped = MappedSourcePath().Match(sourceFile);
        if (mapped.Success)
        {
            var relative = Path.GetDirectoryName(mapped.Groups["relative"].Value) ?? "";
            for (var root = new DirectoryInfo(AppContext.BaseDirectory); root is not null; root = root.Parent)
            {
                var candidate = Path.Combine(root.FullName, relative);
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            $"The directory of the test source file '{sourceFile}' does not exist; pass an absolute path to UseDirectory.");
    }

    private static string FormatValue(object? value) => value switch
    {
        null => "null",
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(',', items.Cast<object?>().Select(FormatValue)),
        _ => value.ToString() ?? "null",
    };

    private static string Sanitize(string name) =>
        string.Concat(name.Select(c => c < ' ' || InvalidFileNameChars.Contains(c, StringComparison.Ordinal) ? '-' : c));

    [GeneratedRegex(@"^[/\\]_[0-9]*[/\\](?<relative>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex MappedSourcePath();
}
