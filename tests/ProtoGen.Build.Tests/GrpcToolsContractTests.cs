using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Tasks;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Build.Tests;

/// <summary>
/// The Grpc.Tools contract block of build/ProtoGen.targets: every Grpc.Tools name the targets and tasks rely on is
/// declared there once, the check finds each in the Grpc.Tools version in use and warns when one is gone, and the
/// targets spell no metadata name of their own (the tasks do, through <see cref="MetadataNames"/>).
/// </summary>
public sealed class GrpcToolsContractTests : IDisposable
{
    /// <summary>Every targets file the package ships: ProtoGen.targets (with the contract block) and the files it imports.</summary>
    private static readonly string[] TargetsFiles = Directory.GetFiles(Repo.BuildDirectory, "*.targets").Order(StringComparer.Ordinal).ToArray();

    private static readonly XDocument Targets = XDocument.Load(Path.Combine(Repo.BuildDirectory, "ProtoGen.targets"));

    /// <summary>
    /// The targets files, and the buildTransitive targets a packed library carries (ProtoGenWritePackageExports writes
    /// them for consumers without ProtoGen): Grpc.Tools names there belong to the contract too.
    /// </summary>
    private static readonly XDocument[] AllTargets =
        [.. TargetsFiles.Select(f => XDocument.Load(f)), XDocument.Parse(ProtoGenWritePackageExports.TransitiveTargets("Acme.Protos"))];

    private readonly TempDirectory _temp = new();
    private readonly MockEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The contract items as the targets declare them.</summary>
    private static ITaskItem[] Contract() =>
        [.. Targets.Descendants("_ProtoGenGrpcToolsName").Select(e => new TaskItem(
            (string)e.Attribute("Include")!,
            new Dictionary<string, string> { [MetadataNames.ContractKind] = (string)e.Attribute(MetadataNames.ContractKind)!, [MetadataNames.ContractUse] = (string)e.Attribute(MetadataNames.ContractUse)! }))];

    private static IEnumerable<string> Declared(string kind) =>
        Targets.Descendants("_ProtoGenGrpcToolsName").Where(e => (string?)e.Attribute(MetadataNames.ContractKind) == kind).Select(e => (string)e.Attribute("Include")!);

    /// <summary>Grpc.Tools' props and targets, as $(MSBuildAllProjects) lists them, with other project files among them.</summary>
    private static string[] GrpcToolsFiles(string buildDirectory) =>
        [
            "/src/App.csproj",
            Path.Combine(buildDirectory, "Grpc.Tools.props"),
            Path.Combine(buildDirectory, "_grpc", "_Grpc.Tools.props"),
            Path.Combine(buildDirectory, "_protobuf", "Google.Protobuf.Tools.props"),
            Path.Combine(buildDirectory, "Grpc.Tools.targets"),
            Path.Combine(buildDirectory, "_grpc", "_Grpc.Tools.targets"),
            Path.Combine(buildDirectory, "_protobuf", "Google.Protobuf.Tools.targets"),
        ];

    private ProtoGenCheckGrpcTools Check(string buildDirectory) => new()
    {
        BuildEngine = _engine,
        Contract = Contract(),
        ProjectFiles = [.. GrpcToolsFiles(buildDirectory).Select(f => new TaskItem(f))],
        StampPath = _temp["obj/grpc-tools.stamp"],
    };

    [Fact]
    public void Grpc_Tools_in_use_has_every_name_of_the_contract()
    {
        ProtoGenCheckGrpcTools task = Check(Path.Combine(Repo.GrpcToolsPackage, "build"));

        Assert.True(task.Execute(), _engine.Describe());

        Assert.Empty(_engine.Warnings);
        Assert.True(File.Exists(_temp["obj/grpc-tools.stamp"]));
        Assert.True(Contract().Length >= 30);
    }

    [Fact]
    public void PGB2002_for_each_name_a_Grpc_Tools_version_no_longer_has()
    {
        // A copy of Grpc.Tools' build folder under a NuGet-like path, where a later version renamed a target and a metadatum.
        string build = _temp["packages/grpc.tools/9.0.0/build"];
        CopyDirectory(Path.Combine(Repo.GrpcToolsPackage, "build"), build);
        string targets = Path.Combine(build, "_protobuf", "Google.Protobuf.Tools.targets");
        File.WriteAllText(targets, File.ReadAllText(targets)
            .Replace("\"Protobuf_PrepareCompileOptions\"", "\"Protobuf_PrepareOptions\"", StringComparison.Ordinal)
            .Replace("_OutputOptions", "_CompileOptions", StringComparison.Ordinal));

        ProtoGenCheckGrpcTools task = Check(build);

        Assert.True(task.Execute()); // A warning: the build goes on, loudly.
        Assert.Collection(
            _engine.Warnings.OrderBy(w => w.Message, StringComparer.Ordinal),
            w =>
            {
                Assert.Equal("PGB2002", w.Code);
                Assert.StartsWith("Grpc.Tools 9.0.0 has no metadata '_OutputOptions'", w.Message, StringComparison.Ordinal);
            },
            w =>
            {
                Assert.Equal("PGB2002", w.Code);
                Assert.StartsWith("Grpc.Tools 9.0.0 has no target 'Protobuf_PrepareCompileOptions', which ProtoGen relies on (the extension point", w.Message, StringComparison.Ordinal);
            });
        Assert.False(File.Exists(_temp["obj/grpc-tools.stamp"])); // So the next build checks, and warns, again.
    }

