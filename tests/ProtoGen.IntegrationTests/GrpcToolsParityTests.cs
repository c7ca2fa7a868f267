using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ProtoGen.IntegrationTests.Infrastructure;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.IntegrationTests;

/// <summary>
/// A project with no ProtoGen metadata gets, from ProtoGen's batched runs, every file plain Grpc.Tools generates, at the
/// same path and byte for byte, and the same compiled types. Each test builds one tree twice, with ProtoGen and without
/// it. The scenarios are Grpc.Tools' own integration tests (grpc/grpc src/csharp/Grpc.Tools.Tests/IntegrationTests):
/// TestAtInPath, TestCharactersInName, TestMultipleProtos, TestExtraOptions, TestGrpcServicesMetadata, TestSetOutputDirs,
/// TestProtoOutsideProject and TestSingleProto, plus the metadata and overrides Grpc.Tools documents.
/// </summary>
public sealed class GrpcToolsParityTests
{
    [Fact]
    public void Single_proto()
    {
        AssertSameAsGrpcTools(new Tree("single")
        {
            Files = { ["file.proto"] = ServiceProto("parity.single", "Single") },
            Items = """<Protobuf Include="file.proto" />""",
        });
    }

    [Fact]
    public void At_signs_dots_and_digits_in_names_and_protos_in_subfolders_that_import_each_other()
    {
        AssertSameAsGrpcTools(new Tree("names")
        {
            Files =
            {
                ["@protos/file.proto"] = ServiceProto("parity.at", "AtService"),
                ["protos/hello.world.proto"] = ServiceProto("parity.dot", "Greeter"),
                ["protos/m_double_2d.proto"] = """
                    syntax = "proto3";

                    package parity.digits;

                    message MDouble2D {
                      double x = 1;
                      double y = 2;
                    }

                    service MyService {
                      rpc MyFunction(MDouble2D) returns (MDouble2D);
                    }
                    """,
                ["file.proto"] = MessageProto("parity.root", "RootThing"),
                ["protos/file.proto"] = """
                    syntax = "proto3";

                    package parity.sub;

                    import "file.proto";

                    message SubThing {
                      parity.root.RootThing root = 1;
                    }
                    """,
                ["second.proto"] = """
                    syntax = "proto3";

                    package parity.second;

                    import "protos/file.proto";

                    service Second {
                      rpc Get(parity.sub.SubThing) returns (parity.sub.SubThing);
                    }
                    """,
                ["protos/nested/deeper/another.proto"] = """
                    syntax = "proto3";

                    package parity.another;

                    import "protos/hello.world.proto";
                    import "protos/m_double_2d.proto";

                    message Another {
                      parity.dot.GreeterRequest greeting = 1;
                      parity.digits.MDouble2D point = 2;
                    }
                    """,
            },
            Items = """<Protobuf Include="**/*.proto" />""",
        });
    }

    [Fact]
    public void Output_options_grpc_output_options_and_additional_protoc_arguments_with_another_plugin()
    {
        // --extra_out runs the gRPC plugin a second time under another name, into a folder relative to the project,
        // as TestExtraOptions' --myplugin_out=. does.
        AssertSameAsGrpcTools(new Tree("extra-options")
        {
            Files =
            {
                ["options/extra.proto"] = ServiceProto("parity.extra", "Extra"),
                ["options/optional.proto"] = """
                    syntax = "proto3";

                    package parity.optional;

                    message Maybe {
                      optional int32 value = 1;
                      optional string label = 2;
                    }
                    """,
                ["options/plain.proto"] = ServiceProto("parity.plain", "Plain"),
            },
            Directories = { "plugin-out" },
            Items = $"""
                <Protobuf Include="options/extra.proto"
                          OutputOptions="serializable"
                          GrpcOutputOptions="internal_access"
                          AdditionalProtocArguments="--experimental_allow_proto3_optional;--plugin=protoc-gen-extra={GrpcToolsProtoc.GrpcPlugin};--extra_out=plugin-out;--extra_opt=no_server" />
                <Protobuf Include="options/optional.proto" AdditionalProtocArguments="--experimental_allow_proto3_optional" />
                <Protobuf Include="options/plain.proto" />
                """,
        });
    }

    [Fact]
    public void Additional_protoc_arguments_that_write_a_descriptor_set()
    {
        // The usual way to get a descriptor set for gRPC reflection or Envoy's transcoder.
        AssertSameAsGrpcTools(new Tree("descriptor-set")
        {
            Files = { ["api/catalog.proto"] = ServiceProto("parity.catalog", "Catalog") },
            Directories = { "descriptors" },
            Items = """<Protobuf Include="api/catalog.proto" AdditionalProtocArguments="--descriptor_set_out=descriptors/catalog.pb;--include_imports" />""",
        });
    }

