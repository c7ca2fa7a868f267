using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Build.Framework;
using ProtoGen.Build.IO;
using ProtoGen.Build.Tasks;
using GrpcTools = ProtoGen.Build.Tasks.MetadataNames.GrpcTools;

namespace ProtoGen.Build.Protoc;

/// <summary>Where one protoc run reads and writes.</summary>
/// <param name="OutputDirectory">The scratch folder protoc writes the C# and gRPC files into.</param>
/// <param name="DescriptorSet">The descriptor set protoc writes (with imports), from which dependency files are made.</param>
/// <param name="WorkspaceImportDirs">The workspace's import directories (the stage, then every root).</param>
/// <param name="StandardImportDirs">The entries of <c>$(Protobuf_StandardImportsPath)</c>.</param>
/// <param name="Generate">False for a check run: protoc parses and links, and generates nothing.</param>
/// <param name="IncludeSourceInfo">True to keep comments and positions in the descriptor set (for the breaking-change check).</param>
/// <param name="RunOfItsOwn">
/// True for a run of one proto whose own arguments write a descriptor set or a dependency file
/// (<see cref="ProtocOptions.NeedsRunOfItsOwn"/>): protoc gets them as Grpc.Tools passes them, and no descriptor set of
/// ProtoGen's.
/// </param>
/// <param name="DependencyOut">With <paramref name="RunOfItsOwn"/>, the dependency file protoc writes itself (<c>--dependency_out</c>, as Grpc.Tools runs it), or null.</param>
internal sealed record ProtocRunLayout(
    string OutputDirectory,
    string DescriptorSet,
    IReadOnlyList<string> WorkspaceImportDirs,
    IReadOnlyList<string> StandardImportDirs,
    bool Generate = true,
    bool IncludeSourceInfo = false,
    bool RunOfItsOwn = false,
    string? DependencyOut = null);

/// <summary>
/// The one table of how a <c>Protobuf_Compile</c> item's metadata becomes protoc arguments, in the order and shape
/// Grpc.Tools' <c>ProtoCompile</c> task passes them. Protos share a protoc run when every row's metadata are equal:
/// <see cref="BatchKey"/> is made of the same rows as <see cref="Arguments"/>, so an option added here reaches both.
/// </summary>
internal static class ProtocOptions
{
    private enum Shape
    {
        /// <summary>The values of every metadatum, ';'-split, joined with ',' after the switch.</summary>
        Options,

        /// <summary>The gRPC plugin: <c>--plugin=protoc-gen-grpc=</c>, then <c>--grpc_out</c>; the following <see cref="Options"/> row needs it.</summary>
        Plugin,

        /// <summary>An optional preferred import directory (first metadatum), the workspace's, the item's own (second), the standard ones.</summary>
        ImportDirectories,

        /// <summary>Each ';'-split value as its own argument, unchanged.</summary>
        Arguments,
    }

    private sealed record Row(Shape Shape, string Switch, bool NeedsPlugin, params string[] Metadata);

    private static readonly Row[] Rows =
    [
        new(Shape.Options, "--csharp_opt=", false, GrpcTools.OutputOptions, GrpcTools.PrivateOutputOptions),
        new(Shape.Plugin, "--plugin=protoc-gen-grpc=", false, GrpcTools.GrpcPluginExe),
        new(Shape.Options, "--grpc_opt=", true, GrpcTools.GrpcOutputOptions, GrpcTools.PrivateGrpcOutputOptions),
        new(Shape.ImportDirectories, "--proto_path=", false, MetadataNames.PreferredRoot, GrpcTools.AdditionalImportDirs),
        new(Shape.Arguments, string.Empty, false, GrpcTools.AdditionalProtocArguments),
    ];

    /// <summary>
    /// The option of protoc's C# generator and of the gRPC plugin that writes each file into a folder of its C#
    /// namespace. ProtoGen adds <c>base_namespace=</c> to every run: the generated code is byte for byte the same, and
    /// two protos with one file name (every <c>config.proto</c> of a tree) can share a run.
    /// </summary>
    public const string BaseNamespace = "base_namespace";

    /// <summary>True when the item's own options set <see cref="BaseNamespace"/>; its outputs then sit where those options put them.</summary>
    public static bool SetsOutputFolders(ITaskItem item) =>
        MSBuildLists.Split(item.GetMetadata(GrpcTools.OutputOptions)).Concat(MSBuildLists.Split(item.GetMetadata(GrpcTools.GrpcOutputOptions))).Any(SetsOutputFolders);

    /// <summary>
    /// True when the item's own arguments write a descriptor set (<c>--descriptor_set_out</c>, <c>-o</c>) or a dependency
    /// file: protoc takes those once per run, and Grpc.Tools writes them per proto, so such a proto gets a run of its own
    /// and its dependency file from protoc, as Grpc.Tools does.
    /// </summary>
    public static bool NeedsRunOfItsOwn(ITaskItem item) =>
        MSBuildLists.Split(item.GetMetadata(GrpcTools.AdditionalProtocArguments)).Any(a => IsDescriptorSetOption(a) || a.StartsWith("--dependency_out", StringComparison.Ordinal));

    /// <summary>Every metadatum protoc's arguments depend on.</summary>
    public static IEnumerable<string> Metadata => Rows.SelectMany(r => r.Metadata);

