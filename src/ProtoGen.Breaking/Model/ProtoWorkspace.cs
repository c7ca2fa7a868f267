using System;
using System.Collections.Generic;
using System.Linq;
using Google.Protobuf.Reflection;

namespace ProtoGen.Breaking.Model;

/// <summary>
/// A set of proto files as protoc compiled them (a <c>FileDescriptorSet</c>), some of them current (being checked),
/// the others imports, with every message and enum indexed by full name so that fields resolve their types.
/// </summary>
internal sealed class ProtoWorkspace
{
    private readonly Dictionary<string, ProtoFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProtoMessage> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProtoEnum> _enums = new(StringComparer.Ordinal);

    private ProtoWorkspace()
    {
    }

    /// <summary>Every file of the set, imports included, in the set's order.</summary>
    public List<ProtoFile> Files { get; } = [];

    /// <summary>The files being checked, in the set's order.</summary>
    public List<ProtoFile> CurrentFiles { get; } = [];

    /// <summary>
    /// Builds the workspace of <paramref name="set"/>. A file is current when <paramref name="isCurrent"/> says so
    /// (null: every file is). A file that appears twice keeps its first copy.
    /// </summary>
    public static ProtoWorkspace Create(FileDescriptorSet set, Func<string, bool>? isCurrent = null)
    {
        var workspace = new ProtoWorkspace();
        foreach (FileDescriptorProto proto in set.File)
        {
            if (workspace._files.ContainsKey(proto.Name))
            {
                continue;
            }

            var file = new ProtoFile(proto, isCurrent?.Invoke(proto.Name) ?? true);
            workspace.Add(file);
        }

        workspace.ResolveTypes();
        return workspace;
    }

    /// <summary>
    /// Builds the workspace of the serialized descriptor set <paramref name="set"/>, parsing each file's source info
    /// only when it is needed. A file is current when <paramref name="isCurrent"/> says so (null: every file is).
    /// </summary>
    /// <exception cref="Google.Protobuf.InvalidProtocolBufferException">The bytes are not a descriptor set.</exception>
    public static ProtoWorkspace Load(byte[] set, Func<string, bool>? isCurrent = null) => Load([set], isCurrent);

    /// <summary>As <see cref="Load(byte[], Func{string, bool}?)"/> for several sets (each protoc run's); a file in more than one keeps its first copy with source info.</summary>
    /// <exception cref="Google.Protobuf.InvalidProtocolBufferException">The bytes are not a descriptor set.</exception>
    public static ProtoWorkspace Load(IEnumerable<byte[]> sets, Func<string, bool>? isCurrent = null)
    {
        // A file in several sets (an import of one run is compiled by another) keeps a copy with source info.
        var chosen = new Dictionary<string, SplitFile>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (SplitFile split in sets.SelectMany(DescriptorSetSplitter.Split))
        {
            if (!chosen.TryGetValue(split.Proto.Name, out SplitFile? kept))
            {
                order.Add(split.Proto.Name);
                chosen[split.Proto.Name] = split;
            }
            else if (kept.SourceInfo is null && split.SourceInfo is not null)
            {
                chosen[split.Proto.Name] = split;
            }
        }

        var workspace = new ProtoWorkspace();
        foreach (string name in order)
        {
            SplitFile split = chosen[name];
            workspace.Add(new ProtoFile(split.Proto, isCurrent?.Invoke(name) ?? true, split.SourceInfo, split.Descriptor));
        }

        workspace.ResolveTypes();
        return workspace;
    }

    public ProtoFile? FindFile(string path) => _files.TryGetValue(path, out ProtoFile? file) ? file : null;

    public ProtoMessage? FindMessage(string fullName) => _messages.TryGetValue(fullName, out ProtoMessage? message) ? message : null;

    public ProtoEnum? FindEnum(string fullName) => _enums.TryGetValue(fullName, out ProtoEnum? found) ? found : null;