    [Fact]
    public void GrpcServices_variations_and_access()
    {
        AssertSameAsGrpcTools(new Tree("grpc-services")
        {
            Files =
            {
                ["messages.proto"] = MessageProto("parity.messages", "Note"),
                ["serveronly.proto"] = ImportingServiceProto("parity.serveronly", "ServerOnly"),
                ["clientonly.proto"] = ImportingServiceProto("parity.clientonly", "ClientOnly"),
                ["clientandserver.proto"] = ImportingServiceProto("parity.clientandserver", "ClientAndServer"),
                ["internal/hidden.proto"] = ImportingServiceProto("parity.hidden", "Hidden"),
            },
            Items = """
                <Protobuf Include="messages.proto" GrpcServices="none" />
                <Protobuf Include="serveronly.proto" GrpcServices="server" />
                <Protobuf Include="clientonly.proto" GrpcServices="client" />
                <Protobuf Include="clientandserver.proto" GrpcServices="both" />
                <Protobuf Include="internal/hidden.proto" GrpcServices="Client" Access="Internal" />
                """,
        });
    }

    [Fact]
    public void Output_dirs_inside_and_outside_obj_and_linked_protos_outside_the_project()
    {
        // TestProtoOutsideProject: an API tree beside the project, linked into it, with a root and output folders.
        using var outside = new TempDirectory("protogen-tests", "parity-outside-api");
        outside.Write("api/greet/v1/greet.proto", ServiceProto("parity.greet.v1", "Greeter"));
        outside.Write("api/greet/v1/farewell.proto", ServiceProto("parity.greet.v1", "Farewell"));
        outside.Write("loose/loose.proto", ServiceProto("parity.loose", "Loose"));
        string api = outside["api"] + "/";
        AssertSameAsGrpcTools(new Tree("output-dirs")
        {
            Files =
            {
                ["protos/in_obj.proto"] = ServiceProto("parity.inobj", "InObj"),
                ["protos/outside_obj.proto"] = ServiceProto("parity.outsideobj", "OutsideObj"),
            },
            Items = $"""
                <Protobuf Include="protos/in_obj.proto" OutputDir="$(IntermediateOutputPath)custom/messages" GrpcOutputDir="$(IntermediateOutputPath)custom/grpc" />
                <Protobuf Include="protos/outside_obj.proto" OutputDir="$(MSBuildProjectDirectory)/generated" GrpcOutputDir="$(MSBuildProjectDirectory)/generated/grpc" />
                <Protobuf Include="{api}**/*.proto"
                          Link="ProtoApi/%(RecursiveDir)%(Filename)%(Extension)"
                          Access="Public"
                          ProtoCompile="True"
                          ProtoRoot="{api}"
                          CompileOutputs="true"
                          OutputDir="$(MSBuildProjectDirectory)/generated/api/"
                          GrpcOutputDir="$(MSBuildProjectDirectory)/generated/api/"
                          GrpcServices="client" />
                <Protobuf Include="{outside["loose/loose.proto"]}" Link="Loose/loose.proto" />
                """,
        });
    }

    [Fact]
    public void Import_only_protos_and_outputs_that_are_not_compiled()
    {
        // shared.proto is only imported (ProtoCompile="false"); user.proto is generated but not compiled
        // (CompileOutputs="false"), so the program needs shared's types from nowhere.
        AssertSameAsGrpcTools(new Tree("import-only")
        {
            Files =
            {
                ["protos/shared.proto"] = MessageProto("parity.shared", "SharedThing"),
                ["protos/user.proto"] = """
                    syntax = "proto3";

                    package parity.user;

                    import "protos/shared.proto";

                    service Users {
                      rpc Get(parity.shared.SharedThing) returns (parity.shared.SharedThing);
                    }
                    """,
                ["protos/compiled.proto"] = ServiceProto("parity.compiled", "Compiled"),
            },
            Items = """
                <Protobuf Include="protos/shared.proto" ProtoCompile="false" />
                <Protobuf Include="protos/user.proto" CompileOutputs="false" />
                <Protobuf Include="protos/compiled.proto" />
                """,
        });
    }

