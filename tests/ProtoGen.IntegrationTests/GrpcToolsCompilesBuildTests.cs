using System;
using System.IO;
using System.Linq;
using ProtoGen.IntegrationTests.Infrastructure;
using Xunit;

namespace ProtoGen.IntegrationTests;

/// <summary>
/// When Grpc.Tools compiles (<c>ProtoGenBatchProtoc=false</c>, or a generator other than C#), ProtoGen still maps the
/// workspace, checks it first so errors carry codes at the original files, and says who compiles.
/// </summary>
public sealed class GrpcToolsCompilesBuildTests
{
    private const string GrpcToolsCompilesMessage = "ProtoGen: Grpc.Tools compiles this project's protos";

    [Fact]
    public void Without_batching_a_mapped_tree_builds_through_Grpc_Tools_with_the_mapped_namespaces()
    {
        using TestProject project = new TestProject("grpctools-compiles")
            .Write("teams/common/v1/money.proto", """
                syntax = "proto3";

                package acme.common.v1;

                message Money {
                  string currency = 1;
                  int64 units = 2;
                }
                """)
            .Write("teams/payments/v1/ledger.proto", """
                syntax = "proto3";

                package acme.payments.v1;

                import "acme/common/v1/money.proto";

                message LedgerEntry {
                  acme.common.v1.Money amount = 1;
                }

                service Ledger {
                  rpc Record(LedgerEntry) returns (LedgerEntry);
                }
                """)
            .Write("api/shop/v1/cart.proto", """
                syntax = "proto3";

                package shop.v1;

                import "acme/payments/v1/ledger.proto";

                message Cart {
                  repeated acme.payments.v1.LedgerEntry entries = 1;
                }
                """)
            .Write("Program.cs", """
                using System;

                var cart = new Shop.V1.Cart { Entries = { new Contoso.Payments.V1.LedgerEntry { Amount = new Acme.Common.V1.Money { Currency = "EUR", Units = 7 } } } };
                Console.WriteLine(cart);
                Console.WriteLine(typeof(Contoso.Payments.V1.Ledger.LedgerClient).FullName);
                """)
            .WithProject(
                """
                <Protobuf Include="teams/common/**/*.proto" ProtoRoot="teams/common" ImportPrefix="acme/common" GrpcServices="None" />
                <Protobuf Include="teams/payments/**/*.proto" ProtoRoot="teams/payments" ImportPrefix="acme/payments" />
                <Protobuf Include="api/**/*.proto" ProtoRoot="api" />
                <ProtoNamespace Include="acme/payments" Namespace="Contoso.Payments" />
                """,
                """
                <OutputType>Exe</OutputType>
                <ProtoGenBatchProtoc>false</ProtoGenBatchProtoc>
                """);

        BuildResult build = project.Build();

        Assert.True(build.Succeeded, build.Output);
        Assert.Contains(GrpcToolsCompilesMessage, build.Output, StringComparison.Ordinal);
        // ProtoGen's check run (it generates nothing), then Grpc.Tools' run per proto.
        Assert.Equal(["acme/common/v1/money.proto", "acme/payments/v1/ledger.proto", "shop/v1/cart.proto"], build.Checked.Order(StringComparer.Ordinal));
        Assert.Empty(build.BatchCompiled);
        Assert.Equal(3, build.ProtocCommands.Count);
        Assert.Empty(build.Diagnostics);

        BuildResult run = project.Run();
        Assert.True(run.Succeeded, run.Output);
        Assert.Equal(
            """
            { "entries": [ { "amount": { "currency": "EUR", "units": "7" } } ] }
            Contoso.Payments.V1.Ledger+LedgerClient

            """,
            run.Process.StandardOutput);
    }

    [Fact]
    public void Without_batching_a_syntax_error_is_PGB1001_at_the_original_file_before_Grpc_Tools_runs_protoc()
    {
        using TestProject project = new TestProject("grpctools-compiles-pgb1001")
            .CopyProtos("fixtures/bad", "protos")
            .WithProject(
                """<Protobuf Include="protos/syntax_error.proto" ProtoRoot="protos" ImportPrefix="acme/bad" />""",
                "<ProtoGenBatchProtoc>false</ProtoGenBatchProtoc>");

        BuildResult failed = project.Build();

        Assert.False(failed.Succeeded, failed.Output);
        Assert.Contains(GrpcToolsCompilesMessage, failed.Output, StringComparison.Ordinal);
        string[] errors = failed.Diagnostics.Where(d => d.Contains(": error ", StringComparison.Ordinal)).ToArray();
        string error = Assert.Single(errors);
        Assert.Contains(": error PGB1001:", error, StringComparison.Ordinal);
        string location = Path.Combine(project.Directory, "protos", "syntax_error.proto") + "(7,1)";
        Assert.True(error.StartsWith(location, StringComparison.Ordinal), $"Expected the error at '{location}', got:\n{error}");
        // Not at the staged copy: no diagnostic names it, and Grpc.Tools never ran protoc on it.
        Assert.All(failed.Diagnostics, d => Assert.DoesNotContain("protogen/stage", d, StringComparison.Ordinal));
        Assert.Empty(failed.ProtocCommands);

        project.Write("protos/syntax_error.proto", project.Read("protos/syntax_error.proto").Replace("int32 id = 1\n", "int32 id = 1;\n", StringComparison.Ordinal));
        BuildResult fixedBuild = project.Build();

        Assert.True(fixedBuild.Succeeded, fixedBuild.Output);
        Assert.Contains("namespace Acme.Bad {", project.Read("obj/Debug/net10.0/acme/bad/SyntaxError.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Cpp_generator_is_left_to_Grpc_Tools_which_writes_its_outputs_with_every_root_importable()
    {
        // thing.proto imports a proto of another root by its logical path: the workspace's import directories reach
        // Grpc.Tools' runs too.
        using TestProject project = new TestProject("cpp-generator")
            .Write("third_party/base/v1/base.proto", """
                syntax = "proto3";

                package base.v1;

                message Base {
                  string id = 1;
                }
                """)
            .Write("protos/acme/v1/thing.proto", """
                syntax = "proto3";

                package acme.v1;

                import "base/v1/base.proto";

                message Thing {
                  base.v1.Base base = 1;
                }
                """)
            .WithProject(
                """
                <Protobuf Include="protos/**/*.proto" ProtoRoot="protos" GrpcServices="None" />
                <Protobuf Include="third_party/**/*.proto" ProtoRoot="third_party" GrpcServices="None" />
                """,
                "<Protobuf_Generator>Cpp</Protobuf_Generator>");

        BuildResult build = project.Build(target: "Protobuf_Compile");

        Assert.True(build.Succeeded, build.Output);
        Assert.Contains(GrpcToolsCompilesMessage, build.Output, StringComparison.Ordinal);
        Assert.Contains("Protobuf_Generator is 'Cpp'", build.Output, StringComparison.Ordinal);
        Assert.Contains("--cpp_out=", build.Output, StringComparison.Ordinal);
        Assert.Contains("class Thing", project.Read("obj/Debug/net10.0/acme/v1/thing.pb.h"), StringComparison.Ordinal);
        Assert.Contains("acme/v1/thing.proto", project.Read("obj/Debug/net10.0/acme/v1/thing.pb.cc"), StringComparison.Ordinal);
        Assert.Contains("class Base", project.Read("obj/Debug/net10.0/base/v1/base.pb.h"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(project.IntermediateDirectory, "base/v1/base.pb.cc")));
        Assert.False(File.Exists(Path.Combine(project.IntermediateDirectory, "acme/v1/Thing.cs")));
    }
}
