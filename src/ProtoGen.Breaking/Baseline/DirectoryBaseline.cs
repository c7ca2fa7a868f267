using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using ProtoGen.Breaking.Diagnostics;
using ProtoGen.Breaking.Engine;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.Protoc;

namespace ProtoGen.Breaking.Baseline;

/// <summary>
/// The descriptors of a baseline directory, and its own files (not imports): each file's logical path (its name in
/// the set) and its path on disk.
/// </summary>
internal sealed record CompiledDirectory(byte[] Set, IReadOnlyDictionary<string, string> Files);

/// <summary>
/// A directory baseline, as buf's <c>--against &lt;dir&gt;</c>: every <c>.proto</c> of the directory's module roots
/// (<see cref="BaselineLayout"/>: the directory itself, or where its buf.yaml or buf.work.yaml says they are), known by
/// its path relative to its root, compiled by one protoc run into a descriptor set with source info. Imports the
/// roots do not hold come from <c>importDirectories</c>: protoc <c>--proto_path</c> values, <c>dir</c> or
/// <c>prefix=dir</c>, as the workspace is compiled with (its items' <c>AdditionalImportDirs</c>, the well-known
/// types, what references export).
/// </summary>
internal static class DirectoryBaseline
{
    /// <summary>
    /// An import directory as protoc takes it, made absolute against <paramref name="baseDirectory"/>: <c>dir</c>, or
    /// <c>prefix=dir</c> (protoc's virtual path: files under <c>dir</c> are known as <c>prefix/…</c>).
    /// </summary>
    public static string ResolveImportDirectory(string entry, string baseDirectory)
    {
        int equals = entry.IndexOf('=');
        return equals > 0
            ? entry.Substring(0, equals) + "=" + Path.GetFullPath(Path.Combine(baseDirectory, entry.Substring(equals + 1)))
            : Path.GetFullPath(Path.Combine(baseDirectory, entry));
    }

    /// <summary>
    /// Compiles the protos of <paramref name="directory"/> with <paramref name="protocPath"/>, writing protoc's
    /// output and response file under <paramref name="workDirectory"/>, stopping protoc after
    /// <paramref name="timeout"/>. Returns null after reporting why it failed: no such directory, no protos in it,
    /// a malformed buf.yaml or buf.work.yaml (at its line), protoc errors (at their file and line), protoc that
    /// could not run or ran out of time.
    /// </summary>
    public static CompiledDirectory? Compile(
        string protocPath, string directory, IReadOnlyList<string> importDirectories, string workDirectory, TimeSpan timeout, Action<BuildDiagnostic> report, CancellationToken cancellation = default)
    {
        string root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            report(new BuildDiagnostic(BreakingDiagnostics.BaselineUnreadable, $"Baseline directory '{directory}' does not exist.", directory));
            return null;
        }

        if (BaselineLayout.Read(root, report) is not { } roots || Files(directory, roots, report) is not { } files)
        {
            return null;
        }

        if (files.Count == 0)
        {
            report(new BuildDiagnostic(BreakingDiagnostics.BaselineUnreadable, $"Baseline directory '{directory}' holds no .proto file.", directory));
            return null;
        }

        try
        {
            Directory.CreateDirectory(workDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            report(new BuildDiagnostic(BreakingDiagnostics.FileWriteFailed, $"'{workDirectory}' could not be created: {e.Message}", workDirectory));
            return null;
        }

        // protoc runs in the work directory, where no proto is: every file is named by its logical path and found through the roots.
        string output = Path.Combine(workDirectory, "baseline-directory.protoset");
        var arguments = new List<string> { "--include_imports", "--include_source_info", "--descriptor_set_out=" + output };
        arguments.AddRange(roots.Select(r => r.Directory).Distinct(StringComparer.Ordinal).Select(d => "--proto_path=" + d));
        arguments.AddRange(importDirectories.Where(d => d.Length > 0).Select(d => "--proto_path=" + d));
        arguments.AddRange(files.Keys.OrderBy(f => f, StringComparer.Ordinal));

        ProtocResult run;
        try
        {
            run = ProtocRunner.Run(protocPath, arguments, Path.Combine(workDirectory, "baseline-directory.rsp"), workDirectory, timeout, cancellation);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            report(new BuildDiagnostic(BreakingDiagnostics.BaselineProtocFailed, $"protoc '{protocPath}' could not run on baseline directory '{directory}': {e.Message}", directory));
            return null;
        }

        if (run.Outcome == ProtocOutcome.TimedOut)
        {
            report(new BuildDiagnostic(BreakingDiagnostics.BaselineProtocTimedOut,
                $"protoc ran longer than {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s compiling the {files.Count} proto(s) of baseline directory '{directory}' and was stopped. Raise $(ProtoGenProtocTimeout) (seconds, 0 for no limit) if the protos need longer.",
                directory));
            return null;
        }

        if (run.Outcome != ProtocOutcome.Exited)
        {
            throw new OperationCanceledException(cancellation);
        }

        if (run.ExitCode != 0)
        {
            bool placed = false;
            foreach (ProtocMessage message in ProtocOutputParser.Parse(run.Output).Where(m => !m.IsWarning))
            {
                if (message.File.Length == 0)
                {
                    continue;
                }

                string file = files.TryGetValue(message.File.Replace('\\', '/'), out string? disk) ? disk
                    : Path.IsPathRooted(message.File) ? message.File
                    : FindImport(message.File.Replace('\\', '/'), importDirectories) ?? root;
                // A file protoc found nowhere ("File not found.") is reported at the baseline directory, with its name in the message.
                string text = ReferenceEquals(file, root) ? message.File + ": " + message.Text : message.Text;
                report(new BuildDiagnostic(BreakingDiagnostics.BaselineProtocError, $"In baseline directory '{directory}': {text}", file, message.Line, message.Column));
                placed = true;
            }

            if (!placed)
            {
                report(new BuildDiagnostic(BreakingDiagnostics.BaselineProtocFailed,
                    $"protoc failed (exit code {run.ExitCode}) on baseline directory '{directory}': {run.Output.Trim()}", directory));
            }

            return null;
        }

        byte[]? set = DescriptorSets.LoadBytes(output, "protoc's descriptor set of the baseline directory", BreakingDiagnostics.BaselineUnreadable, report);
        return set is null ? null : new CompiledDirectory(set, files);
    }

