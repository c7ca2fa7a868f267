// Compiled into ProtoGen.Generators (which emits the client wrappers) and ProtoGen.Breaking (whose CSHARP rules tell
// which wrapper members a proto change removes), by source link: one definition of the wrapper's names, so the two
// cannot drift. No Roslyn or MSBuild types here; netstandard2.0.
using System;
using System.Collections.Generic;

namespace ProtoGen.Shared;

/// <summary>The kind of an RPC (Grpc.Core.MethodType; in a proto, whether request and response are streams).</summary>
internal enum RpcKind
{
    Unary,
    ServerStreaming,
    ClientStreaming,
    DuplexStreaming,
}

/// <summary>The overload set of the client wrappers: <c>$(ProtoGenClientWrapperOverloads)</c>.</summary>
internal enum WrapperOverloads
{
    /// <summary>The default: per-call parameters only, and unary RPCs only as <c>NameAsync</c>.</summary>
    Minimal,

    /// <summary>Adds the blocking unary calls (<c>Name</c>) and a <c>CallOptions</c> overload of every call.</summary>
    All,
}

/// <summary>The parameter list of a wrapper member.</summary>
internal enum WrapperMemberShape
{
    /// <summary>The request (unless the client streams), then headers, deadline, timeout and cancellation token.</summary>
    PerCall,

    /// <summary>The request (unless the client streams), then <c>CallOptions</c>.</summary>
    WithOptions,

    /// <summary><c>NameStreamAsync</c>: the request and the per-call parameters; the responses as an <c>IAsyncEnumerable</c>.</summary>
    Enumerable,
}

/// <summary>What a call member (of the wrapper or of Grpc.Tools' generated client) returns.</summary>
internal enum CallReturn
{
    /// <summary>The response itself: a blocking unary call.</summary>
    Response,
    UnaryCall,
    ServerStreamingCall,
    ClientStreamingCall,
    DuplexStreamingCall,
    AsyncEnumerable,
}

/// <summary>An RPC as far as naming goes: its C# (= proto) name and kind.</summary>
internal sealed record WrapperRpc(string Name, RpcKind Kind);

/// <summary>A call member: its name, which RPC it calls (an index into the RPC list it was planned from), its parameters and return.</summary>
internal sealed record WrapperMember(int Rpc, string Name, WrapperMemberShape Shape, CallReturn Returns);

/// <summary>
/// The names of ProtoGen's client wrapper of a service (docs/client-wrappers.md, "What is generated"): its types,
/// its call members by RPC kind and overload set, and its convenience members, which give way to RPC members.
/// </summary>
internal static class WrapperNaming
{
    /// <summary>The MSBuild property that selects the overload set.</summary>
    public const string OverloadsProperty = "ProtoGenClientWrapperOverloads";

    /// <summary>The overload set without <see cref="OverloadsProperty"/>.</summary>
    public const WrapperOverloads DefaultOverloads = WrapperOverloads.Minimal;

    /// <summary>The wrapper's property that returns the generated client (left out when a call member has the name).</summary>
    public const string ClientProperty = "Client";

    /// <summary>The wrapper's property that returns the defaults in effect (left out when a call member has the name).</summary>
    public const string DefaultsProperty = "Defaults";

    /// <summary>The suffix of a server-streaming RPC's member that enumerates the responses (<c>NameStreamAsync</c>).</summary>
    public const string StreamSuffix = "StreamAsync";

    private const string CreateDefaults = "CreateGeneratedDefaults";
    private const string CreateDefaultsAlternative = "CreateGeneratedClientDefaults";

    /// <summary>
    /// Reads <see cref="OverloadsProperty"/>: <c>Minimal</c> or <c>All</c> (any case, trimmed); null or blank is
    /// <see cref="DefaultOverloads"/>. False for any other value.
    /// </summary>
    public static bool TryParseOverloads(string? text, out WrapperOverloads overloads)
    {
        overloads = DefaultOverloads;
        string value = text?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return true;
        }

