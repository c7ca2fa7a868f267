using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.Protoc;

namespace ProtoGen.Build.Tasks;

/// <summary>
/// Compiles the out-of-date staged protos with as few protoc runs as their options allow, instead of
/// Grpc.Tools' one run per proto. Each run writes into a scratch folder; the outputs are then moved to the
/// paths Grpc.Tools predicted, and a dependency file per proto is written from the run's descriptor set, so
/// Grpc.Tools' up-to-date checks keep working file by file. protoc's messages are reported against the
/// original protos.
/// </summary>
public sealed class ProtoGenCompileBatched : Task
{
    /// <summary>The staged protos to compile: Grpc.Tools' out-of-date <c>Protobuf_Compile</c> items, with their compile options.</summary>
    [Required]
    public ITaskItem[] Protobuf { get; set; } = [];

    /// <summary>Grpc.Tools' predicted outputs (<c>Protobuf_ExpectedOutputs</c>), each with the Source it comes from.</summary>
    [Required]
    public ITaskItem[] ExpectedOutputs { get; set; } = [];

    /// <summary>protoc's full path.</summary>
    [Required]
    public string ProtocPath { get; set; } = string.Empty;

    /// <summary>The well-known types' directory.</summary>
    public string StandardImportsPath { get; set; } = string.Empty;

    /// <summary>Where Grpc.Tools reads dependency files (<c>$(Protobuf_DepFilesPath)</c>).</summary>
    [Required]
    public string DependencyDirectory { get; set; } = string.Empty;

    /// <summary>A folder ProtoGen owns for scratch output.</summary>
    [Required]
    public string WorkDirectory { get; set; } = string.Empty;

    /// <summary>The directory protoc runs in; relative paths are resolved against it.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The files written, for Grpc.Tools' bookkeeping (<c>_Protobuf_GeneratedFiles</c>).</summary>
    [Output]
    public ITaskItem[] GeneratedFiles { get; private set; } = [];

    /// <summary>The dependency files' folder, resolved against the project; set by <see cref="Execute"/>.</summary>
    private string _dependencyDirectory = string.Empty;

    /// <summary>The project directory, full, with a final separator; set by <see cref="Execute"/>.</summary>
    private string _projectRoot = string.Empty;

