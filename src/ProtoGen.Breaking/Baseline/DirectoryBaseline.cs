using System;
using System.Collections.Generic;
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

/// <summary>The descriptors of a baseline directory, and which of its files are the baseline's own (not imports).</summary>
internal sealed record CompiledDirectory(byte[] Set, HashSet<string> Files);

/// <summary>
/// A directory baseline, as buf's <c>--against &lt;dir&gt;</c>: every <c>.proto</c> under the directory, known by its
/// path relative to it, compiled by one protoc run into a descriptor set with source info (imports the directory
/// does not hold come from <c>importDirectories</c>, such as Grpc.Tools' well-known types).
/// </summary>
internal static class DirectoryBaseline
{
    /// <summary>
    /// Compiles the protos under <paramref name="directory"/> with <paramref name="protocPath"/>, writing protoc's
    /// output and response file under <paramref name="workDirectory"/>. Returns null after reporting why it failed:
    /// no such directory, no protos in it, protoc errors (at their file and line), protoc that could not run.
    /// </summary>
    public static CompiledDirectory? Compile(
        string protocPath, string directory, IReadOnlyList<string> importDirectories, string workDirectory, Action<BuildDiagnostic> report, CancellationToken cancellation = default)
    {
        string root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            report(new BuildDiagnostic(BreakingDiagnostics.BaselineUnreadable, $"Baseline directory '{directory}' does not exist.", directory));
            return null;
        }

        List<string> files;
        try
        {
            files = [.. Directory.EnumerateFiles(root, "*.proto", SearchOption.AllDirectories)
                .Select(f => f.Substring(root.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            report(new BuildDiagnostic(BreakingDiagnostics.BaselineUnreadable, $"Baseline directory '{directory}' could not be listed: {e.Message}", directory));
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

        string output = Path.Combine(workDirectory, "baseline-directory.protoset");
        var arguments = new List<string> { "--include_imports", "--include_source_info", "--descriptor_set_out=" + output, "--proto_path=" + root };
        arguments.AddRange(importDirectories.Where(d => d.Length > 0).Select(d => "--proto_path=" + Path.GetFullPath(d)));
        arguments.AddRange(files);

        ProtocResult run;
        try
        {
            run = ProtocRunner.Run(protocPath, arguments, Path.Combine(workDirectory, "baseline-directory.rsp"), root, Timeout.InfiniteTimeSpan, cancellation);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            report(new BuildDiagnostic(BreakingDiagnostics.BaselineProtocFailed, $"protoc '{protocPath}' could not run on baseline directory '{directory}': {e.Message}", directory));
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

                string file = Path.IsPathRooted(message.File) ? message.File : Path.Combine(root, message.File.Replace('/', Path.DirectorySeparatorChar));
                report(new BuildDiagnostic(BreakingDiagnostics.BaselineProtocError, $"In baseline directory '{directory}': {message.Text}", file, message.Line, message.Column));
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
        return set is null ? null : new CompiledDirectory(set, new HashSet<string>(files, StringComparer.Ordinal));
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