    [Fact]
    public void PGB2002_when_no_Grpc_Tools_file_is_imported()
    {
        var task = new ProtoGenCheckGrpcTools { BuildEngine = _engine, Contract = Contract(), ProjectFiles = [new TaskItem("/src/App.csproj")] };
        Assert.True(task.Execute());
        Assert.Equal("PGB2002", Assert.Single(_engine.Warnings).Code);
    }

    [Fact]
    public void Every_Grpc_Tools_name_the_targets_use_is_declared_in_the_contract()
    {
        // Names of Grpc.Tools' are those it owns by prefix; the rest are MSBuild's, the SDK's or ProtoGen's own.
        var grpcTools = new Regex("^(_?Protobuf|gRPC|DisableProtobuf|ProtoCompilerOutputs)", RegexOptions.CultureInvariant);
        var targets = new HashSet<string>(Declared("Target"), StringComparer.Ordinal);
        var items = new HashSet<string>(Declared("Item"), StringComparer.Ordinal);
        var properties = new HashSet<string>(Declared("Property"), StringComparer.Ordinal);
        var tasks = new HashSet<string>(Declared("Task"), StringComparer.Ordinal);
        var used = new List<(string Kind, string Name)>();
        XElement[] elements = AllTargets.SelectMany(t => t.Descendants()).Where(e => e.Name.LocalName != "_ProtoGenGrpcToolsName").ToArray();
        foreach (XElement target in elements.Where(e => e.Name.LocalName == "Target"))
        {
            foreach (string attribute in new[] { "BeforeTargets", "AfterTargets", "DependsOnTargets" })
            {
                used.AddRange(((string?)target.Attribute(attribute) ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => ("Target", t)));
            }
        }

        foreach (string text in elements.SelectMany(e => e.Attributes().Select(a => a.Value).Concat(e.Nodes().OfType<XText>().Select(t => t.Value))))
        {
            used.AddRange(Regex.Matches(text, @"\$\((\w+)\)").Select(m => ("Property", m.Groups[1].Value)));
            used.AddRange(Regex.Matches(text, @"@\((\w+)").Select(m => ("Item", m.Groups[1].Value)));
        }

        used.AddRange(elements.Where(e => e.Parent?.Name.LocalName == "ItemGroup").Select(e => ("Item", e.Name.LocalName)));
        used.AddRange(elements.Where(e => e.Parent?.Name.LocalName == "Target" && grpcTools.IsMatch(e.Name.LocalName)).Select(e => ("Task", e.Name.LocalName)));

        string[] undeclared = used.Where(u => grpcTools.IsMatch(u.Name) && !(u.Kind switch
        {
            "Target" => targets,
            "Item" => items,
            "Property" => properties,
            _ => tasks,
        }).Contains(u.Name)).Select(u => u.Kind + " " + u.Name).Distinct().ToArray();

        Assert.Empty(undeclared);
        Assert.Contains(("Target", "Protobuf_PrepareCompileOptions"), used); // The scan sees what it must,
        Assert.Contains(("Target", "Protobuf_PrepareClean"), used);          // in every file,
        Assert.Contains(("Target", "Protobuf_BeforeCompile"), used);         // and in a packed library's.
        Assert.True(TargetsFiles.Length >= 6, string.Join(", ", TargetsFiles));
    }

    [Fact]
    public void Grpc_Tools_metadata_are_spelled_once_in_the_contract_and_once_in_MetadataNames()
    {
        string[] inCode = typeof(MetadataNames.GrpcTools).GetFields().Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Declared("Metadata").Order(StringComparer.Ordinal), inCode);
    }

    [Fact]
    public void The_targets_spell_no_metadata_name_but_the_contract_items_own()
    {
        // Only MSBuild's own well-known metadata (FullPath, Identity, …) are referenced; MetadataNames spells ProtoGen's and Grpc.Tools'.
        // And the metadata of MSBuild's common targets by which the proto libraries call references as ResolveProjectReferences does.
        string[] wellKnown = ["FullPath", "Identity", "Filename", "Extension", "RootDir", "Directory", "RecursiveDir"];
        string[] projectReferences = ["SetConfiguration", "SetPlatform", "SetTargetFramework", "GlobalPropertiesToRemove", "ReferenceOutputAssembly"];
        string[] references = TargetsFiles.SelectMany(f => Regex.Matches(File.ReadAllText(f), @"%\((?:\w+\.)?(\w+)\)")).Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.Empty(references.Except(wellKnown).Except(projectReferences));

        // Metadata written as attributes or child elements of items (Include, Exclude, Remove and Condition are not metadata).
        string[] notMetadata = ["Include", "Exclude", "Remove", "Condition"];
        // ProjectReferenceTargets (static graph) is MSBuild's item, with its Targets metadata; PackageDownload NuGet's, with Version;
        // CompilerVisibleItemMetadata Roslyn's, with MetadataName, which makes the generator see ProtoGenServiceConfig, the
        // generator's own marker of service config files (ClientWrappers.targets), spelled in its ServiceConfigParser.
        string[] written = AllTargets.SelectMany(t => t.Descendants())
            .Where(e => e.Parent?.Name.LocalName == "ItemGroup" && e.Name.LocalName is not "ProjectReferenceTargets" and not "PackageDownload" and not "CompilerVisibleItemMetadata")
            .Where(e => !(e.Name.LocalName == "AdditionalFiles" && e.Attribute("ProtoGenServiceConfig") is not null))
            .SelectMany(e => e.Attributes().Select(a => a.Name.LocalName).Where(n => !notMetadata.Contains(n)).Concat(e.Elements().Select(c => c.Name.LocalName)))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal([MetadataNames.ContractKind, MetadataNames.ContractUse], written);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
