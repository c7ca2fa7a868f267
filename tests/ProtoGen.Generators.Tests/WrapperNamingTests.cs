using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProtoGen.Shared;
using ProtoGen.Testing.Roslyn;
using Xunit;

namespace ProtoGen.Generators.Tests;

/// <summary>
/// The shared naming (src/Shared/WrapperNaming.cs), which the breaking check also uses, against the members the
/// generator really emits: every RPC kind, both overload sets, and the names that collide. If one changes without
/// the other, this fails.
/// </summary>
public sealed class WrapperNamingTests
{
    public static TheoryData<string, string> Fixtures { get; } = new()
    {
        { "route_guide", "Minimal" },
        { "route_guide", "All" },
        { "odd_names", "Minimal" },
        { "odd_names", "All" },
    };

    /// <summary>The RPCs of each fixture proto (protos/examples), in declaration order: written here, not derived from the generator.</summary>
    private static readonly Dictionary<string, (string Namespace, string Service, WrapperRpc[] Rpcs)> Protos = new()
    {
        ["route_guide"] = ("Routeguide", "RouteGuide",
        [
            new("GetFeature", RpcKind.Unary),
            new("ListFeatures", RpcKind.ServerStreaming),
            new("RecordRoute", RpcKind.ClientStreaming),
            new("RouteChat", RpcKind.DuplexStreaming),
        ]),
        ["odd_names"] = ("Examples.Odd", "Odd",
        [
            new("Client", RpcKind.Unary),
            new("Defaults", RpcKind.Unary),
            new("CreateGeneratedDefaults", RpcKind.Unary),
            new("Fetch", RpcKind.ServerStreaming),
            new("FetchStream", RpcKind.Unary),
        ]),
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void The_emitted_wrapper_has_exactly_the_members_the_shared_naming_names(string fixture, string overloads)
    {
        (string ns, string service, WrapperRpc[] rpcs) = Protos[fixture];
        Assert.True(WrapperNaming.TryParseOverloads(overloads, out WrapperOverloads set));
        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.Fixture(fixture),
            globalOptions: new Dictionary<string, string>(GeneratorHarness.WrapAll()) { ["build_property." + WrapperNaming.OverloadsProperty] = overloads });
        Assert.Empty(run.Diagnostics);

        List<WrapperMember> planned = WrapperNaming.Members(rpcs, set, asyncEnumerable: true);
        string[] expectedCalls = [.. planned.Select(m => Describe(m.Name, m.Shape, m.Returns)).Order(System.StringComparer.Ordinal)];

        INamedTypeSymbol contract = Type(run, ns + "." + WrapperNaming.InterfaceName(service));
        INamedTypeSymbol wrapper = Type(run, ns + "." + WrapperNaming.WrapperName(service));
        Assert.Equal(expectedCalls, Calls(contract));
        Assert.Equal(expectedCalls, Calls(wrapper));

        // Everything else public on the wrapper: its constructors and the convenience members no call took; of those,
        // the interface has what the shared naming says it has.
        HashSet<string> callNames = WrapperNaming.Names(planned);
        string[] others = [.. wrapper.GetMembers()
            .Where(m => m.DeclaredAccessibility == Accessibility.Public && m is not IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.PropertyGet })
            .Where(m => !callNames.Contains(m.Name))
            .Select(m => m.Name)
            .Distinct()
            .Order(System.StringComparer.Ordinal)];
        Assert.Equal([.. WrapperNaming.ConvenienceMembers(callNames).Order(System.StringComparer.Ordinal)], others);
        string[] onInterface = [.. contract.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).Order(System.StringComparer.Ordinal)];
        Assert.Equal([.. WrapperNaming.InterfaceConvenienceMembers(callNames).Order(System.StringComparer.Ordinal)], onInterface);
    }

    [Fact]
    public void The_overload_set_reads_as_the_generator_and_the_breaking_check_read_it()
    {
        Assert.True(WrapperNaming.TryParseOverloads(null, out WrapperOverloads unset));
        Assert.Equal(WrapperOverloads.Minimal, unset);
        Assert.Equal(WrapperNaming.DefaultOverloads.ToString(), ClientWrapperGenerator.DefaultOverloads);
        Assert.True(WrapperNaming.TryParseOverloads(" all ", out WrapperOverloads all));
        Assert.Equal(WrapperOverloads.All, all);
        Assert.False(WrapperNaming.TryParseOverloads("Full", out _));
    }

    private static INamedTypeSymbol Type(GeneratorRun run, string name) =>
        run.Output.GetTypeByMetadataName(name) ?? throw new Xunit.Sdk.XunitException(name + " was not generated.");

    /// <summary>The call members of a type: each as name, parameters and return, in the terms of <see cref="WrapperNaming"/>.</summary>
    private static string[] Calls(INamedTypeSymbol type) => [.. type.GetMembers().OfType<IMethodSymbol>()
        .Where(m => m.MethodKind == MethodKind.Ordinary && !m.IsStatic && (type.TypeKind == TypeKind.Interface || m.DeclaredAccessibility == Accessibility.Public))
        .Select(m => Describe(m.Name, Shape(m), Returns(m.ReturnType)))
        .Order(System.StringComparer.Ordinal)];

    private static WrapperMemberShape Shape(IMethodSymbol method) =>
        method.Parameters.Any(p => p.Type.Name == "CallOptions") ? WrapperMemberShape.WithOptions
        : method.ReturnType.Name == "IAsyncEnumerable" ? WrapperMemberShape.Enumerable
        : WrapperMemberShape.PerCall;

    private static CallReturn Returns(ITypeSymbol type) => type.Name switch
    {
        "AsyncUnaryCall" => CallReturn.UnaryCall,
        "AsyncServerStreamingCall" => CallReturn.ServerStreamingCall,
        "AsyncClientStreamingCall" => CallReturn.ClientStreamingCall,
        "AsyncDuplexStreamingCall" => CallReturn.DuplexStreamingCall,
        "IAsyncEnumerable" => CallReturn.AsyncEnumerable,
        _ => CallReturn.Response,
    };

    private static string Describe(string name, WrapperMemberShape shape, CallReturn returns) => $"{name} {shape} {returns}";
}
