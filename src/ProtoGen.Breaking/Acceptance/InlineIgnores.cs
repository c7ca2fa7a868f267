using System;
using System.Collections.Generic;
using Google.Protobuf.Reflection;
using ProtoGen.Breaking.Engine;
using ProtoGen.Breaking.Model;
using ProtoGen.Breaking.Rules;

namespace ProtoGen.Breaking.Acceptance;

/// <summary>An accepting comment: the rule it names, the reason given after it, and where the commented element is.</summary>
internal sealed record InlineIgnore(string RuleId, string Reason, SourceLocation? Location);

/// <summary>
/// Comments that accept a deliberate break: a line <c>protogen:breaking:ignore RULE_ID reason</c> in a comment
/// on the reported element (or on the element that declares the reported part, such as the field of a field's
/// type), either on the line before it (a leading comment) or after it on its line (a trailing comment). A finding
/// about a whole file is accepted by such a comment on the <c>syntax</c> (or <c>edition</c>) or <c>package</c>
/// statement (so is one reported at the file as a whole because what changed is no longer written). Read from the
/// descriptor set's source info, so they work for any file protoc compiled.
/// </summary>
internal static class InlineIgnores
{
    public const string Marker = "protogen:breaking:ignore";

    private static readonly int[][] FileStatements = [[SourcePaths.FileSyntax], [SourcePaths.FileEdition], [SourcePaths.FilePackage]];

    /// <summary>The comment that accepts <paramref name="finding"/>, if any.</summary>
    public static InlineIgnore? Find(Finding finding)
    {
        if (finding.File is not { } file)
        {
            return null;
        }

        // A finding about the file as a whole (a top-level element deleted, an option no longer written) is accepted on the file's statements.
        IEnumerable<int[]> candidates = finding.Paths.Count == 0 || ReferenceEquals(finding.Location, CheckContext.FileAsAWhole) ? [.. Candidates(finding.Paths), .. FileStatements] : Candidates(finding.Paths);
        foreach (int[] path in candidates)
        {
            if (file.LocationOf(path) is not { } location)
            {
                continue;
            }

            foreach ((string rule, string reason) in Parse(location.LeadingComments, location.TrailingComments))
            {
                if (string.Equals(rule, finding.RuleId, StringComparison.Ordinal))
                {
                    return new InlineIgnore(rule, reason, location);
                }
            }
        }

        return null;
    }

    /// <summary>Every accepting comment of <paramref name="file"/> that names no known rule, with where it is.</summary>
    public static IEnumerable<(string RuleId, SourceLocation? Location)> UnknownRules(ProtoFile file)
    {
        if (!file.CommentsMayContain(Marker) || file.SourceInfo is not { } info)
        {
            yield break;
        }

        foreach (SourceCodeInfo.Types.Location location in info.Location)
        {
            if (location.LeadingComments.IndexOf(Marker, StringComparison.Ordinal) < 0 && location.TrailingComments.IndexOf(Marker, StringComparison.Ordinal) < 0)
            {
                continue;
            }

            foreach ((string rule, _) in Parse(location.LeadingComments, location.TrailingComments))
            {
                if (RuleCatalog.Find(rule) is null)
                {
                    yield return (rule, location.Span.Count >= 2 ? new SourceLocation(location.Span[0] + 1, location.Span[1] + 1, string.Empty, string.Empty) : null);
                }
            }
        }
    }

    /// <summary>The (rule, reason) of each accepting line in the comments.</summary>
    public static IEnumerable<(string RuleId, string Reason)> Parse(params string[] comments)
    {
        foreach (string comment in comments)
        {
            if (comment.IndexOf(Marker, StringComparison.Ordinal) < 0)
            {
                continue;
            }

            foreach (string raw in comment.Split('\n'))
            {
                string line = raw.Trim().TrimStart('*').Trim();
                if (!line.StartsWith(Marker, StringComparison.Ordinal) || line.Length == Marker.Length || !char.IsWhiteSpace(line[Marker.Length]))
                {
                    continue;
                }

                string rest = line.Substring(Marker.Length).Trim();
                int space = rest.IndexOfAny([' ', '\t']);
                string rule = space < 0 ? rest : rest.Substring(0, space);
                string reason = space < 0 ? string.Empty : rest.Substring(space + 1).Trim();
                yield return (rule, reason);
            }
        }
    }

    /// <summary>Each offered path, then the element that declares it (a field for its type, an RPC for its request…).</summary>
    private static IEnumerable<int[]> Candidates(IReadOnlyList<int[]> paths)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (int[] path in paths)
        {
            foreach (int[] candidate in new[] { path, DeclarationOf(path) })
            {
                if (seen.Add(string.Join(",", candidate)))
                {
                    yield return candidate;
                }
            }
        }
    }

    /// <summary>The longest prefix of <paramref name="path"/> that is the path of a declared element.</summary>
    public static int[] DeclarationOf(int[] path)
    {
        if (path.Length < 2)
        {
            return path;
        }

        Kind kind = path[0] switch
        {
            SourcePaths.FileMessage => Kind.Message,
            SourcePaths.FileEnum => Kind.Enum,
            SourcePaths.FileService => Kind.Service,
            SourcePaths.FileExtension => Kind.Leaf,
            _ => Kind.None,
        };
        if (kind == Kind.None)
        {
            return path;
        }

        int length = 2;
        while (length + 1 < path.Length)
        {
            Kind next = (kind, path[length]) switch
            {
                (Kind.Message, SourcePaths.MessageField or SourcePaths.MessageExtension or SourcePaths.MessageOneof) => Kind.Leaf,
                (Kind.Message, SourcePaths.MessageNested) => Kind.Message,
                (Kind.Message, SourcePaths.MessageEnum) => Kind.Enum,
                (Kind.Enum, SourcePaths.EnumValue) => Kind.Leaf,
                (Kind.Service, SourcePaths.ServiceMethod) => Kind.Leaf,
                _ => Kind.None,
            };
            if (next == Kind.None)
            {
                break;
            }

            kind = next;
            length += 2;
        }

        if (length == path.Length)
        {
            return path;
        }

        var declaration = new int[length];
        Array.Copy(path, declaration, length);
        return declaration;
    }

    private enum Kind
    {
        None,
        Message,
        Enum,
        Service,
        Leaf,
    }
}
