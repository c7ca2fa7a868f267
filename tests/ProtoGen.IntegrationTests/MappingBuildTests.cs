using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ProtoGen.IntegrationTests.Infrastructure;
using ProtoGen.Testing;
using Xunit;

namespace ProtoGen.IntegrationTests;

/// <summary>Real <c>dotnet build</c> runs of projects whose protos use ProtoGen's mapping.</summary>
public sealed class MappingBuildTests
{
    [Fact]
    public async Task Custom_path_recipe_gives_logical_paths_and_the_mapped_namespace()
    {
        using TestProject project = new TestProject("custom-path")
            .CopyProtos("fixtures/custom_path", "protos")
            .WithProject("""<Protobuf Include="protos/*.proto" ProtoRoot="protos" ImportPrefix="grpc/example/custom/path" GrpcServices="Client" />""")
            .Write("Usage.cs", """
                namespace TestApp;

                public static class Usage
                {
                    public static global::Grpc.Example.Custom.Path.RouteSummary Make() =>
                        new() { Points = { new global::Grpc.Example.Custom.Path.Point { Latitude = 1 } } };

                    public static string FileName => global::Grpc.Example.Custom.Path.RouteSummaryReflection.Descriptor.Name;

                    public static System.Type Client => typeof(global::Grpc.Example.Custom.Path.RouteGuide.RouteGuideClient);
                }
                """);

        BuildResult result = project.Build();

        Assert.True(result.Succeeded, result.Output);
        string generated = project.Read("obj/Debug/net10.0/grpc/example/custom/path/RouteSummary.cs");
        Assert.Contains("namespace Grpc.Example.Custom.Path {", generated, System.StringComparison.Ordinal);
        Assert.Contains("global::Grpc.Example.Custom.Path.RouteGuideReflection.Descriptor", generated, System.StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(project.IntermediateDirectory, "grpc/example/custom/path/RouteGuideGrpc.cs")));
        // The staged copy is the original, byte for byte, with one line added: the namespace the mapping gives.
        Assert.Equal(
            project.Read("protos/route_guide.proto") + "option csharp_namespace = \"Grpc.Example.Custom.Path\"; // added by ProtoGen\n",
            project.Read("obj/Debug/net10.0/protogen/stage/grpc/example/custom/path/route_guide.proto"));

