using System;
using System.IO;
using System.Threading.Tasks;
using ProtoGen.IntegrationTests.Infrastructure;
using ProtoGen.Testing;
using Xunit;

namespace ProtoGen.IntegrationTests;

/// <summary>Client wrappers configured from <c>Protobuf</c> item metadata, through a real <c>dotnet build</c>.</summary>
public sealed class WrapperBuildTests
{
    [Fact]
    public async Task Item_metadata_configures_the_generated_wrapper_of_a_mapped_proto()
    {
        using TestProject project = new TestProject("wrappers")
            .CopyProtos("fixtures/custom_path", "protos")
            .WithProject(
                """
                <Protobuf Include="protos/route_guide.proto" ProtoRoot="protos" ImportPrefix="grpc/example/custom/path" GrpcServices="Client"
                          DefaultTimeout="30s" MethodTimeouts="GetFeature=2s;ListFeatures=60s" DefaultMetadata="x-client=billing;x-env=prod" />
                <Protobuf Include="protos/route_summary.proto" ProtoRoot="protos" ImportPrefix="grpc/example/custom/path" GrpcServices="None" />
                """ + TestProject.WrapperReferences,
                "<OutputType>Exe</OutputType>")
            .Write("Program.cs", """
                using System;
                using System.Linq;
                using Grpc.Example.Custom.Path;
                using ProtoGen.Runtime;

                GrpcClientDefaults d = RouteGuideClientWrapper.CreateGeneratedDefaults();
                IRouteGuideClient client = new RouteGuideClientWrapper(new Grpc.Core.CallInvokerStub());
                Console.WriteLine($"wrapper: {client.GetType().FullName}");
                Console.WriteLine($"default timeout: {d.DefaultTimeout}");
                Console.WriteLine($"method timeouts: {string.Join(", ", d.MethodTimeouts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value))}");
                Console.WriteLine($"default metadata: {string.Join(", ", d.DefaultMetadata.Select(e => e.Key + "=" + e.Value))}");
                """)
            .Write("CallInvokerStub.cs", """
                namespace Grpc.Core;

                // A call invoker that is never called: the program only inspects the wrapper's defaults.
                internal sealed class CallInvokerStub : CallInvoker
                {
                    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) => throw new System.NotSupportedException();
                    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) => throw new System.NotSupportedException();
                    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) => throw new System.NotSupportedException();
                    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) => throw new System.NotSupportedException();
                    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) => throw new System.NotSupportedException();
                }
                """);

        BuildResult build = project.Build();
        Assert.True(build.Succeeded, build.Output);
        BuildResult run = project.Run();

        Assert.True(run.Succeeded, run.Output);
        Assert.Contains("wrapper: Grpc.Example.Custom.Path.RouteGuideClientWrapper", run.Output, StringComparison.Ordinal);
        Assert.Contains("default timeout: 00:00:30", run.Output, StringComparison.Ordinal);
        Assert.Contains("method timeouts: GetFeature=00:00:02, ListFeatures=00:01:00", run.Output, StringComparison.Ordinal);
        Assert.Contains("default metadata: x-client=billing, x-env=prod", run.Output, StringComparison.Ordinal);
        await Verifier.Verify(project.Read("obj/Debug/net10.0/protogen/TestApp.protogen-wrappers").Replace(project.Directory, "{ProjectDirectory}", StringComparison.Ordinal))
            .UseTextForParameters("manifest");

        // Editing a proto with no service leaves the manifest untouched, so the generator's inputs do not change.
        string manifest = Path.Combine(project.IntermediateDirectory, "protogen", "TestApp.protogen-wrappers");
        DateTime written = File.GetLastWriteTimeUtc(manifest);
        project.Write("protos/route_summary.proto", project.Read("protos/route_summary.proto") + "\nmessage Unrelated { int32 id = 1; }\n");
        BuildResult edit = project.Build();
        Assert.True(edit.Succeeded, edit.Output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(manifest));
    }

    [Fact]
    public void Unparsable_timeout_in_the_project_is_a_coded_error_at_its_line()
    {
        using TestProject project = new TestProject("wrapper-error")
            .CopyProtos("fixtures/custom_path", "protos")
            .WithProject(
                """<Protobuf Include="protos/route_guide.proto" ProtoRoot="protos" GrpcServices="Client" DefaultTimeout="soon" />""" + TestProject.WrapperReferences);

        BuildResult result = project.Build();

        Assert.False(result.Succeeded, result.Output);
        string error = Assert.Single(result.Diagnostics, d => d.Contains(": error PGEN1001:", StringComparison.Ordinal));
        int line = Array.FindIndex(File.ReadAllLines(project.ProjectFile), l => l.Contains("DefaultTimeout=\"soon\"", StringComparison.Ordinal)) + 1;
        Assert.StartsWith(project.ProjectFile + "(" + line + ",", error, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Contains("error CS", StringComparison.Ordinal));
    }
}
