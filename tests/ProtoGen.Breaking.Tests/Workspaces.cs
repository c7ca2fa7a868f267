using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Google.Protobuf.Reflection;
using ProtoGen.Breaking.Baseline;
using ProtoGen.Breaking.Config;
using ProtoGen.Breaking.Engine;
using ProtoGen.Breaking.Model;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;

namespace ProtoGen.Breaking.Tests;

/// <summary>Builds workspaces from proto text with the real protoc of Grpc.Tools, and runs checks over them.</summary>
internal static class Workspaces
{
    /// <summary>
    /// Writes <paramref name="files"/> (logical path → text) under <paramref name="directory"/>/<paramref name="name"/>,
    /// compiles them with source info and imports, and returns the descriptor set's path and workspace.
    /// </summary>
    public static (string SetPath, ProtoWorkspace Workspace) Compile(TempDirectory directory, string name, IReadOnlyDictionary<string, string> files)
    {
        foreach ((string path, string text) in files)
        {
            directory.Write(name + "/" + path, text);
        }

        string set = directory[name + ".protoset"];
        GrpcToolsProtoc.Run([
            "--include_imports", "--include_source_info", "--descriptor_set_out=" + set,
            "-I" + directory[name], "-I" + GrpcToolsProtoc.StandardImports, .. files.Keys]);
        FileDescriptorSet descriptors = FileDescriptorSet.Parser.ParseFrom(File.ReadAllBytes(set));
        return (set, ProtoWorkspace.Create(descriptors, files.ContainsKey));
    }

    /// <summary>Compiles both sides and checks <paramref name="after"/> against <paramref name="before"/> with <paramref name="rules"/>.</summary>
    public static CheckResult Check(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, params string[] rules)
    {
        using var directory = new TempDirectory();
        ProtoWorkspace previous = Compile(directory, "before", before).Workspace;
        ProtoWorkspace current = Compile(directory, "after", after).Workspace;
        return BreakingChecker.Check(previous, current, BreakingPolicy.Default(new BreakingSettings(rules.Length == 0 ? null : rules)));
    }

    /// <summary>Compiles both sides and checks them under <paramref name="policy"/>, the current protos on disk under <paramref name="diskRoot"/>.</summary>
    public static CheckResult Check(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, BreakingPolicy policy, string? diskRoot = null)
    {
        using var directory = new TempDirectory();
        ProtoWorkspace previous = Compile(directory, "before", before).Workspace;
        ProtoWorkspace current = Compile(directory, "after", after).Workspace;
        return BreakingChecker.Check(previous, current, policy, diskPathOf: diskRoot is null ? null : path => Path.Combine(diskRoot, path));
    }

    /// <summary>The policy of one buf.yaml with <paramref name="text"/> in <paramref name="directory"/>, with <paramref name="settings"/> over it.</summary>
    public static BreakingPolicy Policy(string text, string directory, BreakingSettings? settings = null)
    {
        var diagnostics = new List<ProtoGen.Build.Diagnostics.BuildDiagnostic>();
        BufBreakingConfig config = BufYamlReader.Parse(text, Path.Combine(directory, "buf.yaml"), diagnostics)
            ?? throw new InvalidOperationException("buf.yaml: " + string.Join("; ", diagnostics.Select(d => d.Message)));
        return BreakingPolicy.Create(settings ?? new BreakingSettings(), [config], directory, "test.csproj", diagnostics);
    }

    /// <summary>
    /// Checks the protos of <paramref name="project"/> against the baseline directory <paramref name="baseline"/> as the
    /// tasks do (<see cref="BreakingRun"/>, the baseline compiled by protoc under <paramref name="work"/>): the current
    /// protos are those under <paramref name="roots"/> (project folders), known by their paths under them and reported
    /// by their paths in the project; both sides import from <paramref name="importDirectories"/> (project folders, or
    /// <c>prefix=folder</c>) and the well-known types. A buf.yaml at the project chooses the rules; without one,
    /// <paramref name="rules"/> do.
    /// </summary>
    public static BreakingOutcome CheckProject(
        string project, string baseline, string work, IReadOnlyList<string> roots, IReadOnlyList<string> importDirectories, IReadOnlyList<string> rules,
        string? protoc = null, TimeSpan? timeout = null) =>
        BreakingRun.Run(ProjectRequest(project, baseline, work, roots, importDirectories, rules, protoc, timeout));

    /// <summary>The request <see cref="CheckProject"/> runs, once the current protos are compiled.</summary>
    public static BreakingRequest ProjectRequest(
        string project, string baseline, string work, IReadOnlyList<string> roots, IReadOnlyList<string> importDirectories, IReadOnlyList<string> rules,
        string? protoc = null, TimeSpan? timeout = null)
    {
        string[] imports = [.. importDirectories.Select(d => DirectoryBaseline.ResolveImportDirectory(d, project)), GrpcToolsProtoc.StandardImports];
        var protos = new List<CurrentProto>();
        foreach (string root in roots)
        {
            string rootPath = Path.GetFullPath(Path.Combine(project, root));
            foreach (string file in Directory.EnumerateFiles(rootPath, "*.proto", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                protos.Add(new CurrentProto(Path.GetRelativePath(rootPath, file).Replace('\\', '/'), file, Path.GetRelativePath(project, file).Replace('\\', '/')));
            }
        }

        Directory.CreateDirectory(work);
        string set = Path.Combine(work, "current.protoset");
        GrpcToolsProtoc.Run([
            "--include_imports", "--include_source_info", "--descriptor_set_out=" + set,
            .. roots.Select(r => "--proto_path=" + Path.Combine(project, r)), .. imports.Select(d => "--proto_path=" + d), .. protos.Select(p => p.LogicalPath)]);

        string bufYaml = Path.Combine(project, "buf.yaml");
        bool configured = File.Exists(bufYaml);
        return new BreakingRequest(
            [set], protos, baseline, BaselineKind.Directory, protoc ?? GrpcToolsProtoc.FullPath, imports, Path.Combine(work, "baseline"),
            new BreakingSettings(configured ? null : rules), configured ? [bufYaml] : [], SuppressionsFile: null, project, Path.Combine(project, "project.csproj"),
            ProtocTimeout: timeout);
    }

    /// <summary>Each diagnostic as "file(line,column): CODE: message", one per line.</summary>
    public static string Describe(IEnumerable<ProtoGen.Build.Diagnostics.BuildDiagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"{d.File}({d.Line},{d.Column}): {d.Descriptor.Code}: {d.Message}"));

    /// <summary>One proto file "a.proto".</summary>
    public static Dictionary<string, string> One(string text) => new() { ["a.proto"] = text };

    /// <summary>Each finding as "file(line,column): RULE: message", in order.</summary>
    public static string Describe(IEnumerable<Finding> findings) =>
        string.Join("\n", findings.Select(f => $"{f.FilePath}({f.Line},{f.Column}): {f.RuleId}: {f.Message}"));
}
