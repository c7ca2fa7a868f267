using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using ProtoGen.Build.Diagnostics;

namespace ProtoGen.Build.Protoc;

/// <summary>A file as protoc saw it (a staged copy, or the original compiled in place), and the original it stands for.</summary>
/// <param name="StagedPath">The full path protoc read: the staged copy, or the original itself.</param>
/// <param name="LogicalPath">The logical path protoc knows it by.</param>
/// <param name="OriginalPath">The proto file the user wrote.</param>
/// <param name="OriginalLineCount">Lines in the original; a position past them is on the line ProtoGen added.</param>
/// <param name="OriginalLines">The original's lines, to turn protoc's columns (tabs to multiples of 8) into character columns; optional.</param>
internal sealed record StagedFile(string StagedPath, string LogicalPath, string OriginalPath, int OriginalLineCount, IReadOnlyList<string>? OriginalLines = null)
{
    /// <summary>The staged file for <paramref name="originalText"/>, the original's whole text.</summary>
    public static StagedFile FromOriginal(string stagedPath, string logicalPath, string originalPath, string originalText)
    {
        string[] lines = originalText.Split('\n');
        int count = originalText.EndsWith("\n", StringComparison.Ordinal) ? lines.Length - 1 : lines.Length;
        return new StagedFile(stagedPath, logicalPath, originalPath, count, lines);
    }
}

/// <summary>
/// Turns protoc's messages about staged copies into diagnostics about the original files, and names a missing
/// import by the logical path that no import directory provided.
/// </summary>
internal sealed class ProtocDiagnosticMapper
{
    private static readonly Regex ImportFailed = new(
        "^Import \"(?<path>[^\"]+)\" was not found or had errors\\.$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeSpan.FromSeconds(1));

    private readonly Dictionary<string, StagedFile> _byStagedPath = new(PathComparer);
    private readonly Dictionary<string, StagedFile> _byLogicalPath = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _importDirs;
    private readonly string _workingDirectory;

    /// <summary>Creates a mapper for <paramref name="files"/>, which protoc searched for in <paramref name="importDirs"/>.</summary>
    public ProtocDiagnosticMapper(IEnumerable<StagedFile> files, IReadOnlyList<string> importDirs, string workingDirectory)
    {
        foreach (StagedFile file in files)
        {
            _byStagedPath[Path.GetFullPath(file.StagedPath)] = file;
            _byLogicalPath[file.LogicalPath] = file;
        }

        _importDirs = importDirs;
        _workingDirectory = workingDirectory;
    }

    /// <summary>The diagnostics for protoc's <paramref name="messages"/>; with a failed exit and none placed, one PGB1009.</summary>
    public IReadOnlyList<BuildDiagnostic> Map(IReadOnlyList<ProtocMessage> messages, int exitCode)
    {
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (ProtocMessage message in messages)
        {
            if (message.Line == 0 && message.Text == "File not found.")
            {
                missing.Add(message.File);
            }
        }

        var diagnostics = new List<BuildDiagnostic>();
        var unplaced = new List<string>();
        foreach (ProtocMessage message in messages)
        {
            if (message.Line == 0 && message.Text == "File not found." && !_byLogicalPath.ContainsKey(message.File))
            {
                continue; // Reported at the import that asked for it.
            }

            if (message.File.Length == 0)
            {
                unplaced.Add(message.Text);
                continue;
            }

            (string file, int line, int column) = Place(message);
            Match import = ImportFailed.Match(message.Text);
            if (!message.IsWarning && import.Success && missing.Contains(import.Groups["path"].Value))
            {
                string path = import.Groups["path"].Value;
                diagnostics.Add(new BuildDiagnostic(
                    BuildDiagnostics.ImportNotFound,
                    $"Import \"{path}\" was not found: no import directory provides the logical path '{path}'. Searched: {string.Join(", ", _importDirs)}. Add the proto as a Protobuf item, or map its directory with ImportPrefix or AdditionalImportDirs=\"prefix=dir\".",
                    file,
                    line,
                    column));
                continue;
            }

            diagnostics.Add(new BuildDiagnostic(
                message.IsWarning ? BuildDiagnostics.ProtocWarning : BuildDiagnostics.ProtocError,
                message.Text,
                file,
                line,
                column));
        }

        if (exitCode != 0 && !diagnostics.Exists(d => d.Descriptor.Severity == DiagnosticSeverity.Error))
        {
            string text = unplaced.Count == 0 ? "no output" : string.Join(" ", unplaced);
            diagnostics.Add(new BuildDiagnostic(BuildDiagnostics.ProtocFailed, $"protoc exited with code {exitCode}: {text}", string.Empty));
        }

        return diagnostics;
    }

    private (string File, int Line, int Column) Place(ProtocMessage message)
    {
        string full = Path.IsPathRooted(message.File) ? message.File : Path.Combine(_workingDirectory, message.File);
        StagedFile? staged = null;
        try
        {
            _byStagedPath.TryGetValue(Path.GetFullPath(full), out staged);
        }
        catch (ArgumentException)
        {
            // Not a path (a logical name with odd characters): look it up by logical path below.
        }

        if (staged is null && !_byLogicalPath.TryGetValue(message.File, out staged))
        {
            return (message.File, message.Line, message.Column);
        }

        if (message.Line > staged.OriginalLineCount)
        {
            // Past the original's end: the line ProtoGen appended. Point at the original's last line.
            return (staged.OriginalPath, Math.Max(1, staged.OriginalLineCount), 0);
        }

        return (staged.OriginalPath, message.Line, CharacterColumn(staged, message.Line, message.Column));
    }

    /// <summary>protoc counts a tab as a jump to the next multiple of 8; MSBuild and IDEs count characters.</summary>
    private static int CharacterColumn(StagedFile staged, int line, int column)
    {
        if (column <= 1 || staged.OriginalLines is null || line < 1 || line > staged.OriginalLines.Count)
        {
            return column;
        }

        string text = staged.OriginalLines[line - 1];
        int display = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (display >= column - 1)
            {
                return i + 1;
            }

            display = text[i] == '\t' ? (display / 8 + 1) * 8 : display + 1;
        }

        return text.Length + 1;
    }

    private static StringComparer PathComparer => IO.FileSystemCase.Comparer;
}