    private void Add(ProtoFile file)
    {
        _files.Add(file.Path, file);
        Files.Add(file);
        if (file.IsCurrent)
        {
            CurrentFiles.Add(file);
        }

        FileDescriptorProto proto = file.Proto;
        for (int i = 0; i < proto.MessageType.Count; i++)
        {
            file.Messages.Add(AddMessage(file, null, proto.MessageType[i], [SourcePaths.FileMessage, i], file.Features));
        }

        for (int i = 0; i < proto.EnumType.Count; i++)
        {
            file.Enums.Add(AddEnum(file, null, proto.EnumType[i], [SourcePaths.FileEnum, i], file.Features));
        }

        for (int i = 0; i < proto.Service.Count; i++)
        {
            file.Services.Add(new ProtoService(file, proto.Service[i], i));
        }

        for (int i = 0; i < proto.Extension.Count; i++)
        {
            FieldDescriptorProto extension = proto.Extension[i];
            var field = new ProtoField(file, null, extension, [SourcePaths.FileExtension, i], file.Features.With(extension.Options?.Features));
            file.Extensions.Add(field);
            file.AllExtensions.Add(field);
        }
    }

    private ProtoMessage AddMessage(ProtoFile file, ProtoMessage? parent, DescriptorProto proto, int[] path, ResolvedFeatures inherited)
    {
        var message = new ProtoMessage(file, parent, proto, path, inherited.With(proto.Options?.Features));
        file.AllMessages.Add(message);
        _messages[message.FullName] = message;

        for (int i = 0; i < proto.OneofDecl.Count; i++)
        {
            message.Oneofs.Add(new ProtoOneof(message, proto.OneofDecl[i], i));
        }

        for (int i = 0; i < proto.Field.Count; i++)
        {
            FieldDescriptorProto fieldProto = proto.Field[i];
            ProtoOneof? oneof = fieldProto.HasOneofIndex && fieldProto.OneofIndex < message.Oneofs.Count ? message.Oneofs[fieldProto.OneofIndex] : null;
            ResolvedFeatures scope = oneof is null ? message.Features : message.Features.With(oneof.Proto.Options?.Features);
            var field = new ProtoField(file, message, fieldProto, SourcePaths.Append(path, SourcePaths.MessageField, i), scope.With(fieldProto.Options?.Features))
            {
                Oneof = oneof,
            };
            if (oneof is not null)
            {
                oneof.Fields.Add(field);
                oneof.IsSynthetic |= fieldProto.Proto3Optional;
            }

            message.Fields.Add(field);
        }

        for (int i = 0; i < proto.NestedType.Count; i++)
        {
            message.NestedMessages.Add(AddMessage(file, message, proto.NestedType[i], SourcePaths.Append(path, SourcePaths.MessageNested, i), message.Features));
        }

        for (int i = 0; i < proto.EnumType.Count; i++)
        {
            message.NestedEnums.Add(AddEnum(file, message, proto.EnumType[i], SourcePaths.Append(path, SourcePaths.MessageEnum, i), message.Features));
        }

        for (int i = 0; i < proto.Extension.Count; i++)
        {
            FieldDescriptorProto extension = proto.Extension[i];
            var field = new ProtoField(file, message, extension, SourcePaths.Append(path, SourcePaths.MessageExtension, i), message.Features.With(extension.Options?.Features));
            message.Extensions.Add(field);
            file.AllExtensions.Add(field);
        }

        return message;
    }

    private ProtoEnum AddEnum(ProtoFile file, ProtoMessage? parent, EnumDescriptorProto proto, int[] path, ResolvedFeatures inherited)
    {
        var result = new ProtoEnum(file, parent, proto, path, inherited.With(proto.Options?.Features));
        file.AllEnums.Add(result);
        _enums[result.FullName] = result;
        return result;
    }

    /// <summary>Links map fields to their entries and enum fields to their enums, once every file is indexed.</summary>
    private void ResolveTypes()
    {
        foreach (ProtoFile file in Files)
        {
            foreach (ProtoMessage message in file.AllMessages)
            {
                foreach (ProtoField field in message.Fields)
                {
                    Resolve(field);
                }
            }

            foreach (ProtoField extension in file.AllExtensions)
            {
                Resolve(extension);
            }
        }
    }

    private void Resolve(ProtoField field)
    {
        if (field.Type == FieldDescriptorProto.Types.Type.Message && field.IsRepeated && FindMessage(field.TypeName) is { IsMapEntry: true } entry)
        {
            field.MapEntry = entry;
        }
        else if (field.Type == FieldDescriptorProto.Types.Type.Enum)
        {
            field.EnumType = FindEnum(field.TypeName);
        }
    }
}
