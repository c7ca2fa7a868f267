using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.IO;

namespace ProtoGen.Build.Tasks;

/// <summary>
/// Checks that the Grpc.Tools version in use still has every name ProtoGen relies on: the contract block of
/// build/ProtoGen.targets lists them (targets, items, metadata, properties, tasks). MSBuild silently ignores a
/// <c>BeforeTargets</c> on a target that no longer exists and an item or metadata nobody sets, so an upgrade that
/// drops one would change the build without a word; this check says which name is gone (PGB2002).
/// </summary>
public sealed class ProtoGenCheckGrpcTools : Task
{
    private static readonly Regex PropertyReference = new(@"\$\((?<name>[A-Za-z_][\w\-]*)\)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));
    private static readonly Regex ItemReference = new(@"@\((?<name>[A-Za-z_][\w\-]*)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));
    private static readonly Regex MetadataReference = new(@"%\((?:[A-Za-z_][\w\-]*\.)?(?<name>[A-Za-z_][\w\-]*)\)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));

    /// <summary>The names relied on: ItemSpec the name, metadata <c>Kind</c> (Target, Item, Metadata, Property or Task) and <c>Use</c> (what ProtoGen does with it).</summary>
    [Required]
    public ITaskItem[] Contract { get; set; } = [];

    /// <summary>Candidate project files (<c>$(MSBuildAllProjects)</c>); Grpc.Tools' own props and targets among them are read.</summary>
    public ITaskItem[] ProjectFiles { get; set; } = [];

    /// <summary>Written when every name is present, so a build with the same files skips the check.</summary>
    public string StampPath { get; set; } = string.Empty;

    /// <summary>The names Grpc.Tools' files define or use, by kind.</summary>
    private sealed class Names
    {
        public HashSet<string> Targets { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Items { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Metadata { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Properties { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Tasks { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public override bool Execute()
    {
        string[] files = ProjectFiles.Select(f => f.ItemSpec).Where(IsGrpcToolsFile).Distinct(FileSystemCase.Comparer).ToArray();
        string version = files.Select(VersionOf).FirstOrDefault(v => v.Length > 0) ?? string.Empty;
        string described = version.Length > 0 ? "Grpc.Tools " + version : "The Grpc.Tools in use";
        if (files.Length == 0)
        {
            Log.Report(new BuildDiagnostic(BuildDiagnostics.GrpcToolsContractBroken, "Grpc.Tools' build files (Google.Protobuf.Tools.targets, _Grpc.Tools.targets) were not found among the project's imports; ProtoGen hooks into them and may not work. ProtoGen is tested with Grpc.Tools 2.85.0.", string.Empty));
            return true;
        }

        var names = new Names();
        foreach (string file in files)
        {
            try
            {
                Collect(XDocument.Load(file), names);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
            {
                Log.Report(new BuildDiagnostic(BuildDiagnostics.GrpcToolsContractBroken, $"Could not read Grpc.Tools' '{file}' to check the names ProtoGen relies on: {e.Message}", file));
                return true;
            }
        }

        int missing = 0;
        foreach (ITaskItem entry in Contract)
        {
            string kind = entry.GetMetadata(MetadataNames.ContractKind);
            if (!Set(names, kind).Contains(entry.ItemSpec))
            {
                missing++;
                Log.Report(new BuildDiagnostic(
                    BuildDiagnostics.GrpcToolsContractBroken,
                    $"{described} has no {kind.ToLowerInvariant()} '{entry.ItemSpec}', which ProtoGen relies on ({entry.GetMetadata(MetadataNames.ContractUse)}); its build may not work as documented. ProtoGen is tested with Grpc.Tools 2.85.0.",
                    string.Empty));
            }
        }

        if (missing == 0 && StampPath.Length > 0)
        {
            FileWriter.WriteStamp(StampPath, string.Join("\n", files) + "\n");
        }

        return !Log.HasLoggedErrors;
    }

    private static HashSet<string> Set(Names names, string kind) => kind switch
    {
        "Target" => names.Targets,
        "Item" => names.Items,
        "Metadata" => names.Metadata,
        "Property" => names.Properties,
        "Task" => names.Tasks,
        _ => throw new ArgumentException($"Unknown contract kind '{kind}'.", nameof(kind)),
    };

    private static void Collect(XDocument document, Names names)
    {
        foreach (XElement element in document.Descendants())
        {
            string parent = element.Parent?.Name.LocalName ?? string.Empty;
            string grandparent = element.Parent?.Parent?.Name.LocalName ?? string.Empty;
            switch (element.Name.LocalName)
            {
                case "Target":
                    names.Targets.Add((string?)element.Attribute("Name") ?? string.Empty);
                    break;
                case "UsingTask":
                    string task = (string?)element.Attribute("TaskName") ?? string.Empty;
                    names.Tasks.Add(task.Substring(task.LastIndexOf('.') + 1));
                    break;
                case "Output":
                    names.Items.Add((string?)element.Attribute("ItemName") ?? string.Empty);
                    names.Properties.Add((string?)element.Attribute("PropertyName") ?? string.Empty);
                    break;
            }

            if (parent == "PropertyGroup")
            {
                names.Properties.Add(element.Name.LocalName);
            }
            else if (parent is "ItemGroup" or "ItemDefinitionGroup")
            {
                names.Items.Add(element.Name.LocalName);
            }
            else if (grandparent is "ItemGroup" or "ItemDefinitionGroup")
            {
                names.Metadata.Add(element.Name.LocalName);
            }

            foreach (string text in element.Attributes().Select(a => a.Value).Concat(element.Nodes().OfType<XText>().Select(t => t.Value)))
            {
                Add(PropertyReference, text, names.Properties);
                Add(ItemReference, text, names.Items);
                Add(MetadataReference, text, names.Metadata);
            }
        }
    }

    private static void Add(Regex reference, string text, HashSet<string> set)
    {
        foreach (Match match in reference.Matches(text))
        {
            set.Add(match.Groups["name"].Value);
        }
    }

    /// <summary>Grpc.Tools' props and targets, by their names in the package (build/Grpc.Tools.*, build/_grpc/*, build/_protobuf/*).</summary>
    private static bool IsGrpcToolsFile(string path)
    {
        string name = Path.GetFileName(path);
        return name.StartsWith("Grpc.Tools.", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("_Grpc.Tools.", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Google.Protobuf.Tools.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The package version in a NuGet cache path (<c>…/grpc.tools/2.85.0/build/…</c>), or "".</summary>
    private static string VersionOf(string path)
    {
        string[] parts = path.Replace('\\', '/').Split('/');
        int index = Array.FindIndex(parts, p => p.Equals("grpc.tools", StringComparison.OrdinalIgnoreCase));
        return index >= 0 && index + 1 < parts.Length ? parts[index + 1] : string.Empty;
    }
}
