using System;
using System.Collections.Generic;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ProtoGen.Breaking.Model;

/// <summary>
/// One proto file of a workspace, as protoc compiled it: its descriptor, its elements in declaration order, and
/// (when protoc ran with <c>--include_source_info</c>) where each of them is written.
/// </summary>
internal sealed class ProtoFile
{
    private readonly ByteString? _sourceInfoBytes;
    private byte[]? _descriptor;
    private SourceCodeInfo? _sourceInfo;
    private Dictionary<int[], SourceLocation>? _locations;

    /// <summary>A file whose source info is in <paramref name="proto"/>, or (unparsed) in <paramref name="sourceInfo"/>.</summary>
    public ProtoFile(FileDescriptorProto proto, bool isCurrent, ByteString? sourceInfo = null, byte[]? descriptor = null)
    {
        Proto = proto;
        _descriptor = descriptor;
        IsCurrent = isCurrent;
        _sourceInfoBytes = sourceInfo;
        _sourceInfo = proto.SourceCodeInfo;
        Edition = proto.Syntax switch
        {
            "proto3" => Edition.Proto3,
            "editions" => proto.Edition,
            _ => Edition.Proto2,
        };
        Features = ResolvedFeatures.ForEdition(Edition).With(proto.Options?.Features);
    }

    /// <summary>The file's name as protoc knows it: its path relative to an import directory (its logical path).</summary>
    public string Path => Proto.Name;

    public string Package => Proto.Package;

    public FileDescriptorProto Proto { get; }

    /// <summary>True for the files being checked; false for their imports, which are only there to resolve types.</summary>
    public bool IsCurrent { get; }

    /// <summary>The edition, with <see cref="Edition.Proto2"/> and <see cref="Edition.Proto3"/> for the two syntaxes.</summary>
    public Edition Edition { get; }

    /// <summary>"proto2", "proto3" or "editions", as <c>FILE_SAME_SYNTAX</c> compares them (a missing syntax is proto2).</summary>
    public string SyntaxName => Proto.Syntax.Length == 0 ? "proto2" : Proto.Syntax;

    public ResolvedFeatures Features { get; }

    /// <summary>Memo of the file's C# namespace (<see cref="Rules.CSharpNaming"/>).</summary>
    public string? CSharpNamespace { get; set; }

    public FileOptions Options => Proto.Options ?? EmptyOptions;

    public List<ProtoMessage> Messages { get; } = [];

    public List<ProtoEnum> Enums { get; } = [];

    public List<ProtoService> Services { get; } = [];

    /// <summary>Extensions declared at the top level of the file.</summary>
    public List<ProtoField> Extensions { get; } = [];

    /// <summary>Every message of the file, nested ones (and map entries) included, outer before inner.</summary>
    public List<ProtoMessage> AllMessages { get; } = [];

    /// <summary>Every enum of the file, nested ones included.</summary>
    public List<ProtoEnum> AllEnums { get; } = [];

    /// <summary>Every extension of the file, those declared in messages included.</summary>
    public List<ProtoField> AllExtensions { get; } = [];

    private static FileOptions EmptyOptions { get; } = new();

    /// <summary>The file's source info (parsed on first use), or null when protoc ran without <c>--include_source_info</c>.</summary>
    public SourceCodeInfo? SourceInfo => _sourceInfo ??= _sourceInfoBytes is null ? null : SourceCodeInfo.Parser.ParseFrom(_sourceInfoBytes);

    /// <summary>
    /// True when <paramref name="other"/> has the same descriptor, source info aside: every element of the two files
    /// is the same, so comparing them element by element can find nothing.
    /// </summary>
    public bool SameDescriptorAs(ProtoFile other) =>
        string.Equals(Path, other.Path, System.StringComparison.Ordinal) && Descriptor().AsSpan().SequenceEqual(other.Descriptor());

    private byte[] Descriptor()
    {
        if (_descriptor is null)
        {
            FileDescriptorProto copy = Proto.Clone();
            copy.SourceCodeInfo = null;
            _descriptor = copy.ToByteArray();
        }

        return _descriptor;
    }

    /// <summary>True when protoc ran with <c>--include_source_info</c> for the file.</summary>
    public bool HasSourceInfo => _sourceInfoBytes is not null || Proto.SourceCodeInfo is not null;

    /// <summary>True when a comment of the file may hold <paramref name="text"/> (read without parsing the source info).</summary>
    public bool CommentsMayContain(string text)
    {
        if (_sourceInfo is null && _sourceInfoBytes is not null)
        {
            return _sourceInfoBytes.Span.IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
        }

        return _sourceInfo is not null;
    }

    /// <summary>Where the part of the file at <paramref name="path"/> is written, or null when protoc recorded nothing there.</summary>
    public SourceLocation? LocationOf(int[] path)
    {
        if (SourceInfo is not { } info)
        {
            return null;
        }

        _locations ??= IndexLocations(info);
        return _locations.TryGetValue(path, out SourceLocation? location) ? location : null;
    }

    public override string ToString() => Path;

    private static Dictionary<int[], SourceLocation> IndexLocations(SourceCodeInfo info)
    {
        var locations = new Dictionary<int[], SourceLocation>(info.Location.Count, PathComparer.Instance);
        foreach (SourceCodeInfo.Types.Location location in info.Location)
        {
            if (location.Span.Count < 3)
            {
                continue;
            }

            var path = new int[location.Path.Count];
            location.Path.CopyTo(path, 0);

            // protoc records a path once per declaration; the first one wins for elements declared in pieces.
            if (!locations.ContainsKey(path))
            {
                locations.Add(path, new SourceLocation(location.Span[0] + 1, location.Span[1] + 1, location.LeadingComments, location.TrailingComments));
            }
        }

        return locations;
    }

    private sealed class PathComparer : IEqualityComparer<int[]>
    {
        public static readonly PathComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            int hash = 17;
            foreach (int part in obj)
            {
                hash = unchecked((hash * 31) + part);
            }

            return hash;
        }
    }
}