    /// <summary>The file on disk that protoc knows as <paramref name="logical"/> through <paramref name="importDirectories"/> (<c>dir</c> or <c>prefix=dir</c>), if any.</summary>
    private static string? FindImport(string logical, IReadOnlyList<string> importDirectories)
    {
        foreach (string entry in importDirectories)
        {
            int equals = entry.IndexOf('=');
            string prefix = equals > 0 ? entry.Substring(0, equals).Replace('\\', '/').TrimEnd('/') + "/" : string.Empty;
            string directory = equals > 0 ? entry.Substring(equals + 1) : entry;
            if (logical.StartsWith(prefix, StringComparison.Ordinal)
                && Path.Combine(directory, logical.Substring(prefix.Length).Replace('/', Path.DirectorySeparatorChar)) is var candidate
                && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The protos of <paramref name="roots"/> by logical path (their path under their root, '/'-separated), with
    /// their paths on disk; null after reporting a root that is missing or holds no proto, a proto under two roots,
    /// or a directory that cannot be listed.
    /// </summary>
    private static Dictionary<string, string>? Files(string directory, List<BaselineRoot> roots, Action<BuildDiagnostic> report)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var rootOf = new Dictionary<string, BaselineRoot>(StringComparer.Ordinal);
        bool ok = true;
        foreach (BaselineRoot root in roots)
        {
            if (!Directory.Exists(root.Directory))
            {
                report(new BuildDiagnostic(BreakingDiagnostics.InvalidBufYaml, $"{Path.GetFileName(root.ConfigFile)}: module root '{root.Written}' does not exist in baseline directory '{directory}'.", root.ConfigFile ?? directory, root.Line, root.Column));
                ok = false;
                continue;
            }

            List<string> found;
            try
            {
                found = [.. Directory.EnumerateFiles(root.Directory, "*.proto", SearchOption.AllDirectories)
                    .Where(f => !root.Excludes.Any(e => f.StartsWith(e + Path.DirectorySeparatorChar, StringComparison.Ordinal)))];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                report(new BuildDiagnostic(BreakingDiagnostics.BaselineUnreadable, $"Baseline directory '{root.Directory}' could not be listed: {e.Message}", root.Directory));
                ok = false;
                continue;
            }

            if (found.Count == 0 && root.ConfigFile is not null)
            {
                report(new BuildDiagnostic(BreakingDiagnostics.InvalidBufYaml, $"{Path.GetFileName(root.ConfigFile)}: module root '{root.Written}' of baseline directory '{directory}' holds no .proto file (buf rejects such a module too).", root.ConfigFile, root.Line, root.Column));
                ok = false;
                continue;
            }

            foreach (string file in found)
            {
                string logical = file.Substring(root.Directory.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Replace('\\', '/');
                if (rootOf.TryGetValue(logical, out BaselineRoot? other))
                {
                    report(new BuildDiagnostic(BreakingDiagnostics.InvalidBufYaml,
                        $"{Path.GetFileName(root.ConfigFile)}: '{logical}' is in two module roots of baseline directory '{directory}', '{other.Written}' and '{root.Written}'; a proto's path must name one file.", root.ConfigFile ?? directory, root.Line, root.Column));
                    ok = false;
                    continue;
                }

                rootOf[logical] = root;
                files[logical] = file;
            }
        }

        return ok ? files : null;
    }

    /// <summary>
    /// <paramref name="set"/> with the C# namespaces ProtoGen's staging gives the current protos of the same logical
    /// path, as their staged copies get them: a directory baseline holds the protos as written, and the current side is
    /// compiled from the staged copies, so without this every mapped proto would look like a changed
    /// <c>csharp_namespace</c>. The rule that applies is the project's current one: a namespace rule change is seen
    /// against a baseline file only.
    /// </summary>
    public static byte[] WithMappedNamespaces(byte[] set, IReadOnlyList<CurrentProto> current)
    {
        Dictionary<string, CurrentProto> mapped = current.Where(p => p.MappedNamespace is not null).ToDictionary(p => p.LogicalPath, StringComparer.Ordinal);
        if (mapped.Count == 0)
        {
            return set;
        }

        FileDescriptorSet descriptors;
        try
        {
            descriptors = FileDescriptorSet.Parser.ParseFrom(set);
        }
        catch (InvalidProtocolBufferException)
        {
            return set; // reported where the set is read
        }

        foreach (FileDescriptorProto file in descriptors.File)
        {
            if (mapped.TryGetValue(file.Name, out CurrentProto? proto) && (proto.MappedNamespaceOverrides || file.Options?.HasCsharpNamespace != true))
            {
                file.Options ??= new Google.Protobuf.Reflection.FileOptions();
                file.Options.CsharpNamespace = proto.MappedNamespace;
            }
        }

        return descriptors.ToByteArray();
    }
}
