using System;
using System.Collections.Generic;
using System.Linq;
using ProtoGen.Breaking.Engine;
using ProtoGen.Breaking.Model;

namespace ProtoGen.Breaking.Rules;

/// <summary>Rules about services and their RPCs.</summary>
internal static class ServiceRules
{
    /// <summary>SERVICE_NO_DELETE: a service is gone from its file (reported at the file).</summary>
    public static void NoDelete(CheckContext context, string ruleId)
    {
        foreach ((ProtoFile previous, ProtoFile current) in context.FilePairs)
        {
            var names = new HashSet<string>(current.Services.Select(s => s.Name), StringComparer.Ordinal);
            foreach (ProtoService gone in previous.Services.Where(s => !names.Contains(s.Name)))
            {
                context.Report(ruleId, gone.FullName, $"Previously present service \"{gone.Name}\" was deleted from file.", current, previous);
            }
        }
    }

    /// <summary>RPC_NO_DELETE: an RPC is gone from its service (reported at the service).</summary>
    public static void RpcNoDelete(CheckContext context, string ruleId)
    {
        foreach ((ProtoService previous, ProtoService current) in context.ServicePairs)
        {
            var names = new HashSet<string>(current.Methods.Select(m => m.Name), StringComparer.Ordinal);
            foreach (ProtoMethod gone in previous.Methods.Where(m => !names.Contains(m.Name)))
            {
                context.Report(ruleId, current.FullName + "." + gone.Name, $"Previously present RPC \"{gone.Name}\" on service \"{current.Name}\" was deleted.",
                    current.File, previous.File, current.Path);
            }
        }
    }

    /// <summary>RPC_SAME_CLIENT_STREAMING.</summary>
    public static void SameClientStreaming(CheckContext context, string ruleId) => CompareMethods(context, ruleId, (previous, current) =>
        previous.ClientStreaming == current.ClientStreaming ? null
        : ($"RPC \"{current.Name}\" on service \"{current.Service.Name}\" changed from client {Streaming(previous.ClientStreaming)} to client {Streaming(current.ClientStreaming)}.", current.Path));

    /// <summary>RPC_SAME_SERVER_STREAMING.</summary>
    public static void SameServerStreaming(CheckContext context, string ruleId) => CompareMethods(context, ruleId, (previous, current) =>
        previous.ServerStreaming == current.ServerStreaming ? null
        : ($"RPC \"{current.Name}\" on service \"{current.Service.Name}\" changed from server {Streaming(previous.ServerStreaming)} to server {Streaming(current.ServerStreaming)}.", current.Path));

    /// <summary>RPC_SAME_REQUEST_TYPE.</summary>
    public static void SameRequestType(CheckContext context, string ruleId) => CompareMethods(context, ruleId, (previous, current) =>
        string.Equals(previous.InputType, current.InputType, StringComparison.Ordinal) ? null
        : ($"RPC \"{current.Name}\" on service \"{current.Service.Name}\" changed request type from \"{previous.InputType}\" to \"{current.InputType}\".",
            SourcePaths.Append(current.Path, SourcePaths.MethodInputType)));

    /// <summary>RPC_SAME_RESPONSE_TYPE.</summary>
    public static void SameResponseType(CheckContext context, string ruleId) => CompareMethods(context, ruleId, (previous, current) =>
        string.Equals(previous.OutputType, current.OutputType, StringComparison.Ordinal) ? null
        : ($"RPC \"{current.Name}\" on service \"{current.Service.Name}\" changed response type from \"{previous.OutputType}\" to \"{current.OutputType}\".",
            SourcePaths.Append(current.Path, SourcePaths.MethodOutputType)));

    /// <summary>RPC_SAME_IDEMPOTENCY_LEVEL.</summary>
    public static void SameIdempotencyLevel(CheckContext context, string ruleId) => CompareMethods(context, ruleId, (previous, current) =>
        previous.IdempotencyLevel == current.IdempotencyLevel ? null
        : ($"RPC \"{current.Name}\" on service \"{current.Service.Name}\" changed option \"idempotency_level\" from \"{Names.Of(previous.IdempotencyLevel)}\" to \"{Names.Of(current.IdempotencyLevel)}\".",
            SourcePaths.Append(current.Path, SourcePaths.MethodOptions, SourcePaths.MethodOptionIdempotencyLevel)));

    private static void CompareMethods(CheckContext context, string ruleId, Func<ProtoMethod, ProtoMethod, (string Message, int[] Path)?> compare)
    {
        foreach ((ProtoService previousService, ProtoService service) in context.ServicePairs)
        {
            var byName = service.Methods.ToDictionary(m => m.Name, StringComparer.Ordinal);
            foreach (ProtoMethod previous in previousService.Methods)
            {
                if (byName.TryGetValue(previous.Name, out ProtoMethod? current) && compare(previous, current) is { } finding)
                {
                    context.Report(ruleId, service.FullName + "." + current.Name, finding.Message, service.File, previousService.File, finding.Path, current.Path);
                }
            }
        }
    }

    private static string Streaming(bool streaming) => streaming ? "streaming" : "unary";
}
