using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProtoGen.Breaking.Diagnostics;
using ProtoGen.Breaking.Rules;
using ProtoGen.Build.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProtoGen.Breaking.Config;

/// <summary>
/// Reads buf's configuration files with YamlDotNet, keeping each value's line and column so that a mistake is
/// reported where it is written: the <c>breaking:</c> configuration of a buf.yaml (versions v1beta1, v1 and v2), and
/// where a buf.yaml or buf.work.yaml says its protos are (<see cref="ReadLayout"/>, <see cref="ReadWorkspace"/>).
/// Everything but <c>version</c>, <c>breaking</c>, v2 <c>modules</c>, <c>build.roots</c>, <c>build.excludes</c>
/// and buf.work.yaml <c>directories</c> is left alone; unknown keys inside a breaking section and unknown rule or
/// category IDs are errors, as in buf.
/// </summary>
internal static class BufYamlReader
{
    private static readonly string[] BreakingKeys = ["use", "except", "ignore", "ignore_only", "ignore_unstable_packages", "disable_builtin"];

    /// <summary>Reads <paramref name="path"/>; null with <paramref name="diagnostics"/> filled when it cannot be used.</summary>
    public static BufBreakingConfig? Read(string path, List<BuildDiagnostic> diagnostics) =>
        ReadText(path, "buf.yaml", diagnostics) is { } text ? Parse(text, path, diagnostics) : null;

    /// <summary>Parses the text of a buf.yaml known as <paramref name="path"/>.</summary>
    public static BufBreakingConfig? Parse(string text, string path, List<BuildDiagnostic> diagnostics)
    {
        var reader = new Reader(path, "buf.yaml", diagnostics);
        if (!reader.TryLoad(text, out YamlMappingNode? root) || !reader.TryVersion(root, out ConfigVersion version))
        {
            return null;
        }

        int errors = diagnostics.Count;

        var sections = new List<BufBreakingSection>();
        var modulePaths = new List<string>();
        if (root is not null)
        {
            if (Reader.Get(root, "breaking") is { } breaking)
            {
                sections.Add(reader.Section(breaking, ".", version));
            }
            else
            {
                sections.Add(new BufBreakingSection(".", null, [], [], [], false, false));
            }

            if (version == ConfigVersion.V2 && Reader.Get(root, "modules") is { } modules)
            {
                foreach (YamlNode module in reader.Sequence(modules))
                {
                    if (module is not YamlMappingNode entry || Reader.Get(entry, "path") is not { } pathNode || reader.Scalar(pathNode) is not { } modulePath)
                    {
                        reader.Error(module, "a module needs a path");
                        continue;
                    }

                    string normalized = Normalize(modulePath.Value);
                    modulePaths.Add(normalized);
                    if (Reader.Get(entry, "breaking") is { } moduleBreaking)
                    {
                        sections.Add(reader.Section(moduleBreaking, normalized, version));
                    }
                }
            }
            else if (version == ConfigVersion.V1Beta1 && Reader.Get(root, "build") is YamlMappingNode build && Reader.Get(build, "roots") is { } roots)
            {
                modulePaths.AddRange(reader.Sequence(roots).Select(reader.Scalar).Where(s => s is not null).Select(s => Normalize(s!.Value)));
            }
        }
        else
        {
            sections.Add(new BufBreakingSection(".", null, [], [], [], false, false));
        }

        return diagnostics.Count > errors ? null : new BufBreakingConfig(path, version, sections, modulePaths);
    }

    /// <summary>
    /// Reads where the buf.yaml at <paramref name="path"/> says its protos are (<see cref="BufLayout"/>), and nothing
    /// else: its <c>breaking:</c> section is not read, as buf does not read it for an <c>--against</c> input. Null
    /// with <paramref name="diagnostics"/> filled when the file cannot be read, does not parse, or its layout is
    /// malformed.
    /// </summary>
    public static BufLayout? ReadLayout(string path, List<BuildDiagnostic> diagnostics) =>
        ReadText(path, "buf.yaml", diagnostics) is { } text ? ParseLayout(text, path, diagnostics) : null;