        foreach (WrapperOverloads candidate in new[] { WrapperOverloads.Minimal, WrapperOverloads.All })
        {
            if (string.Equals(value, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                overloads = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>The static class Grpc.Tools generates for a service holds the client class <c>&lt;Service&gt;Client</c>.</summary>
    public static string ClientClassName(string serviceClassName) => serviceClassName + "Client";

    /// <summary>The wrapper class: <c>&lt;Service&gt;ClientWrapper</c>, in the service class's namespace.</summary>
    public static string WrapperName(string serviceClassName) => serviceClassName + "ClientWrapper";

    /// <summary>The wrapper's interface: <c>I&lt;Service&gt;Client</c>, in the service class's namespace.</summary>
    public static string InterfaceName(string serviceClassName) => "I" + serviceClassName + "Client";

    /// <summary>The static class of the DI registration methods (<c>AddLedgerClient</c>).</summary>
    public static string RegistrationClassName(string serviceClassName) => serviceClassName + "ClientServiceCollectionExtensions";

    /// <summary>Whether an RPC gets wrapper members: not when it is named like the wrapper class (a member may not be).</summary>
    public static bool IsWrapped(string rpcName, string serviceClassName) => !string.Equals(rpcName, WrapperName(serviceClassName), StringComparison.Ordinal);

    /// <summary>The methods Grpc.Tools' generated client has for an RPC (each with a <c>CallOptions</c> overload too).</summary>
    public static IReadOnlyList<(string Name, CallReturn Returns)> ClientMethods(WrapperRpc rpc) => rpc.Kind switch
    {
        RpcKind.Unary => [(rpc.Name, CallReturn.Response), (rpc.Name + "Async", CallReturn.UnaryCall)],
        RpcKind.ServerStreaming => [(rpc.Name, CallReturn.ServerStreamingCall)],
        RpcKind.ClientStreaming => [(rpc.Name, CallReturn.ClientStreamingCall)],
        _ => [(rpc.Name, CallReturn.DuplexStreamingCall)],
    };

    /// <summary>
    /// The call members of the wrapper (and of its interface), in the order they are emitted: per RPC, a unary RPC's
    /// <c>NameAsync</c> (with <see cref="WrapperOverloads.All"/> first the blocking <c>Name</c>); a streaming RPC's
    /// <c>Name</c>; each with its <c>CallOptions</c> overload under <see cref="WrapperOverloads.All"/>; and a
    /// server-streaming RPC's <c>NameStreamAsync</c> when <paramref name="asyncEnumerable"/> and no RPC already has
    /// that name or that name as its <c>NameAsync</c>.
    /// </summary>
    public static List<WrapperMember> Members(IReadOnlyList<WrapperRpc> rpcs, WrapperOverloads overloads, bool asyncEnumerable)
    {
        bool all = overloads == WrapperOverloads.All;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (WrapperRpc rpc in rpcs)
        {
            taken.Add(rpc.Name);
            taken.Add(rpc.Name + "Async");
        }

        var members = new List<WrapperMember>();
        for (int i = 0; i < rpcs.Count; i++)
        {
            WrapperRpc rpc = rpcs[i];
            switch (rpc.Kind)
            {
                case RpcKind.Unary:
                    if (all)
                    {
                        AddCall(members, i, rpc.Name, CallReturn.Response, all);
                    }

                    AddCall(members, i, rpc.Name + "Async", CallReturn.UnaryCall, all);
                    break;
                case RpcKind.ServerStreaming:
                    AddCall(members, i, rpc.Name, CallReturn.ServerStreamingCall, all);
                    string stream = rpc.Name + StreamSuffix;
                    if (asyncEnumerable && taken.Add(stream))
                    {
                        members.Add(new WrapperMember(i, stream, WrapperMemberShape.Enumerable, CallReturn.AsyncEnumerable));
                    }

                    break;
                case RpcKind.ClientStreaming:
                    AddCall(members, i, rpc.Name, CallReturn.ClientStreamingCall, all);
                    break;
                default:
                    AddCall(members, i, rpc.Name, CallReturn.DuplexStreamingCall, all);
                    break;
            }
        }

        return members;
    }

    /// <summary>The names of <paramref name="members"/>.</summary>
    public static HashSet<string> Names(IEnumerable<WrapperMember> members)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (WrapperMember member in members)
        {
            names.Add(member.Name);
        }

        return names;
    }

    /// <summary>
    /// The wrapper's static method that creates the build-configured defaults: <c>CreateGeneratedDefaults</c>, or
    /// <c>CreateGeneratedClientDefaults</c> when a call member already has that name.
    /// </summary>
    public static string CreateDefaultsName(ICollection<string> memberNames) =>
        memberNames.Contains(CreateDefaults) ? CreateDefaultsAlternative : CreateDefaults;

    /// <summary>The wrapper's convenience members (<see cref="ClientProperty"/>, <see cref="DefaultsProperty"/>, the create method) that no call member's name takes.</summary>
    public static List<string> ConvenienceMembers(ICollection<string> memberNames)
    {
        var names = new List<string>();
        foreach (string property in new[] { ClientProperty, DefaultsProperty })
        {
            if (!memberNames.Contains(property))
            {
                names.Add(property);
            }
        }

        names.Add(CreateDefaultsName(memberNames));
        return names;
    }

    /// <summary>
    /// The convenience members the interface has too (<see cref="DefaultsProperty"/>, when no call member's name takes
    /// it), so code that depends on the interface reads the defaults in effect; <see cref="ClientProperty"/> and the create
    /// method stay on the wrapper.
    /// </summary>
    public static List<string> InterfaceConvenienceMembers(ICollection<string> memberNames) =>
        memberNames.Contains(DefaultsProperty) ? [] : [DefaultsProperty];

    /// <summary>How a return reads in C#, with <c>TRequest</c>/<c>TResponse</c> for the message types.</summary>
    public static string Describe(CallReturn returns) => returns switch
    {
        CallReturn.Response => "TResponse",
        CallReturn.UnaryCall => "AsyncUnaryCall<TResponse>",
        CallReturn.ServerStreamingCall => "AsyncServerStreamingCall<TResponse>",
        CallReturn.ClientStreamingCall => "AsyncClientStreamingCall<TRequest, TResponse>",
        CallReturn.DuplexStreamingCall => "AsyncDuplexStreamingCall<TRequest, TResponse>",
        _ => "IAsyncEnumerable<TResponse>",
    };

    private static void AddCall(List<WrapperMember> members, int rpc, string name, CallReturn returns, bool all)
    {
        members.Add(new WrapperMember(rpc, name, WrapperMemberShape.PerCall, returns));
        if (all)
        {
            members.Add(new WrapperMember(rpc, name, WrapperMemberShape.WithOptions, returns));
        }
    }
}