    [Fact]
    public void PROTOBUF_PROTOC_and_GRPC_PROTOC_PLUGIN_overrides_are_the_tools_ProtoGen_runs()
    {
        using var tools = new TempDirectory("protogen-tests", "parity-tools");
        string protocLog = tools["protogen/protoc.log"];
        string pluginLog = tools["protogen/plugin.log"];
        string plainProtocLog = tools["plain/protoc.log"];
        string plainPluginLog = tools["plain/plugin.log"];
        Tree tree = new Tree("overrides")
        {
            Files =
            {
                ["protos/a.proto"] = ServiceProto("parity.a", "A"),
                ["protos/b.proto"] = ServiceProto("parity.b", "B"),
            },
            Items = """<Protobuf Include="protos/*.proto" />""",
        };

        BuildResult protoGen = AssertSameAsGrpcTools(
            tree,
            Overrides(tools["protogen"], protocLog, pluginLog),
            Overrides(tools["plain"], plainProtocLog, plainPluginLog));

        // ProtoGen ran the overriding protoc for its one batched run, and protoc ran the overriding plugin.
        Assert.Equal(1, protoGen.BatchRuns);
        string run = Assert.Single(ToolScripts.Runs(protocLog));
        string log = File.ReadAllText(protocLog);
        Assert.Contains("--plugin=protoc-gen-grpc=" + tools["protogen/grpc_csharp_plugin"], log, StringComparison.Ordinal);
        Assert.Contains("protos/a.proto", log, StringComparison.Ordinal);
        Assert.Contains("protos/b.proto", log, StringComparison.Ordinal);
        Assert.StartsWith("run: @", run, StringComparison.Ordinal);
        Assert.NotEmpty(ToolScripts.Runs(pluginLog));
        // The plain build used its own overrides, once per proto.
        Assert.Equal(2, ToolScripts.Runs(plainProtocLog).Count);
        Assert.Equal(2, ToolScripts.Runs(plainPluginLog).Count);
    }

    /// <summary>A proto tree and the items that compile it, written into a project.</summary>
    private sealed class Tree(string name)
    {
        public string Name { get; } = name;

        /// <summary>Files to write, by path relative to the project.</summary>
        public Dictionary<string, string> Files { get; } = [];

        /// <summary>Folders to create (protoc writes into output folders that exist).</summary>
        public List<string> Directories { get; } = [];

        /// <summary>The project's items.</summary>
        public string Items { get; init; } = string.Empty;

        public TestProject Create(bool withProtoGen)
        {
            var project = new TestProject(Name + (withProtoGen ? "-protogen" : "-grpctools"), withProtoGen);
            foreach ((string path, string text) in Files)
            {
                project.Write(path, text);
            }

            foreach (string directory in Directories)
            {
                System.IO.Directory.CreateDirectory(Path.Combine(project.Directory, directory));
            }

            return project.WithProject(Items);
        }
    }