        await Verifier.Verify(generated).UseExtension("cs").UseTextForParameters("RouteSummary");
        Assert.Empty(result.ProtocCommands); // One batched run instead of Grpc.Tools' run per proto.
        await Verifier.Verify(string.Join("\n", result.BatchCommands.Select(c => ScrubCommand(project, c))))
            .UseTextForParameters("protoc");
    }

    [Fact]
    public async Task Enterprise_tree_resolves_logical_imports_across_roots_with_namespace_rules()
    {
        using TestProject project = new TestProject("enterprise")
            .CopyProtos("fixtures/enterprise", ".")
            .WithProject("""
                <Protobuf Include="teams/common/protos/**/*.proto" ProtoRoot="teams/common/protos" ImportPrefix="acme/common" GrpcServices="None" />
                <Protobuf Include="teams/payments/protos/**/*.proto" ProtoRoot="teams/payments/protos" ImportPrefix="acme/payments" />
                <Protobuf Include="teams/legacy/protos/kept.proto" ProtoRoot="teams/legacy/protos" ImportPrefix="acme/legacy" GrpcServices="None" />
                <Protobuf Include="teams/legacy/protos/overridden.proto" ProtoRoot="teams/legacy/protos" ImportPrefix="acme/legacy" Override="true" GrpcServices="None" />
                <ProtoNamespace Include="acme/payments" Namespace="Contoso.Payments" />
                """)
            .Write("Usage.cs", """
                namespace TestApp;

                public static class Usage
                {
                    public static object[] All() =>
                    [
                        new global::Contoso.Payments.V1.LedgerEntry { Amount = new global::Acme.Common.V1.Money(), State = global::Contoso.Payments.V1.PaymentState.Settled },
                        new global::Contoso.Payments.V1.RecordEntryRequest { Context = new global::Acme.Common.V1.RequestContext() },
                        new global::Legacy.Kept.Invoice(),
                        new global::Acme.Legacy.Receipt { Invoice = new global::Legacy.Kept.Invoice() },
                        typeof(global::Contoso.Payments.V1.Ledger.LedgerClient),
                        typeof(global::Contoso.Payments.V1.Ledger.LedgerBase),
                    ];
                }
                """);

        BuildResult result = project.Build();

        Assert.True(result.Succeeded, result.Output);
        Assert.Empty(result.ProtocCommands);
        Assert.Equal(2, result.BatchRuns); // GrpcServices="None" and the default (the gRPC plugin) are two option groups.
        // The two common.proto files share a run: their outputs go to different namespace folders.
        Assert.Contains("acme/common/v1/common.proto", result.BatchCompiled);
        Assert.Single(result.Output.Split('\n'), l => l.Contains("ProtoGen: protoc run ", System.StringComparison.Ordinal) && l.Contains(" acme/payments/v1/common.proto", System.StringComparison.Ordinal) && l.Contains(" acme/payments/v1/ledger.proto", System.StringComparison.Ordinal));

        // Two common.proto files: their outputs follow their logical folders and never collide.
        string[] generated = Directory.EnumerateFiles(project.IntermediateDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(project.IntermediateDirectory, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("TestApp.", System.StringComparison.Ordinal) && !f.StartsWith(".NETCoreApp", System.StringComparison.Ordinal))
            .Order(System.StringComparer.Ordinal)
            .ToArray();
        await Verifier.Verify(string.Join("\n", generated)).UseTextForParameters("outputs");
        await Verifier.Verify(project.Read("obj/Debug/net10.0/protogen/workspace.plan").Replace(project.Directory, "{ProjectDirectory}", System.StringComparison.Ordinal))
            .UseTextForParameters("plan");
    }

    [Fact]
    public async Task Official_grpc_protos_build_through_a_prefix_and_a_rule()
    {
        using TestProject project = new TestProject("grpc-protos")
            .CopyProtos("grpc", "third_party/grpc-proto")
            .WithProject("""
                <Protobuf Include="third_party/grpc-proto/**/*.proto" ProtoRoot="third_party/grpc-proto" ImportPrefix="grpc" />
                <ProtoNamespace Include="grpc/testing" Namespace="Contoso.Interop" />
                """)
            .Write("Usage.cs", """
                namespace TestApp;

                public static class Usage
                {
                    public static System.Type[] All() =>
                    [
                        typeof(global::Contoso.Interop.TestService.TestServiceClient),
                        typeof(global::Contoso.Interop.BenchmarkService.BenchmarkServiceBase),
                        typeof(global::Contoso.Interop.SimpleRequest),
                        typeof(global::Grpc.Health.V1.HealthCheckRequest),
                        typeof(global::Grpc.Reflection.V1.ServerReflectionRequest),
                        typeof(global::Grpc.Reflection.V1Alpha.ServerReflectionRequest),
                        typeof(global::Grpc.Channelz.V1.Channelz.ChannelzClient),
                        typeof(global::Grpc.Examples.HelloRequest),
                    ];
                }
                """);

        BuildResult result = project.Build();

        Assert.True(result.Succeeded, result.Output);
        await Verifier.Verify(project.Read("obj/Debug/net10.0/protogen/workspace.plan").Replace(project.Directory, "{ProjectDirectory}", System.StringComparison.Ordinal))
            .UseTextForParameters("plan");
    }

    [Fact]
    public void Project_without_mapping_is_compiled_by_ProtoGen_in_one_run_with_nothing_staged()
    {
        // GrpcToolsParityTests compare such a project's outputs with plain Grpc.Tools' byte for byte.
        using TestProject project = new TestProject("plain")
            .CopyProtos("examples", "protos")
            .WithProject("""<Protobuf Include="protos/route_guide.proto;protos/inventory.proto" ProtoRoot="protos" GrpcServices="Client" />""");

        BuildResult result = project.Build();

        Assert.True(result.Succeeded, result.Output);
        Assert.Empty(result.ProtocCommands);
        Assert.Equal(["route_guide.proto", "inventory.proto"], result.BatchCompiled);
        Assert.True(File.Exists(Path.Combine(project.IntermediateDirectory, "Inventory.cs")));
        Assert.True(File.Exists(Path.Combine(project.IntermediateDirectory, "RouteGuideGrpc.cs")));
        Assert.False(Directory.Exists(Path.Combine(project.IntermediateDirectory, "protogen", "stage")));
    }

    internal static string ScrubCommand(TestProject project, string command) =>
        Regex.Replace(project.Scrub(command), "[0-9a-f]{16}_", "{hash}_");
}
