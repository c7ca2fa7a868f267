using ProtoGen.Shared;

namespace ProtoGen.Generators.Model;

/// <summary>One RPC of a Grpc.Tools-generated client.</summary>
/// <param name="Name">The proto (and C#) method name, e.g. <c>GetFeature</c>.</param>
/// <param name="Kind">Unary or streaming.</param>
/// <param name="RequestType">The fully qualified request type (<c>global::...</c>).</param>
/// <param name="ResponseType">The fully qualified response type.</param>
/// <param name="DocSummary">The lines inside the client method's <c>&lt;summary&gt;</c> (the proto comment).</param>
/// <param name="IsObsolete">Whether the client method is marked obsolete (a deprecated RPC).</param>
internal sealed record RpcMethodModel(
    string Name,
    RpcKind Kind,
    string RequestType,
    string ResponseType,
    EquatableArray<string> DocSummary,
    bool IsObsolete);

/// <summary>A client class that Grpc.Tools generated into the compilation.</summary>
/// <param name="Namespace">The C# namespace of the service class; empty for the global namespace.</param>
/// <param name="ServiceClassName">The static service class, e.g. <c>RouteGuide</c>.</param>
/// <param name="ClientClassName">The nested client class, e.g. <c>RouteGuideClient</c>.</param>
/// <param name="ServiceName">The full proto service name (<c>__ServiceName</c>), e.g. <c>routeguide.RouteGuide</c>.</param>
/// <param name="IsPublic">Whether the client is public (else internal).</param>
/// <param name="Methods">The RPCs, in declaration order.</param>
/// <param name="CollidingTypeNames">Wrapper or interface names that already exist as types.</param>
/// <param name="Location">The client class declaration.</param>
internal sealed record ClientModel(
    string Namespace,
    string ServiceClassName,
    string ClientClassName,
    string ServiceName,
    bool IsPublic,
    EquatableArray<RpcMethodModel> Methods,
    EquatableArray<string> CollidingTypeNames,
    LocationInfo? Location)
{
    public string WrapperName => WrapperNaming.WrapperName(ServiceClassName);

    public string InterfaceName => WrapperNaming.InterfaceName(ServiceClassName);

    public string RegistrationClassName => WrapperNaming.RegistrationClassName(ServiceClassName);
}
