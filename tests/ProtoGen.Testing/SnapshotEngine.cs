using System;
using System.IO;
using System.Linq;
using System.Text;
using DiffPlex.Renderer;

namespace ProtoGen.Testing;

/// <summary>Compares received text with the verified file, and writes, accepts or fails.</summary>
internal static class SnapshotEngine
{
    /// <summary>Set to <c>1</c> or <c>true</c> to accept mismatches; ignored when <c>CI</c> is <c>true</c>.</summary>
    public const string AcceptVariable = "PROTOGEN_ACCEPT_SNAPSHOTS";

    private const int MaxDiffLines = 200;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void Compare(string received, SnapshotPaths paths, Func<string, string?> getVariable)
    {
        var verified = File.Exists(paths.Verified)
            ? Scrubbing.Normalize(File.ReadAllText(paths.Verified, Utf8NoBom))
            : null;

        if (string.Equals(verified, received, StringComparison.Ordinal))
        {
            File.Delete(paths.Received);
            return;
        }

        var acceptRequested = IsSet(getVariable(AcceptVariable));
        var onCi = IsSet(getVariable("CI"));
        if (acceptRequested && !onCi)
        {
            Write(paths.Verified, received);
            File.Delete(paths.Received);
            return;
        }

        Write(paths.Received, received);
        throw new SnapshotMismatchException(Message(verified, received, paths, acceptRequested), paths.Verified, paths.Received);
    }

    private static bool IsSet(string? value) =>
        value is not null && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Utf8NoBom);
    }

    private static string Message(string? verified, string received, SnapshotPaths paths, bool acceptRequested)
    {
        var message = new StringBuilder()
            .Append(verified is null ? "Snapshot has no verified file yet." : "Snapshot differs from its verified file.")
            .Append('\n')
            .Append("  verified: ").Append(paths.Verified).Append('\n')
            .Append("  received: ").Append(paths.Received).Append('\n')
            .Append("Review the received file; if it is right, move it over the verified file, or rerun with ")
            .Append(AcceptVariable).Append("=1 to accept every mismatch.").Append('\n');
        if (acceptRequested)
        {
            message.Append(AcceptVariable).Append(" was ignored because CI=true: CI never accepts snapshots.").Append('\n');
        }

        var diff = new UnidiffRenderer(contextLines: 3)
            .Generate(verified ?? "", received, Path.GetFileName(paths.Verified), Path.GetFileName(paths.Received))
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split('\n');
        foreach (var line in diff.Take(MaxDiffLines))
        {
            message.Append('\n').Append(line);
        }

        if (diff.Length > MaxDiffLines)
        {
            message.Append('\n').Append("... ").Append(diff.Length - MaxDiffLines).Append(" more diff lines; compare the files.");
        }

        return message.ToString();
    }
}