    /// <summary>
    /// Builds <paramref name="tree"/> with ProtoGen and with plain Grpc.Tools and asserts that ProtoGen compiled it in
    /// batched runs, and that both wrote the same generated files (path and bytes), dependency files of the same names,
    /// and an assembly with the same types.
    /// </summary>
    /// <returns>ProtoGen's build.</returns>
    private static BuildResult AssertSameAsGrpcTools(
        Tree tree,
        IEnumerable<KeyValuePair<string, string?>>? protoGenEnvironment = null,
        IEnumerable<KeyValuePair<string, string?>>? plainEnvironment = null)
    {
        using TestProject withProtoGen = tree.Create(withProtoGen: true);
        using TestProject plain = tree.Create(withProtoGen: false);
        HashSet<string> written = Files(withProtoGen).ToHashSet(StringComparer.Ordinal);

        BuildResult protoGen = withProtoGen.Build(environment: protoGenEnvironment);
        BuildResult grpcTools = plain.Build(environment: plainEnvironment);

        Assert.True(grpcTools.Succeeded, grpcTools.Output);
        Assert.NotEmpty(grpcTools.ProtocCommands);
        Assert.True(protoGen.Succeeded, protoGen.Output);
        Assert.Empty(protoGen.ProtocCommands); // Grpc.Tools ran protoc for none of them,
        Assert.NotEqual(0, protoGen.BatchRuns); // ProtoGen did.

        Dictionary<string, byte[]> expected = Generated(plain, written);
        Dictionary<string, byte[]> actual = Generated(withProtoGen, written);
        Assert.NotEmpty(expected);
        string[] missing = expected.Keys.Except(actual.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        string[] extra = actual.Keys.Except(expected.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        string[] different = expected.Keys.Intersect(actual.Keys, StringComparer.Ordinal)
            .Where(k => !expected[k].AsSpan().SequenceEqual(actual[k]))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(
            missing.Length + extra.Length + different.Length == 0,
            "ProtoGen's generated files differ from plain Grpc.Tools':\n"
                + string.Concat(missing.Select(f => $"  only Grpc.Tools wrote {f}\n"))
                + string.Concat(extra.Select(f => $"  only ProtoGen wrote {f}\n"))
                + string.Concat(different.Select(f => $"  {f} differs: {FirstDifference(expected[f], actual[f])}\n"))
                + "Grpc.Tools wrote:\n" + string.Concat(expected.Keys.Order(StringComparer.Ordinal).Select(f => $"  {f}\n")));

        Assert.Equal(DependencyFiles(plain), DependencyFiles(withProtoGen));
        Assert.Equal(TypeNames(plain), TypeNames(withProtoGen));
        return protoGen;
    }

    /// <summary>The environment that puts recording stand-ins for protoc and the gRPC plugin (in <paramref name="folder"/>) in place.</summary>
    private static KeyValuePair<string, string?>[] Overrides(string folder, string protocLog, string pluginLog) =>
    [
        new("PROTOBUF_PROTOC", ToolScripts.Recording(Path.Combine(folder, "protoc"), GrpcToolsProtoc.FullPath, protocLog)),
        new("GRPC_PROTOC_PLUGIN", ToolScripts.Recording(Path.Combine(folder, "grpc_csharp_plugin"), GrpcToolsProtoc.GrpcPlugin, pluginLog)),
    ];

    /// <summary>
    /// What the build generated, by '/'-separated path relative to the project: every new file outside <c>bin/</c> and
    /// <c>obj/</c>, and every C# file under <c>obj/</c> but the SDK's (<c>TestApp.*</c>, <c>.NETCoreApp*</c>) and
    /// ProtoGen's own working folder.
    /// </summary>
    private static Dictionary<string, byte[]> Generated(TestProject project, HashSet<string> written) =>
        Files(project)
            .Where(f => !written.Contains(f) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal)
                || (f.EndsWith(".cs", StringComparison.Ordinal)
                    && !Path.GetFileName(f).StartsWith("TestApp.", StringComparison.Ordinal)
                    && !Path.GetFileName(f).StartsWith(".NETCoreApp", StringComparison.Ordinal)
                    && !f.Contains("/protogen/", StringComparison.Ordinal)))
            .ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(project.Directory, f)), StringComparer.Ordinal);

    /// <summary>The names of the dependency files (<c>*.protodep</c>) Grpc.Tools reads to find out-of-date protos.</summary>
    private static string[] DependencyFiles(TestProject project) =>
        Files(project).Where(f => f.EndsWith(".protodep", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    private static IEnumerable<string> Files(TestProject project) =>
        Directory.EnumerateFiles(project.Directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(project.Directory, f).Replace('\\', '/'));

    /// <summary>The full names of the types defined in the built assembly.</summary>
    private static string[] TypeNames(TestProject project)
    {
        using FileStream stream = File.OpenRead(Path.Combine(project.Directory, "bin", "Debug", "net10.0", "TestApp.dll"));
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions.Select(h => FullName(metadata, metadata.GetTypeDefinition(h))).Order(StringComparer.Ordinal).ToArray();
    }

    private static string FullName(MetadataReader metadata, TypeDefinition type)
    {
        string name = metadata.GetString(type.Name);
        TypeDefinitionHandle declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return FullName(metadata, metadata.GetTypeDefinition(declaring)) + "+" + name;
        }

        string ns = metadata.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        string[] a = System.Text.Encoding.UTF8.GetString(expected).Split('\n');
        string[] b = System.Text.Encoding.UTF8.GetString(actual).Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string left = i < a.Length ? a[i] : "(end)";
            string right = i < b.Length ? b[i] : "(end)";
            if (!string.Equals(left, right, StringComparison.Ordinal))
            {
                return $"line {i + 1}: Grpc.Tools '{left}', ProtoGen '{right}'";
            }
        }

        return "same text, different bytes";
    }

    private static string ServiceProto(string package, string service) => $$"""
        syntax = "proto3";

        package {{package}};

        message {{service}}Request {
          string name = 1;
          int32 delay = 2;
        }

        service {{service}} {
          rpc Call({{service}}Request) returns ({{service}}Request);
        }
        """;

    private static string ImportingServiceProto(string package, string service) => $$"""
        syntax = "proto3";

        package {{package}};

        import "messages.proto";

        service {{service}} {
          rpc Call(parity.messages.Note) returns (parity.messages.Note);
        }
        """;

    private static string MessageProto(string package, string message) => $$"""
        syntax = "proto3";

        package {{package}};

        message {{message}} {
          string name = 1;
        }
        """;
}