    /// <inheritdoc />
    public override bool Execute()
    {
        _dependencyDirectory = Path.Combine(ProjectDirectory, DependencyDirectory);
        _projectRoot = Path.GetFullPath(ProjectDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(_dependencyDirectory);
        ILookup<string, string> outputs = ExpectedOutputs.ToLookup(o => o.GetMetadata(MetadataNames.Source), o => o.ItemSpec, StringComparer.Ordinal);
        IReadOnlyList<IReadOnlyList<ITaskItem>> runs = BatchPlanner.Plan(
            Protobuf,
            CompileKey,
            item => outputs[ProtobufItems.Source(item)].Select(Path.GetFileName).OfType<string>());

        var generated = new List<ITaskItem>();
        for (int i = 0; i < runs.Count && !Log.HasLoggedErrors; i++)
        {
            CompileRun(runs[i], i, runs.Count, outputs, generated);
        }

        GeneratedFiles = [.. generated];
        return !Log.HasLoggedErrors;
    }

    private void CompileRun(IReadOnlyList<ITaskItem> items, int index, int count, ILookup<string, string> outputs, List<ITaskItem> generated)
    {
        ITaskItem first = items[0];
        string scratch = Path.Combine(WorkDirectory, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        Directory.CreateDirectory(scratch);
        string descriptors = Path.Combine(scratch, "descriptors.protoset");
        List<string> protoPaths = ProtoPaths(first);

        var arguments = new List<string> { "--csharp_out=" + scratch };
        AddOptions(arguments, "--csharp_opt=", first, "OutputOptions", "_OutputOptions");
        string plugin = first.GetMetadata("GrpcPluginExe");
        if (plugin.Length > 0)
        {
            arguments.Add("--plugin=protoc-gen-grpc=" + plugin);
            arguments.Add("--grpc_out=" + scratch);
            AddOptions(arguments, "--grpc_opt=", first, "GrpcOutputOptions", "_GrpcOutputOptions");
        }

        arguments.AddRange(protoPaths.Select(p => "--proto_path=" + p));
        arguments.Add("--descriptor_set_out=" + descriptors);
        arguments.Add("--include_imports");
        arguments.AddRange(Split(first.GetMetadata("AdditionalProtocArguments")));
        arguments.AddRange(items.Select(ProtobufItems.Source));

        Log.LogMessage(MessageImportance.Normal, "ProtoGen: protoc run {0} of {1} compiles {2} proto(s): {3}", index + 1, count, items.Count, string.Join(" ", items.Select(i => i.GetMetadata(MetadataNames.LogicalPath))));
        Log.LogMessage(MessageImportance.Normal, "ProtoGen: protoc command: {0} {1}", ProtocPath, string.Join(" ", arguments));
        ProtocResult result;
        try
        {
            result = ProtocRunner.Run(ProtocPath, arguments, Path.Combine(WorkDirectory, "protoc" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".rsp"), ProjectDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            Log.Report(new BuildDiagnostic(BuildDiagnostics.ProtocFailed, $"Could not run protoc '{ProtocPath}': {e.Message}", string.Empty));
            return;
        }

        if (result.Output.Trim().Length > 0 || result.ExitCode != 0)
        {
            var mapper = new ProtocDiagnosticMapper(items.Select(ToStagedFile), protoPaths, ProjectDirectory);
            Log.Report(mapper.Map(ProtocOutputParser.Parse(result.Output), result.ExitCode));
        }

        if (result.ExitCode != 0 || Log.HasLoggedErrors)
        {
            return;
        }

        Dictionary<string, IReadOnlyList<string>> imports = DescriptorSetReader.Read(File.ReadAllBytes(descriptors))
            .ToDictionary(f => f.Name, f => f.Dependencies, StringComparer.Ordinal);
        var resolver = new ImportResolver(protoPaths, ProjectDirectory);
        foreach (ITaskItem item in items)
        {
            string[] itemOutputs = outputs[ProtobufItems.Source(item)].ToArray();
            foreach (string output in itemOutputs)
            {
                generated.Add(new TaskItem(Place(scratch, output)));
            }

            WriteDependencies(item, itemOutputs, imports, resolver);
        }
    }

    /// <summary>Moves the scratch output named like <paramref name="output"/> to it; an output protoc did not write is created empty, as Grpc.Tools does.</summary>
    private string Place(string scratch, string output)
    {
        string target = Path.Combine(ProjectDirectory, output);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        string produced = Path.Combine(scratch, Path.GetFileName(output));
        if (File.Exists(produced))
        {
            IO.FileWriter.Replace(produced, target);
        }
        else
        {
            File.WriteAllBytes(target, []);
        }

        return output;
    }

    /// <summary>Writes the proto's dependency file: itself and every file it imports, directly or not, as protoc would.</summary>
    private void WriteDependencies(ITaskItem item, string[] itemOutputs, Dictionary<string, IReadOnlyList<string>> imports, ImportResolver resolver)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(item.GetMetadata(MetadataNames.LogicalPath));
        var inputs = new List<string> { ProtobufItems.Source(item) };
        while (pending.Count > 0)
        {
            string name = pending.Pop();
            if (!seen.Add(name) || !imports.TryGetValue(name, out IReadOnlyList<string>? dependencies))
            {
                continue;
            }

            foreach (string dependency in dependencies)
            {
                if (!seen.Contains(dependency))
                {
                    pending.Push(dependency);
                    if (resolver.Resolve(dependency) is { } path && !inputs.Contains(path, StringComparer.Ordinal))
                    {
                        inputs.Add(path);
                    }
                }
            }
        }

        File.WriteAllText(
            DependencyFiles.PathFor(_dependencyDirectory, ProtobufItems.Source(item)),
            DependencyFiles.Format(itemOutputs, inputs.Select(input => RelativeTo(_projectRoot, input)).ToList()));
    }

    /// <summary>
    /// A path under the project directory (<paramref name="root"/>, full, with a final separator) relative to it,
    /// as protoc writes them for Grpc.Tools, which resolves them against the project. At 1,000 protos this halves
    /// what Grpc.Tools reads in every build.
    /// </summary>
    private static string RelativeTo(string root, string path)
    {
        string full = Path.GetFullPath(Path.Combine(root, path));
        return full.StartsWith(root, IO.FileSystemCase.Comparison) ? full.Substring(root.Length) : path;
    }

    private List<string> ProtoPaths(ITaskItem item)
    {
        List<string> paths = Split(item.GetMetadata(MetadataNames.AdditionalImportDirs)).ToList();
        if (StandardImportsPath.Length > 0)
        {
            paths.Add(StandardImportsPath);
        }

        string root = item.GetMetadata(MetadataNames.ProtoRoot);
        if (root.Length > 0)
        {
            paths.Add(root);
        }

        return paths;
    }

    private static StagedFile ToStagedFile(ITaskItem item)
    {
        string original = item.GetMetadata(MetadataNames.OriginalPath);
        string text = File.Exists(original) ? File.ReadAllText(original) : string.Empty;
        return StagedFile.FromOriginal(ProtobufItems.Source(item), item.GetMetadata(MetadataNames.LogicalPath), original, text);
    }

    private static void AddOptions(List<string> arguments, string option, ITaskItem item, params string[] metadata)
    {
        string[] values = metadata.SelectMany(m => Split(item.GetMetadata(m))).ToArray();
        if (values.Length > 0)
        {
            arguments.Add(option + string.Join(",", values));
        }
    }

    private static string CompileKey(ITaskItem item) => string.Join(
        "\n",
        new[] { "OutputOptions", "_OutputOptions", "GrpcPluginExe", "GrpcOutputOptions", "_GrpcOutputOptions", MetadataNames.AdditionalImportDirs, MetadataNames.ProtoRoot, "AdditionalProtocArguments" }
            .Select(item.GetMetadata));

    private static IEnumerable<string> Split(string value) =>
        value.Split([';'], StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim()).Where(v => v.Length > 0);
}