    /// <summary>Parses the layout of a buf.yaml known as <paramref name="path"/> (<see cref="ReadLayout"/>).</summary>
    public static BufLayout? ParseLayout(string text, string path, List<BuildDiagnostic> diagnostics)
    {
        var reader = new Reader(path, "buf.yaml", diagnostics);
        if (!reader.TryLoad(text, out YamlMappingNode? root) || !reader.TryVersion(root, out ConfigVersion version))
        {
            return null;
        }

        int errors = diagnostics.Count;
        var roots = new List<Located<string>>();
        var excludes = new List<Located<string>>();
        YamlMappingNode? build = root is not null && Reader.Get(root, "build") is { } buildNode ? reader.Mapping(buildNode, "build") : null;
        if (version == ConfigVersion.V2)
        {
            if (root is not null && Reader.Get(root, "modules") is { } modules)
            {
                foreach (YamlNode module in reader.Sequence(modules))
                {
                    if (module is not YamlMappingNode entry || Reader.Get(entry, "path") is not { } pathNode || reader.Scalar(pathNode) is not { } modulePath)
                    {
                        reader.Error(module, "a module needs a path");
                        continue;
                    }

                    roots.Add(reader.RelativePath(modulePath, pathNode));
                    if (Reader.Get(entry, "excludes") is { } moduleExcludes)
                    {
                        excludes.AddRange(reader.Paths(moduleExcludes));
                    }
                }
            }
        }
        else
        {
            if (version == ConfigVersion.V1Beta1 && build is not null && Reader.Get(build, "roots") is { } rootsNode)
            {
                roots.AddRange(reader.Paths(rootsNode));
            }

            if (build is not null && Reader.Get(build, "excludes") is { } excludesNode)
            {
                excludes.AddRange(reader.Paths(excludesNode));
            }
        }

        if (roots.Count == 0)
        {
            roots.Add(new Located<string>(".", 0, 0));
        }

        return diagnostics.Count > errors ? null : new BufLayout(path, version, roots, excludes, IsWorkspace: false);
    }

    /// <summary>
    /// Reads a buf.work.yaml (version v1): its <c>directories</c>, each a module root that may hold a buf.yaml of its
    /// own. Null with <paramref name="diagnostics"/> filled when it cannot be used.
    /// </summary>
    public static BufLayout? ReadWorkspace(string path, List<BuildDiagnostic> diagnostics) =>
        ReadText(path, "buf.work.yaml", diagnostics) is { } text ? ParseWorkspace(text, path, diagnostics) : null;

    /// <summary>Parses the text of a buf.work.yaml known as <paramref name="path"/> (<see cref="ReadWorkspace"/>).</summary>
    public static BufLayout? ParseWorkspace(string text, string path, List<BuildDiagnostic> diagnostics)
    {
        var reader = new Reader(path, "buf.work.yaml", diagnostics);
        if (!reader.TryLoad(text, out YamlMappingNode? root))
        {
            return null;
        }

        int errors = diagnostics.Count;
        if (root is null || Reader.Get(root, "version") is not { } versionNode)
        {
            diagnostics.Add(new BuildDiagnostic(BreakingDiagnostics.InvalidBufYaml, "buf.work.yaml: version is not set; it must be v1.", path, 1, 1));
            return null;
        }

        if (reader.Scalar(versionNode) is { Value: not "v1" })
        {
            reader.Error(versionNode, "version must be v1");
        }

        var directories = new List<Located<string>>();
        if (Reader.Get(root, "directories") is { } directoriesNode)
        {
            directories.AddRange(reader.Paths(directoriesNode));
        }

        if (directories.Count == 0 && diagnostics.Count == errors)
        {
            reader.Error(root, "directories must list at least one directory");
        }

        return diagnostics.Count > errors ? null : new BufLayout(path, ConfigVersion.V1, directories, [], IsWorkspace: true);
    }

    /// <summary>A path as buf normalizes it: '/'-separated, no leading "./", no trailing '/'; "." for the directory itself.</summary>
    public static string Normalize(string path)
    {
        string result = path.Replace('\\', '/').Trim();
        while (result.StartsWith("./", StringComparison.Ordinal))
        {
            result = result.Substring(2);
        }

        result = result.TrimEnd('/');
        return result.Length == 0 ? "." : result;
    }

