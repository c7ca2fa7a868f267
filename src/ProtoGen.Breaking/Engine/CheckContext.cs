using System;
using System.Collections.Generic;
using System.Linq;
using ProtoGen.Breaking.Model;
using ProtoGen.Shared;

namespace ProtoGen.Breaking.Engine;

/// <summary>
/// The two sides of a check and the elements paired between them, computed once and shared by every rule:
/// files by path, messages, enums and services by full name, fields by number (extensions by extendee and
/// number), RPCs by name. Only current files take part on either side; imports only resolve types.
/// </summary>
internal sealed class CheckContext
{
    private readonly List<Finding> _findings = [];
    private readonly Dictionary<string, object> _memos = new(StringComparer.Ordinal);
    private readonly Dictionary<(ProtoFile, ProtoFile), bool> _unchanged = [];
    private List<(ProtoFile Previous, ProtoFile Current)>? _files;
    private Dictionary<string, ProtoMessage>? _messages;
    private Dictionary<string, ProtoMessage>? _previousMessages;
    private List<(ProtoMessage Previous, ProtoMessage Current)>? _messagePairs;
    private List<(ProtoEnum Previous, ProtoEnum Current)>? _enumPairs;
    private List<(ProtoField Previous, ProtoField Current)>? _fieldPairs;
    private List<(ProtoService Previous, ProtoService Current)>? _servicePairs;

    public CheckContext(ProtoWorkspace previous, ProtoWorkspace current, WrapperOverloads wrapperOverloads = WrapperNaming.DefaultOverloads)
    {
        Previous = previous;
        Current = current;
        WrapperOverloads = wrapperOverloads;
    }

    /// <summary>The baseline.</summary>
    public ProtoWorkspace Previous { get; }

    public ProtoWorkspace Current { get; }

    /// <summary>The client wrappers' overload set (<c>$(ProtoGenClientWrapperOverloads)</c>), whose members the CSHARP rules check.</summary>
    public WrapperOverloads WrapperOverloads { get; }

    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Files with the same path, except those whose descriptor did not change (no file-level rule can find anything there).</summary>
    public IReadOnlyList<(ProtoFile Previous, ProtoFile Current)> FilePairs => _files ??=
        [.. Previous.CurrentFiles.Select(p => (p, CurrentFile(p.Path))).Where(pair => pair.Item2 is not null && !Unchanged(pair.p, pair.Item2)).Select(pair => (pair.p, pair.Item2!))];

    public IReadOnlyDictionary<string, ProtoMessage> CurrentMessages => _messages ??= ByName(Current.CurrentFiles.SelectMany(f => f.AllMessages), m => m.FullName);

    public IReadOnlyDictionary<string, ProtoMessage> PreviousMessages => _previousMessages ??= ByName(Previous.CurrentFiles.SelectMany(f => f.AllMessages), m => m.FullName);

    /// <summary>
    /// Messages with the same full name, except those of a file whose descriptor did not change at all: their
    /// elements compare equal, unless a field's default is an enum value of another file, which may have changed.
    /// </summary>
    public IReadOnlyList<(ProtoMessage Previous, ProtoMessage Current)> MessagePairs => _messagePairs ??=
        [.. PreviousMessages.Values.Where(p => CurrentMessages.ContainsKey(p.FullName)).Select(p => (p, CurrentMessages[p.FullName]))
            .Where(pair => !Unchanged(pair.p.File, pair.Item2.File) || pair.p.Fields.Any(DependsOnAnotherFile))];

    public IReadOnlyList<(ProtoEnum Previous, ProtoEnum Current)> EnumPairs => _enumPairs ??= Pair(
        Previous.CurrentFiles.SelectMany(f => f.AllEnums), Current.CurrentFiles.SelectMany(f => f.AllEnums), e => e.FullName)
        .Where(pair => !Unchanged(pair.Item1.File, pair.Item2.File)).ToList();

    public IReadOnlyList<(ProtoService Previous, ProtoService Current)> ServicePairs => _servicePairs ??= Pair(
        Previous.CurrentFiles.SelectMany(f => f.Services), Current.CurrentFiles.SelectMany(f => f.Services), s => s.FullName)
        .Where(pair => !Unchanged(pair.Item1.File, pair.Item2.File)).ToList();

    /// <summary>Fields of paired messages with the same number, then extensions with the same extendee and number.</summary>
    public IReadOnlyList<(ProtoField Previous, ProtoField Current)> FieldPairs => _fieldPairs ??= PairFields();

    /// <summary>The current file at <paramref name="path"/>, if it is one of the files being checked.</summary>
    public ProtoFile? CurrentFile(string path) => Current.FindFile(path) is { IsCurrent: true } file ? file : null;

    public void Report(Finding finding) => _findings.Add(finding);

    /// <summary>A value several rules share (pairs by C# name, for one), computed by the first that asks.</summary>
    public T Memo<T>(string key, Func<T> create)
        where T : class
    {
        if (!_memos.TryGetValue(key, out object? value))
        {
            _memos[key] = value = create();
        }

        return (T)value;
    }

    /// <summary>
    /// Where buf reports a finding about a file as a whole (a top-level element deleted from it, say): line 1,
    /// column 1, whatever the file starts with.
    /// </summary>
    public static SourceLocation FileAsAWhole { get; } = new(1, 1, string.Empty, string.Empty);

