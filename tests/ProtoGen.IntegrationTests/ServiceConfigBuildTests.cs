using System;
using System.IO;
using System.Linq;
using ProtoGen.IntegrationTests.Infrastructure;
using Xunit;

namespace ProtoGen.IntegrationTests;

/// <summary>
/// <c>&lt;ProtoGenServiceConfig&gt;</c> through a real <c>dotnet build</c> (build/ProtoGen.ClientWrappers.targets): a
/// malformed service config fails the build with PGEN1009 at the JSON file's line and column; once fixed, the
/// wrapper's generated defaults carry it and the program reads its timeout.
/// </summary>
public sealed class ServiceConfigBuildTests
{
    private const string Malformed = """
        {
          "methodConfig": [
            {
              "name": [{ "service": "routeguide.RouteGuide" }],
              "timeout": "5"
            }
          ]
        }
        """;

    [Fact]
    public void Malformed_service_config_is_PGEN1009_at_the_json_line_and_a_fixed_one_reaches_the_wrapper()
    {
        using TestProject project = new TestProject("service-config")
            .CopyProtos("fixtures/custom_path", "protos")
            .WithProject(
                """
                <Protobuf Include="protos/route_guide.proto" ProtoRoot="protos" GrpcServices="Client" DefaultTimeout="30s" />
                <ProtoGenServiceConfig Include="grpc_service_config.json" />
                """ + TestProject.WrapperReferences,
                "<OutputType>Exe</OutputType>")
            .Write("grpc_service_config.json", Malformed)
            .Write("Program.cs", """
                using System;
                using ProtoGen.Runtime;

                GrpcCallDefaults defaults = GrpcCallDefaults.ForService("routeguide.RouteGuide", Routeguide.RouteGuideClientWrapper.CreateGeneratedDefaults(), null);
                Console.WriteLine($"GetFeature: default {defaults.GetDefaultTimeout("GetFeature")}, at most {defaults.GetMaxTimeout("GetFeature")}");
                """);

        BuildResult failed = project.Build();

        Assert.False(failed.Succeeded, failed.Output);
        string error = failed.Diagnostics.Distinct().Single(d => d.Contains(" error ", StringComparison.Ordinal));
        Assert.Contains(Path.Combine(project.Directory, "grpc_service_config.json") + "(5,18): error PGEN1009: ", error, StringComparison.Ordinal);
        Assert.Contains("'methodConfig[0].timeout' is \"5\"", error, StringComparison.Ordinal);

        project.Write("grpc_service_config.json", Malformed.Replace("\"5\"", "\"2.5s\"", StringComparison.Ordinal));
        BuildResult fixedBuild = project.Build();
        Assert.True(fixedBuild.Succeeded, fixedBuild.Output);

        BuildResult run = project.Run();
        Assert.True(run.Succeeded, run.Output);
        Assert.Equal("GetFeature: default 00:00:30, at most 00:00:02.5000000", run.Output.TrimEnd('\n'));
    }
}
