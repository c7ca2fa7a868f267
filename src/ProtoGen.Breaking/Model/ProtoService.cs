using System.Collections.Generic;
using Google.Protobuf.Reflection;

namespace ProtoGen.Breaking.Model;

/// <summary>A service and its RPCs.</summary>
internal sealed class ProtoService
{
    public ProtoService(ProtoFile file, ServiceDescriptorProto proto, int index)
    {
        File = file;
        Proto = proto;
        Path = [SourcePaths.FileService, index];
        FullName = file.Package.Length == 0 ? proto.Name : file.Package + "." + proto.Name;
        for (int i = 0; i < proto.Method.Count; i++)
        {
            Methods.Add(new ProtoMethod(this, proto.Method[i], SourcePaths.Append(Path, SourcePaths.ServiceMethod, i)));
        }
    }

    public ProtoFile File { get; }

    public ServiceDescriptorProto Proto { get; }

    public int[] Path { get; }

    public string Name => Proto.Name;

    public string FullName { get; }

    public List<ProtoMethod> Methods { get; } = [];

    public override string ToString() => FullName;
}

/// <summary>One RPC of a service.</summary>
internal sealed class ProtoMethod
{
    public ProtoMethod(ProtoService service, MethodDescriptorProto proto, int[] path)
    {
        Service = service;
        Proto = proto;
        Path = path;
    }

    public ProtoService Service { get; }

    public MethodDescriptorProto Proto { get; }

    public int[] Path { get; }

    public string Name => Proto.Name;

    /// <summary>The request type's full name, without protoc's leading dot.</summary>
    public string InputType => ProtoField.TrimDot(Proto.InputType);

    public string OutputType => ProtoField.TrimDot(Proto.OutputType);

    public bool ClientStreaming => Proto.ClientStreaming;

    public bool ServerStreaming => Proto.ServerStreaming;

    public MethodOptions.Types.IdempotencyLevel IdempotencyLevel => Proto.Options?.IdempotencyLevel ?? MethodOptions.Types.IdempotencyLevel.IdempotencyUnknown;
}