    /// <summary>
    /// Reports <paramref name="message"/> for <paramref name="ruleId"/> in <paramref name="file"/> at the first of
    /// <paramref name="paths"/> that protoc recorded (none: the file as a whole, at <see cref="FileAsAWhole"/> when
    /// protoc recorded where anything of the file is).
    /// </summary>
    public void Report(string ruleId, string subject, string message, ProtoFile? file, ProtoFile? againstFile, params int[]?[] paths)
    {
        SourceLocation? location = null;
        var offered = new List<int[]>(paths.Length);
        if (file is not null)
        {
            foreach (int[]? path in paths)
            {
                if (path is not null)
                {
                    offered.Add(path);
                    location ??= file.LocationOf(path);
                }
            }

            if (location is null && file.HasSourceInfo)
            {
                location = FileAsAWhole;
            }
        }

        _findings.Add(new Finding(ruleId, message, subject, file, againstFile, location, offered));
    }

    /// <summary>The path to report a message at: a map entry has no source of its own, so its map field's type stands for it.</summary>
    public static int[] PathOf(ProtoMessage message)
    {
        if (message.IsMapEntry && message.Parent is { } parent)
        {
            foreach (ProtoField field in parent.Fields)
            {
                if (string.Equals(field.TypeName, message.FullName, StringComparison.Ordinal))
                {
                    return SourcePaths.Append(field.Path, SourcePaths.FieldTypeName);
                }
            }
        }

        return message.Path;
    }

    /// <summary>The path to report a field at (a map entry's key and value stand at the map field's type).</summary>
    public static int[] PathOf(ProtoField field) =>
        field.Message is { IsMapEntry: true } entry ? PathOf(entry) : field.Path;

    /// <summary>
    /// Where to report an element that is gone: the nearest enclosing message that still exists in
    /// <paramref name="file"/> (by nested name), else the file itself (null path).
    /// </summary>
    public static int[]? DeletedElementParentPath(ProtoFile file, string previousNestedName)
    {
        int dot = previousNestedName.LastIndexOf('.');
        while (dot > 0)
        {
            string parentName = previousNestedName.Substring(0, dot);
            string fullName = file.Package.Length == 0 ? parentName : file.Package + "." + parentName;
            if (file.AllMessages.FirstOrDefault(m => string.Equals(m.FullName, fullName, StringComparison.Ordinal)) is { } parent)
            {
                return PathOf(parent);
            }

            dot = parentName.LastIndexOf('.');
        }

        return null;
    }

    private List<(ProtoField, ProtoField)> PairFields()
    {
        var pairs = new List<(ProtoField, ProtoField)>();
        foreach ((ProtoMessage previous, ProtoMessage current) in MessagePairs)
        {
            Dictionary<int, ProtoField> byNumber = ByNumber(current.Fields);
            foreach (ProtoField field in previous.Fields)
            {
                if (byNumber.TryGetValue(field.Number, out ProtoField? match))
                {
                    pairs.Add((field, match));
                }
            }
        }

        var extensions = new Dictionary<(string, int), ProtoField>();
        foreach (ProtoField extension in Current.CurrentFiles.SelectMany(f => f.AllExtensions))
        {
            extensions[(extension.Extendee, extension.Number)] = extension;
        }

        foreach (ProtoField extension in Previous.CurrentFiles.SelectMany(f => f.AllExtensions))
        {
            if (extensions.TryGetValue((extension.Extendee, extension.Number), out ProtoField? match)
                && (!Unchanged(extension.File, match.File) || DependsOnAnotherFile(extension)))
            {
                pairs.Add((extension, match));
            }
        }

        return pairs;
    }

    /// <summary>True when the file is the same on both sides, source info aside.</summary>
    public bool Unchanged(ProtoFile previous, ProtoFile current)
    {
        if (!_unchanged.TryGetValue((previous, current), out bool same))
        {
            _unchanged[(previous, current)] = same = previous.SameDescriptorAs(current);
        }

        return same;
    }

    /// <summary>A field whose default is an enum value resolves it in another file.</summary>
    private static bool DependsOnAnotherFile(ProtoField field) =>
        field.Type == Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type.Enum && !field.IsRepeated
        && (field.EnumType is null || !ReferenceEquals(field.EnumType.File, field.File));

    public static Dictionary<int, ProtoField> ByNumber(IEnumerable<ProtoField> fields)
    {
        var result = new Dictionary<int, ProtoField>();
        foreach (ProtoField field in fields)
        {
            result[field.Number] = field;
        }

        return result;
    }

    private static Dictionary<string, T> ByName<T>(IEnumerable<T> elements, Func<T, string> name)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (T element in elements)
        {
            result[name(element)] = element;
        }

        return result;
    }

    private static List<(T, T)> Pair<T>(IEnumerable<T> previous, IEnumerable<T> current, Func<T, string> name)
    {
        Dictionary<string, T> byName = ByName(current, name);
        var pairs = new List<(T, T)>();
        foreach (T element in previous)
        {
            if (byName.TryGetValue(name(element), out T? match))
            {
                pairs.Add((element, match));
            }
        }

        return pairs;
    }
}