    private static string? ReadText(string path, string kind, List<BuildDiagnostic> diagnostics)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new BuildDiagnostic(BreakingDiagnostics.InvalidBufYaml, $"{kind} '{path}' could not be read: {e.Message}", path));
            return null;
        }
    }

    private static string Message(YamlException e) => e.InnerException is { } inner ? inner.Message : e.Message;

    private static int Line(long value) => value > int.MaxValue ? int.MaxValue : (int)value;

    private sealed class Reader
    {
        private readonly string _path;
        private readonly string _kind;
        private readonly List<BuildDiagnostic> _diagnostics;

        public Reader(string path, string kind, List<BuildDiagnostic> diagnostics)
        {
            _path = path;
            _kind = kind;
            _diagnostics = diagnostics;
        }

        public void Error(YamlNode node, string message) =>
            _diagnostics.Add(new BuildDiagnostic(BreakingDiagnostics.InvalidBufYaml, _kind + ": " + message + ".", _path, Line(node.Start.Line), Line(node.Start.Column)));

        /// <summary>The file's top-level mapping (null for an empty file); false after reporting that it does not parse or is no mapping.</summary>
        public bool TryLoad(string text, out YamlMappingNode? root)
        {
            root = null;
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(text));
                if (stream.Documents.Count == 0)
                {
                    return true;
                }

                if (stream.Documents[0].RootNode is YamlMappingNode mapping)
                {
                    root = mapping;
                    return true;
                }

                Error(stream.Documents[0].RootNode, "the file is not a YAML mapping of keys to values");
                return false;
            }
            catch (YamlException e)
            {
                _diagnostics.Add(new BuildDiagnostic(BreakingDiagnostics.InvalidBufYaml, $"{_kind} does not parse: {Message(e)}", _path, Line(e.Start.Line), Line(e.Start.Column)));
                return false;
            }
        }

        /// <summary>The buf.yaml's version (v1beta1 when it names none); false after reporting one that is none of buf's.</summary>
        public bool TryVersion(YamlMappingNode? root, out ConfigVersion version)
        {
            version = ConfigVersion.V1Beta1;
            if (root is null || Get(root, "version") is not { } versionNode)
            {
                return true;
            }

            switch (Scalar(versionNode)?.Value)
            {
                case "v1beta1":
                    return true;
                case "v1":
                    version = ConfigVersion.V1;
                    return true;
                case "v2":
                    version = ConfigVersion.V2;
                    return true;
                default:
                    Error(versionNode, "version must be v1beta1, v1 or v2");
                    return false;
            }
        }

        public YamlMappingNode? Mapping(YamlNode node, string key)
        {
            if (node is YamlMappingNode mapping)
            {
                return mapping;
            }

            if (node is not YamlScalarNode { Value: null or "" })
            {
                Error(node, key + " must be a mapping");
            }

            return null;
        }

        /// <summary>A list of paths inside the file's directory, each normalized (<see cref="Normalize"/>).</summary>
        public List<Located<string>> Paths(YamlNode node)
        {
            var paths = new List<Located<string>>();
            foreach (YamlNode item in Sequence(node))
            {
                if (Scalar(item) is { } path)
                {
                    paths.Add(RelativePath(path, item));
                }
            }

            return paths;
        }

        /// <summary><paramref name="path"/> normalized; reported when it is absolute or leaves the file's directory (buf's paths are relative and inside it).</summary>
        public Located<string> RelativePath(Located<string> path, YamlNode node)
        {
            string normalized = Normalize(path.Value);
            if (normalized.StartsWith("/", StringComparison.Ordinal) || (normalized.Length > 1 && normalized[1] == ':') || normalized == ".." || normalized.StartsWith("../", StringComparison.Ordinal) || normalized.Contains("/../"))
            {
                Error(node, $"'{path.Value}' is not a relative path inside the {_kind}'s directory");
            }

            return path with { Value = normalized };
        }

        public static YamlNode? Get(YamlMappingNode mapping, string key)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> entry in mapping.Children)
            {
                if (entry.Key is YamlScalarNode { Value: { } name } && string.Equals(name, key, StringComparison.Ordinal))
                {
                    return entry.Value;
                }
            }

            return null;
        }

        public Located<string>? Scalar(YamlNode node)
        {
            if (node is YamlScalarNode { Value: { } value })
            {
                return new Located<string>(value, Line(node.Start.Line), Line(node.Start.Column));
            }

            Error(node, "expected a single value");
            return null;
        }

        public IEnumerable<YamlNode> Sequence(YamlNode node)
        {
            if (node is YamlSequenceNode sequence)
            {
                return sequence.Children;
            }

            if (node is YamlScalarNode { Value: null or "" })
            {
                return [];
            }

            Error(node, "expected a list");
            return [];
        }

        public BufBreakingSection Section(YamlNode node, string modulePath, ConfigVersion version)
        {
            if (node is YamlScalarNode { Value: null or "" })
            {
                return new BufBreakingSection(modulePath, null, [], [], [], false, false);
            }

            if (node is not YamlMappingNode mapping)
            {
                Error(node, "breaking must be a mapping");
                return new BufBreakingSection(modulePath, null, [], [], [], false, false);
            }

            foreach (KeyValuePair<YamlNode, YamlNode> entry in mapping.Children)
            {
                string? key = (entry.Key as YamlScalarNode)?.Value;
                if (key is null || !BreakingKeys.Contains(key, StringComparer.Ordinal))
                {
                    Error(entry.Key, $"unknown key '{key}' in breaking (expected one of {string.Join(", ", BreakingKeys)})");
                }
            }

            List<Located<string>>? use = Get(mapping, "use") is { } useNode ? Ids(useNode, version) : null;
            List<Located<string>> except = Get(mapping, "except") is { } exceptNode ? Ids(exceptNode, version) : [];
            List<Located<string>> ignore = Get(mapping, "ignore") is { } ignoreNode ? Strings(ignoreNode) : [];
            var ignoreOnly = new List<(Located<string>, IReadOnlyList<Located<string>>)>();
            if (Get(mapping, "ignore_only") is { } ignoreOnlyNode)
            {
                if (ignoreOnlyNode is YamlMappingNode rules)
                {
                    foreach (KeyValuePair<YamlNode, YamlNode> entry in rules.Children)
                    {
                        if (Scalar(entry.Key) is { } rule && CheckId(rule, entry.Key, version))
                        {
                            ignoreOnly.Add((rule, Strings(entry.Value)));
                        }
                    }
                }
                else if (ignoreOnlyNode is not YamlScalarNode { Value: null or "" })
                {
                    Error(ignoreOnlyNode, "ignore_only must map rule or category IDs to lists of paths");
                }
            }

            return new BufBreakingSection(modulePath, use, except, ignore, ignoreOnly,
                Get(mapping, "ignore_unstable_packages") is { } unstable && Bool(unstable),
                Get(mapping, "disable_builtin") is { } disable && Bool(disable));
        }

        private List<Located<string>> Ids(YamlNode node, ConfigVersion version)
        {
            var ids = new List<Located<string>>();
            foreach (YamlNode item in Sequence(node))
            {
                if (Scalar(item) is { } id && CheckId(id, item, version))
                {
                    ids.Add(id);
                }
            }

            return ids;
        }

        private bool CheckId(Located<string> id, YamlNode node, ConfigVersion version)
        {
            if (RuleCatalog.IsKnown(id.Value, version))
            {
                return true;
            }

            _diagnostics.Add(new BuildDiagnostic(BreakingDiagnostics.UnknownRule,
                $"buf.yaml (version {VersionName(version)}) names '{id.Value}', which is no breaking rule or category of that version.", _path, Line(node.Start.Line), Line(node.Start.Column)));
            return false;
        }

        private List<Located<string>> Strings(YamlNode node) => [.. Sequence(node).Select(Scalar).Where(s => s is not null).Select(s => s!)];

        private bool Bool(YamlNode node)
        {
            switch (Scalar(node)?.Value)
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE" or null:
                    return false;
                default:
                    Error(node, "expected true or false");
                    return false;
            }
        }
    }

    public static string VersionName(ConfigVersion version) => version switch
    {
        ConfigVersion.V1Beta1 => "v1beta1",
        ConfigVersion.V1 => "v1",
        _ => "v2",
    };
}