    /// <summary>Equal for two items exactly when protoc would get the same options for them.</summary>
    public static string BatchKey(ITaskItem item) =>
        string.Join("\n", Rows.SelectMany(r => r.Metadata).Select(m => string.Join(";", MSBuildLists.Split(item.GetMetadata(m)))));

    /// <summary>The arguments of a run over <paramref name="inputs"/> with the options of <paramref name="item"/> (any item of the run).</summary>
    public static List<string> Arguments(ITaskItem item, ProtocRunLayout layout, IEnumerable<string> inputs)
    {
        var arguments = new List<string>();
        if (layout.Generate)
        {
            arguments.Add("--csharp_out=" + layout.OutputDirectory);
        }

        bool plugin = false;
        foreach (Row row in Rows)
        {
            string[][] values = row.Metadata.Select(m => MSBuildLists.Split(item.GetMetadata(m)).ToArray()).ToArray();
            switch (row.Shape)
            {
                case Shape.Options when layout.Generate && (!row.NeedsPlugin || plugin):
                    string[] options = values.SelectMany(v => v).ToArray();
                    if (!options.Any(SetsOutputFolders))
                    {
                        // One folder per C# namespace, so protos with one file name share a run; the code is the same.
                        options = [.. options, BaseNamespace + "="];
                    }

                    arguments.Add(row.Switch + string.Join(",", options));
                    break;
                case Shape.Plugin when layout.Generate && values[0].Length > 0:
                    plugin = true;
                    arguments.Add(row.Switch + values[0][0]);
                    arguments.Add("--grpc_out=" + layout.OutputDirectory);
                    break;
                case Shape.ImportDirectories:
                    arguments.AddRange(ImportDirectories(values[0], layout, values[1]).Select(d => row.Switch + d));
                    break;
                case Shape.Arguments:
                    arguments.AddRange(values[0].Where(a => layout.RunOfItsOwn || (!IsDescriptorSetOption(a) && (layout.Generate || !WritesOutput(a)))));
                    break;
            }
        }

        if (layout.RunOfItsOwn)
        {
            if (layout.DependencyOut is not null)
            {
                arguments.Add("--dependency_out=" + layout.DependencyOut);
            }
        }
        else
        {
            arguments.Add("--descriptor_set_out=" + layout.DescriptorSet);
            arguments.Add("--include_imports");
            if (layout.IncludeSourceInfo)
            {
                arguments.Add("--include_source_info");
            }
        }

        arguments.AddRange(inputs);
        return arguments;
    }

    /// <summary>The import directories of a run, in the order protoc searches them.</summary>
    public static List<string> ImportDirectories(ITaskItem item, ProtocRunLayout layout) =>
        ImportDirectories(
            MSBuildLists.Split(item.GetMetadata(MetadataNames.PreferredRoot)).ToArray(),
            layout,
            MSBuildLists.Split(item.GetMetadata(GrpcTools.AdditionalImportDirs)).ToArray());

    /// <summary>
    /// The import directories in protoc's order: the workspace's single-file entries (<c>logical.proto=file</c>, which
    /// must win over every root, a preferred one too), the preferred root, the rest of the workspace's, the item's own,
    /// the standard ones.
    /// </summary>
    public static List<string> ImportDirectories(IEnumerable<string> preferred, IEnumerable<string> workspace, IEnumerable<string> additional, IEnumerable<string> standard)
    {
        string[] workspaceDirs = [.. workspace];
        var directories = new List<string>(workspaceDirs.Where(IsFileEntry));
        directories.AddRange(preferred);
        directories.AddRange(workspaceDirs.Where(d => !IsFileEntry(d)));
        directories.AddRange(additional);
        directories.AddRange(standard);
        return directories.Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>True for an entry that maps one file (<c>google/api/http.proto=/pkg/protos/google/api/http.proto</c>), as the workspace writes them.</summary>
    public static bool IsFileEntry(string entry)
    {
        int equals = entry.IndexOf('=');
        return equals > 0 && entry.Substring(0, equals).EndsWith(".proto", StringComparison.Ordinal);
    }

    private static List<string> ImportDirectories(string[] preferred, ProtocRunLayout layout, string[] additional) =>
        ImportDirectories(preferred, layout.WorkspaceImportDirs, additional, layout.StandardImportDirs);

    /// <summary>An option of the descriptor set protoc writes: ProtoGen's runs write their own.</summary>
    private static bool IsDescriptorSetOption(string argument) =>
        argument.StartsWith("--descriptor_set_out", StringComparison.Ordinal)
        || (argument.StartsWith("-o", StringComparison.Ordinal) && !argument.StartsWith("--", StringComparison.Ordinal))
        || argument is "--include_imports" or "--include_source_info" or "--retain_options";

    private static bool SetsOutputFolders(string option) =>
        option.Equals(BaseNamespace, StringComparison.Ordinal) || option.StartsWith(BaseNamespace + "=", StringComparison.Ordinal);

    /// <summary>An argument that makes protoc write something (another plugin, its output or options): left out of a check run.</summary>
    private static bool WritesOutput(string argument) =>
        argument.StartsWith("--plugin", StringComparison.Ordinal)
        || (argument.StartsWith("--", StringComparison.Ordinal) && argument.IndexOf('=') is int equals and > 0
            && (argument.Substring(0, equals).EndsWith("_out", StringComparison.Ordinal) || argument.Substring(0, equals).EndsWith("_opt", StringComparison.Ordinal)));
}
