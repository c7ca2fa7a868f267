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
/// Reads the <c>breaking:</c> configuration of a buf.yaml (versions v1beta1, v1 and v2) with YamlDotNet, keeping
/// each value's line and column so that a mistake is reported where it is written. Everything but <c>version</c>,
/// <c>breaking</c>, v2 <c>modules</c> and v1beta1 <c>build.roots</c> is left alone; unknown keys inside a breaking
/// section and unknown rule or category IDs are errors, as in buf.
/// </summary>
internal static class BufYamlReader
{
    private static readonly string[] BreakingKeys = ["use", "except", "ignore", "ignore_only", "ignore_unstable_packages", "disable_builtin"];

    /// <summary>Reads <paramref name="path"/>; null with <paramref name="diagnostics"/> filled when it cannot be used.</summary>
    public static BufBreakingConfig? Read(string path, List<BuildDiagnostic> diagnostics)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new BuildDiagnostic(BreakingDiagnostics.InvalidBufYaml, $"buf.yaml '{path}' could not be read: {e.Message}", path));
            return null;
        }

        return Parse(text, path, diagnostics);
    }

    /// <summary>Parses the text of a buf.yaml known as <paramref name="path"/>.</summary>
    public static BufBreakingConfig? Parse(string text, string path, List<BuildDiagnostic> diagnostics)
    {
        var reader = new Reader(path, diagnostics);
        YamlMappingNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
            {
                root = null;
            }
            else if (stream.Documents[0].RootNode is YamlMappingNode mapping)
            {
                root = mapping;
            }
            else
            {
                reader.Error(stream.Documents[0].RootNode, "the file is not a YAML mapping of keys to values");
                return null;
            }
        }
        catch (YamlException e)
        {
            diagnostics.Add(new BuildDiagnostic(BreakingDiagnostics.InvalidBufYaml, $"buf.yaml does not parse: {Message(e)}", path, Line(e.Start.Line), Line(e.Start.Column)));
            return null;
        }

        int errors = diagnostics.Count;
        ConfigVersion version = ConfigVersion.V1Beta1;
        if (root is not null && Reader.Get(root, "version") is { } versionNode)
        {
            switch (reader.Scalar(versionNode)?.Value)
            {
                case "v1beta1":
                    version = ConfigVersion.V1Beta1;
                    break;
                case "v1":
                    version = ConfigVersion.V1;
                    break;
                case "v2":
                    version = ConfigVersion.V2;
                    break;
                default:
                    reader.Error(versionNode, "version must be v1beta1, v1 or v2");
                    return null;
            }
        }

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

    private static string Message(YamlException e) => e.InnerException is { } inner ? inner.Message : e.Message;

    private static int Line(long value) => value > int.MaxValue ? int.MaxValue : (int)value;

    private sealed class Reader
    {
        private readonly string _path;
        private readonly List<BuildDiagnostic> _diagnostics;

        public Reader(string path, List<BuildDiagnostic> diagnostics)
        {
            _path = path;
            _diagnostics = diagnostics;
        }

        public void Error(YamlNode node, string message) =>
            _diagnostics.Add(new BuildDiagnostic(BreakingDiagnostics.InvalidBufYaml, "buf.yaml: " + message + ".", _path, Line(node.Start.Line), Line(node.Start.Column)));

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
