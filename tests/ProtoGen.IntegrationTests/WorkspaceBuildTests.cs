using System;
using System.IO;
using System.Linq;
using ProtoGen.IntegrationTests.Infrastructure;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.IntegrationTests;

/// <summary>
/// The proto workspace through real <c>dotnet build</c> runs: every item, mapped or not, imports every other by its
/// logical path, packages' import folders are entries of a list, and all of it compiles in batched protoc runs.
/// </summary>
public sealed class WorkspaceBuildTests
{
    /// <summary>The version the test project downloads (its PackageDownload), so its protos are there before any build here.</summary>
    private const string CommonProtosVersion = "2.17.0";
    private const string JsonTranscodingVersion = "10.0.15";

    /// <summary>The logical paths of <see cref="VendoredTree"/>'s protos.</summary>
    private static readonly string[] VendoredLogicalPaths =
    [
        "acme/billing/v1/invoice.proto",
        "acme/shared/v1/money.proto",
        "envoy/config/core/v3/address.proto",
        "udpa/annotations/status.proto",
        "validate/validate.proto",
        "xds/core/v3/authority.proto",
    ];

    [Fact]
    public void Vendored_roots_mapped_folders_and_the_common_protos_package_import_each_other_by_logical_path()
    {
        using TestProject project = VendoredTree("vendored-commonprotos")
            .WithProject(
                VendoredItems + $"""

                <PackageReference Include="Google.Api.CommonProtos" Version="{CommonProtosVersion}" />
                """,
                """
                <OutputType>Exe</OutputType>
                <IncludeGoogleApiCommonProtos>true</IncludeGoogleApiCommonProtos>
                """);

        BuildResult build = project.Build();

        Assert.True(build.Succeeded, build.Output);
        AssertVendoredTreeCompiledInOneBatch(project, build);
        // The package's folder is an entry of $(Protobuf_StandardImportsPath), passed to protoc as an entry of its own.
        AssertImportDirectory(build, Path.Combine(Repo.NuGetPackageRoot, "google.api.commonprotos", CommonProtosVersion, "content", "protos"));
        AssertVendoredProgramOutput(project);
    }

    [Fact]
    public void Vendored_tree_with_JsonTranscoding_http_rule_protos_carries_the_http_rule_into_the_descriptor()
    {
        using TestProject project = VendoredTree("vendored-transcoding")
            .WithProject(
                VendoredItems + $"""

                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <PackageReference Include="Microsoft.AspNetCore.Grpc.JsonTranscoding" Version="{JsonTranscodingVersion}" />
                <PackageReference Include="Grpc.AspNetCore.Server" Version="{Repo.GrpcVersion}" />
                """,
                """
                <OutputType>Exe</OutputType>
                <IncludeHttpRuleProtos>true</IncludeHttpRuleProtos>
                """);

        BuildResult build = project.Build();

        Assert.True(build.Succeeded, build.Output);
        AssertVendoredTreeCompiledInOneBatch(project, build);
        AssertImportDirectory(build, Path.Combine(Repo.NuGetPackageRoot, "microsoft.aspnetcore.grpc.jsontranscoding", JsonTranscodingVersion, "content", "protos"));
        AssertVendoredProgramOutput(project);
    }

    [Fact]
    public void Project_item_that_a_standard_import_folder_also_provides_is_PGB2004_and_the_item_wins()
    {
        // google/api/http.proto vendored with a patch (its own namespace and one more field) next to the package
        // that provides the original through $(Protobuf_StandardImportsPath).
        string original = File.ReadAllText(Path.Combine(Repo.NuGetPackageRoot, "google.api.commonprotos", CommonProtosVersion, "content", "protos", "google", "api", "http.proto"));
        string patched = original
            .Replace("package google.api;\n", "package google.api;\n\noption csharp_namespace = \"Vendored.Google.Api\";\n", StringComparison.Ordinal)
            .Replace("message HttpRule {\n", "message HttpRule {\n  // Added by the vendoring team.\n  string vendored_note = 100;\n\n", StringComparison.Ordinal);
        Assert.NotEqual(original, patched);
        using TestProject project = new TestProject("pgb2004")
            .Write("vendor/google/api/http.proto", patched)
            .Write("protos/routes/v1/routes.proto", """
                syntax = "proto3";

                package routes.v1;

                import "google/api/http.proto";

                message Route {
                  string name = 1;
                  google.api.HttpRule rule = 2;
                }
                """)
            .Write("Program.cs", """
                using System;

                var route = new Routes.V1.Route { Name = "list", Rule = new Vendored.Google.Api.HttpRule { Get = "/v1/routes", VendoredNote = "from the item" } };
                Console.WriteLine($"route: {route}");
                Console.WriteLine($"imported file: {Routes.V1.RoutesReflection.Descriptor.Dependencies[0].Name} in {Routes.V1.RoutesReflection.Descriptor.Dependencies[0].Package}");
                """)
            .WithProject(
                $"""
                <Protobuf Include="vendor/google/api/http.proto" ProtoRoot="vendor" GrpcServices="None" />
                <Protobuf Include="protos/routes/v1/routes.proto" ProtoRoot="protos" GrpcServices="None" />
                <PackageReference Include="Google.Api.CommonProtos" Version="{CommonProtosVersion}" />
                """,
                """
                <OutputType>Exe</OutputType>
                <IncludeGoogleApiCommonProtos>true</IncludeGoogleApiCommonProtos>
                <WarningsNotAsErrors>$(WarningsNotAsErrors);PGB2004</WarningsNotAsErrors>
                <MSBuildWarningsNotAsErrors>$(MSBuildWarningsNotAsErrors);PGB2004</MSBuildWarningsNotAsErrors>
                """);

        BuildResult build = project.Build();

        Assert.True(build.Succeeded, build.Output);
        string warning = Assert.Single(build.Diagnostics);
        Assert.Contains(": warning PGB2004:", warning, StringComparison.Ordinal);
        AssertAt(project.ProjectFile + "(" + LineOf(project, "vendor/google/api/http.proto") + ",", warning);
        Assert.Contains("'google/api/http.proto'", warning, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(Repo.NuGetPackageRoot, "google.api.commonprotos"), warning, StringComparison.Ordinal);
        Assert.Empty(build.ProtocCommands);

        BuildResult run = project.Run();
        Assert.True(run.Succeeded, run.Output);
        Assert.Equal(
            """
            route: { "name": "list", "rule": { "get": "/v1/routes", "vendoredNote": "from the item" } }
            imported file: google/api/http.proto in google.api

            """,
            run.Process.StandardOutput);
    }

    [Fact]
    public void Checkout_root_that_shadows_a_package_proto_is_PGB2007_and_the_packages_file_is_compiled_against()
    {
        // A googleapis-like checkout as the ProtoRoot: it holds google/api/http.proto too (here a newer one, with its
        // own namespace and a field the package's lacks), which is no item. Google.Api.CommonProtos provides the same
        // logical path through $(Protobuf_StandardImportsPath), and its assembly holds the HttpRule the program uses.
        string packageFile = Path.Combine(Repo.NuGetPackageRoot, "google.api.commonprotos", CommonProtosVersion, "content", "protos", "google", "api", "http.proto");
        string checkoutCopy = File.ReadAllText(packageFile)
            .Replace("package google.api;\n", "package google.api;\n\noption csharp_namespace = \"Checkout.Google.Api\";\n", StringComparison.Ordinal)
            .Replace("message HttpRule {\n", "message HttpRule {\n  string checkout_only = 100;\n\n", StringComparison.Ordinal);
        using TestProject project = new TestProject("pgb2007")
            .Write("googleapis/google/api/http.proto", checkoutCopy)
            .Write("googleapis/google/api/unused.proto", "syntax = \"proto3\";\n\npackage google.api;\n\nmessage NobodyImportsMe {}\n")
            .Write("googleapis/google/example/shelves/v1/shelf.proto", """
                syntax = "proto3";

                package google.example.shelves.v1;

                import "google/api/http.proto";

                message Shelf {
                  string name = 1;
                  google.api.HttpRule rule = 2;
                }
                """)
            .Write("Program.cs", """
                using System;

                var shelf = new Google.Example.Shelves.V1.Shelf { Name = "shelves/1", Rule = new Google.Api.HttpRule { Get = "/v1/shelves/1" } };
                Console.WriteLine($"shelf: {shelf}");
                Console.WriteLine($"imported from: {typeof(Google.Api.HttpRule).Assembly.GetName().Name}");
                """)
            .WithProject(
                $"""
                <Protobuf Include="googleapis/google/example/**/*.proto" ProtoRoot="googleapis" GrpcServices="None" />
                <PackageReference Include="Google.Api.CommonProtos" Version="{CommonProtosVersion}" />
                """,
                """
                <OutputType>Exe</OutputType>
                <IncludeGoogleApiCommonProtos>true</IncludeGoogleApiCommonProtos>
                <WarningsNotAsErrors>$(WarningsNotAsErrors);PGB2007</WarningsNotAsErrors>
                <MSBuildWarningsNotAsErrors>$(MSBuildWarningsNotAsErrors);PGB2007</MSBuildWarningsNotAsErrors>
                """);

        BuildResult build = project.Build();

        Assert.True(build.Succeeded, build.Output);
        string warning = Assert.Single(build.Diagnostics);
        Assert.Contains(": warning PGB2007:", warning, StringComparison.Ordinal);
        // At the import that reaches it, naming both files and the one that wins.
        string shelf = Path.Combine(project.Directory, "googleapis", "google", "example", "shelves", "v1", "shelf.proto");
        AssertAt(shelf + "(5,8)", warning);
        Assert.Contains($"Import \"google/api/http.proto\" gets '{packageFile}' ($(Protobuf_StandardImportsPath), added by the package google.api.commonprotos {CommonProtosVersion})", warning, StringComparison.Ordinal);
        Assert.Contains($"not '{Path.Combine(project.Directory, "googleapis", "google", "api", "http.proto")}' (under the ProtoRoot '{Path.Combine(project.Directory, "googleapis")}')", warning, StringComparison.Ordinal);
        // The package's file is the one compiled against: the generated code uses its namespace, the dependency file names it.
        Assert.All(build.BatchCommands, c => Assert.Contains(" --proto_path=google/api/http.proto=" + packageFile + " ", c, StringComparison.Ordinal));
        string generated = project.Read("obj/Debug/net10.0/google/example/shelves/v1/Shelf.cs");
        Assert.Contains("global::Google.Api.HttpRule", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("Checkout", generated, StringComparison.Ordinal);
        string dependencies = File.ReadAllText(Assert.Single(System.IO.Directory.GetFiles(project.IntermediateDirectory, "*shelf.protodep")));
        Assert.Contains(packageFile, dependencies, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.Combine("googleapis", "google", "api"), dependencies, StringComparison.Ordinal);

        BuildResult run = project.Run();
        Assert.True(run.Succeeded, run.Output);
        Assert.Equal(
            """
            shelf: { "name": "shelves/1", "rule": { "get": "/v1/shelves/1" } }
            imported from: Google.Api.CommonProtos

            """,
            run.Process.StandardOutput);

        // A no-op build reads no proto and warns again (the warning is in the plan, not in protoc's output).
        BuildResult noOp = project.Build();
        Assert.True(noOp.Succeeded, noOp.Output);
        Assert.Equal(0, noOp.BatchRuns);
        Assert.Contains(": warning PGB2007:", Assert.Single(noOp.Diagnostics), StringComparison.Ordinal);
    }

    [Fact]
    public void Output_dirs_access_services_and_output_options_mixed_in_one_project_are_all_batched()
    {
        using TestProject project = new TestProject("mixed-options")
            .Write("protos/plain/plain.proto", ServiceProto("mixed.plain", "Plain"))
            .Write("protos/placed/placed.proto", ServiceProto("mixed.placed", "Placed"))
            .Write("protos/hidden/hidden.proto", ServiceProto("mixed.hidden", "Hidden"))
            .Write("protos/server/server_only.proto", ServiceProto("mixed.server", "ServerOnly"))
            .Write("protos/both/both_sides.proto", ServiceProto("mixed.both", "BothSides"))
            .Write("protos/serializable/serial.proto", ServiceProto("mixed.serializable", "Serial"))
            .Write("Program.cs", """
                using System;

                Console.WriteLine(typeof(Mixed.Plain.Plain.PlainClient).FullName);
                Console.WriteLine(typeof(Mixed.Placed.Placed.PlacedBase).FullName);
                Console.WriteLine(typeof(Mixed.Hidden.HiddenRequest).IsPublic ? "hidden is public" : "hidden is internal");
                Console.WriteLine(typeof(Mixed.Server.ServerOnly.ServerOnlyBase).FullName);
                Console.WriteLine(typeof(Mixed.Both.BothSides.BothSidesClient).FullName);
                Console.WriteLine(Attribute.IsDefined(typeof(Mixed.Serializable.SerialRequest), typeof(SerializableAttribute)) ? "serial is serializable" : "serial is not serializable");
                """)
            .WithProject(
                """
                <Protobuf Include="protos/plain/plain.proto" />
                <Protobuf Include="protos/placed/placed.proto" OutputDir="$(MSBuildProjectDirectory)/generated/messages" GrpcOutputDir="$(IntermediateOutputPath)placed-grpc" />
                <Protobuf Include="protos/hidden/hidden.proto" Access="Internal" />
                <Protobuf Include="protos/server/server_only.proto" GrpcServices="Server" />
                <Protobuf Include="protos/both/both_sides.proto" GrpcServices="Both" />
                <Protobuf Include="protos/serializable/serial.proto" OutputOptions="serializable" GrpcServices="Client" />
                """,
                "<OutputType>Exe</OutputType>");

        BuildResult build = project.Build();

        Assert.True(build.Succeeded, build.Output);
        Assert.Empty(build.ProtocCommands);
        Assert.Equal(
            ["protos/both/both_sides.proto", "protos/hidden/hidden.proto", "protos/placed/placed.proto", "protos/plain/plain.proto", "protos/serializable/serial.proto", "protos/server/server_only.proto"],
            build.BatchCompiled.Order(StringComparer.Ordinal));
        // One run per set of protoc options: default (plain, placed, both sides), internal, server only, serializable client.
        Assert.Equal(4, build.BatchRuns);

        // Every output where Grpc.Tools puts it: OutputDir and GrpcOutputDir, then the proto's folder under its root.
        string obj = "obj/Debug/net10.0/";
        Assert.Contains("public sealed partial class PlainRequest", project.Read(obj + "protos/plain/Plain.cs"), StringComparison.Ordinal);
        Assert.Contains("class PlainClient", project.Read(obj + "protos/plain/PlainGrpc.cs"), StringComparison.Ordinal);
        Assert.Contains("public sealed partial class PlacedRequest", project.Read("generated/messages/protos/placed/Placed.cs"), StringComparison.Ordinal);
        Assert.Contains("class PlacedBase", project.Read(obj + "placed-grpc/protos/placed/PlacedGrpc.cs"), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(project.IntermediateDirectory, "protos/placed/Placed.cs")));
        Assert.Contains("internal sealed partial class HiddenRequest", project.Read(obj + "protos/hidden/Hidden.cs"), StringComparison.Ordinal);
        Assert.Contains("internal static partial class Hidden", project.Read(obj + "protos/hidden/HiddenGrpc.cs"), StringComparison.Ordinal);
        string serverOnly = project.Read(obj + "protos/server/ServerOnlyGrpc.cs");
        Assert.Contains("class ServerOnlyBase", serverOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("ServerOnlyClient", serverOnly, StringComparison.Ordinal);
        string bothSides = project.Read(obj + "protos/both/BothSidesGrpc.cs");
        Assert.Contains("class BothSidesBase", bothSides, StringComparison.Ordinal);
        Assert.Contains("class BothSidesClient", bothSides, StringComparison.Ordinal);
        Assert.Contains("[global::System.SerializableAttribute]", project.Read(obj + "protos/serializable/Serial.cs"), StringComparison.Ordinal);
        string serialGrpc = project.Read(obj + "protos/serializable/SerialGrpc.cs");
        Assert.Contains("class SerialClient", serialGrpc, StringComparison.Ordinal);
        Assert.DoesNotContain("SerialBase", serialGrpc, StringComparison.Ordinal);

        BuildResult run = project.Run();
        Assert.True(run.Succeeded, run.Output);
        Assert.Equal(
            """
            Mixed.Plain.Plain+PlainClient
            Mixed.Placed.Placed+PlacedBase
            hidden is internal
            Mixed.Server.ServerOnly+ServerOnlyBase
            Mixed.Both.BothSides+BothSidesClient
            serial is serializable

            """,
            run.Process.StandardOutput);
    }

    [Fact]
    public void Two_roots_with_one_logical_path_that_nothing_imports_are_PGB2003_and_both_compile()
    {
        using TestProject project = new TestProject("pgb2003")
            .Write("one/v1/common.proto", MessageProto("one.v1", "OneThing"))
            .Write("two/v1/common.proto", MessageProto("two.v1", "TwoThing"))
            .Write("Program.cs", """
                using System;

                Console.WriteLine(new One.V1.OneThing { Name = "one" });
                Console.WriteLine(new Two.V1.TwoThing { Name = "two" });
                """)
            .WithProject(
                """
                <Protobuf Include="one/v1/common.proto" ProtoRoot="one" />
                <Protobuf Include="two/v1/common.proto" ProtoRoot="two" />
                """,
                """
                <OutputType>Exe</OutputType>
                <WarningsNotAsErrors>$(WarningsNotAsErrors);PGB2003</WarningsNotAsErrors>
                <MSBuildWarningsNotAsErrors>$(MSBuildWarningsNotAsErrors);PGB2003</MSBuildWarningsNotAsErrors>
                """);

        BuildResult build = project.Build();

        Assert.True(build.Succeeded, build.Output);
        string warning = Assert.Single(build.Diagnostics);
        Assert.Contains(": warning PGB2003:", warning, StringComparison.Ordinal);
        AssertAt(project.ProjectFile + "(" + LineOf(project, "two/v1/common.proto") + ",", warning);
        Assert.Contains(Path.Combine(project.Directory, "one", "v1", "common.proto"), warning, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(project.Directory, "two", "v1", "common.proto"), warning, StringComparison.Ordinal);
        Assert.Contains("ImportPrefix", warning, StringComparison.Ordinal);
        // The first keeps Grpc.Tools' path; the second goes under its root's folder.
        Assert.Contains("class OneThing", project.Read("obj/Debug/net10.0/v1/Common.cs"), StringComparison.Ordinal);
        Assert.Contains("class TwoThing", project.Read("obj/Debug/net10.0/two/v1/Common.cs"), StringComparison.Ordinal);
        Assert.Empty(build.ProtocCommands);

        BuildResult run = project.Run();
        Assert.True(run.Succeeded, run.Output);
        Assert.Equal("{ \"name\": \"one\" }\n{ \"name\": \"two\" }\n", run.Process.StandardOutput);
    }

    [Fact]
    public void Warning_about_an_item_included_by_a_glob_points_at_the_glob_line()
    {
        // Real projects include trees with globs; the line that includes the file is the glob's.
        using TestProject project = new TestProject("pgb2003-glob")
            .Write("one/v1/common.proto", MessageProto("one.v1", "OneThing"))
            .Write("two/v1/common.proto", MessageProto("two.v1", "TwoThing"))
            .WithProject(
                """
                <Protobuf Include="one/**/*.proto" ProtoRoot="one" />
                <Protobuf Include="two/**/*.proto" ProtoRoot="two" />
                """,
                """
                <WarningsNotAsErrors>$(WarningsNotAsErrors);PGB2003</WarningsNotAsErrors>
                <MSBuildWarningsNotAsErrors>$(MSBuildWarningsNotAsErrors);PGB2003</MSBuildWarningsNotAsErrors>
                """);

        BuildResult build = project.Build();

        Assert.True(build.Succeeded, build.Output);
        string warning = Assert.Single(build.Diagnostics);
        Assert.Contains(": warning PGB2003:", warning, StringComparison.Ordinal);
        AssertAt(project.ProjectFile + "(" + LineOf(project, "two/**/*.proto") + ",", warning);
    }

    [Fact]
    public void Two_roots_with_one_logical_path_and_one_package_are_PGB1006_at_the_second_file()
    {
        using TestProject project = new TestProject("pgb1006-package")
            .Write("one/v1/common.proto", MessageProto("shared.v1", "OneThing"))
            .Write("two/v1/common.proto", MessageProto("shared.v1", "TwoThing"))
            .WithProject(
                """
                <Protobuf Include="one/v1/common.proto" ProtoRoot="one" />
                <Protobuf Include="two/v1/common.proto" ProtoRoot="two" />
                """);

        BuildResult build = project.Build();

        Assert.False(build.Succeeded, build.Output);
        string error = Assert.Single(build.Diagnostics);
        Assert.Contains(": error PGB1006:", error, StringComparison.Ordinal);
        AssertAt(Path.Combine(project.Directory, "two", "v1", "common.proto") + "(", error);
        Assert.Contains("'v1/common.proto'", error, StringComparison.Ordinal);
        Assert.Empty(build.ProtocCommands);
        Assert.Equal(0, build.BatchRuns);
    }

    [Fact]
    public void AdditionalImportDirs_entries_that_do_not_exist_are_PGB1012_at_the_project_line_that_adds_them()
    {
        // One entry written as is, one through a property, as projects usually write paths.
        using TestProject project = new TestProject("pgb1012-additional")
            .Write("protos/app.proto", MessageProto("app", "Thing"))
            .Write("protos/other.proto", MessageProto("other", "Thing"))
            .WithProject(
                """
                <Protobuf Include="protos/app.proto" AdditionalImportDirs="vendor/missing-literal" />
                <Protobuf Include="protos/other.proto" AdditionalImportDirs="$(MSBuildProjectDirectory)/vendor/missing-from-property" />
                """);

        BuildResult build = project.Build();

        string[] errors = AssertErrors(build, "PGB1012", 2);
        string literal = Assert.Single(errors, e => e.Contains("missing-literal", StringComparison.Ordinal));
        Assert.Contains("'" + Path.Combine(project.Directory, "vendor", "missing-literal") + "'", literal, StringComparison.Ordinal);
        Assert.Contains("AdditionalImportDirs of the Protobuf item 'protos/app.proto'", literal, StringComparison.Ordinal);
        AssertAt(project.ProjectFile + "(" + LineOf(project, "missing-literal") + ",", literal);
        string fromProperty = Assert.Single(errors, e => e.Contains("missing-from-property", StringComparison.Ordinal));
        Assert.Contains("AdditionalImportDirs of the Protobuf item 'protos/other.proto'", fromProperty, StringComparison.Ordinal);
        AssertAt(project.ProjectFile + "(" + LineOf(project, "missing-from-property") + ",", fromProperty);
        Assert.Equal(0, build.BatchRuns);
        Assert.Empty(build.ProtocCommands);
    }

    [Fact]
    public void Standard_imports_path_entry_that_does_not_exist_is_PGB1012_at_the_project_line_that_appends_it()
    {
        using TestProject project = new TestProject("pgb1012-standard")
            .Write("protos/app.proto", MessageProto("app", "Thing"))
            .WithProject(
                """<Protobuf Include="protos/app.proto" />""",
                "<Protobuf_StandardImportsPath>$(Protobuf_StandardImportsPath);$(MSBuildProjectDirectory)/vendor/missing-standard</Protobuf_StandardImportsPath>");

        BuildResult build = project.Build();

        string error = Assert.Single(AssertErrors(build, "PGB1012", 1));
        Assert.Contains("'" + Path.Combine(project.Directory, "vendor", "missing-standard") + "'", error, StringComparison.Ordinal);
        Assert.Contains("$(Protobuf_StandardImportsPath)", error, StringComparison.Ordinal);
        AssertAt(project.ProjectFile + "(" + LineOf(project, "missing-standard") + ",", error);
        Assert.Equal(0, build.BatchRuns);
        Assert.Empty(build.ProtocCommands);
    }

    [Fact]
    public void Unmapped_roots_rebuild_nothing_in_a_no_op_build_and_an_edit_recompiles_the_proto_and_its_importers()
    {
        using TestProject project = new TestProject("incremental-unmapped")
            .Write("base/core/v1/ids.proto", MessageProto("core.v1", "Id"))
            .Write("mid/orders/v1/order.proto", """
                syntax = "proto3";

                package orders.v1;

                import "core/v1/ids.proto";

                message Order {
                  core.v1.Id id = 1;
                }
                """)
            .Write("top/shop/v1/shop.proto", """
                syntax = "proto3";

                package shop.v1;

                import "orders/v1/order.proto";

                service Shop {
                  rpc Place(orders.v1.Order) returns (orders.v1.Order);
                }
                """)
            .Write("leaf/misc/v1/note.proto", MessageProto("misc.v1", "Note"))
            .WithProject(
                """
                <Protobuf Include="base/**/*.proto" ProtoRoot="base" />
                <Protobuf Include="mid/**/*.proto" ProtoRoot="mid" />
                <Protobuf Include="top/**/*.proto" ProtoRoot="top" />
                <Protobuf Include="leaf/**/*.proto" ProtoRoot="leaf" />
                """);
        BuildResult first = project.Build();
        Assert.True(first.Succeeded, first.Output);
        Assert.Equal(["core/v1/ids.proto", "misc/v1/note.proto", "orders/v1/order.proto", "shop/v1/shop.proto"], first.BatchCompiled.Order(StringComparer.Ordinal));

        BuildResult noOp = project.Build();
        Assert.True(noOp.Succeeded, noOp.Output);
        Assert.Equal(0, noOp.BatchRuns);
        Assert.Empty(noOp.ProtocCommands);

        // The leaf has no importers; ids.proto is imported by order.proto, and through it by shop.proto.
        project.Write("leaf/misc/v1/note.proto", MessageProto("misc.v1", "Note") + "\nmessage Extra { int32 id = 1; }\n");
        BuildResult leafEdit = project.Build();
        Assert.True(leafEdit.Succeeded, leafEdit.Output);
        Assert.Equal(["misc/v1/note.proto"], leafEdit.BatchCompiled);

        project.Write("base/core/v1/ids.proto", MessageProto("core.v1", "Id") + "\nmessage Other { int32 id = 1; }\n");
        BuildResult baseEdit = project.Build();
        Assert.True(baseEdit.Succeeded, baseEdit.Output);
        Assert.Equal(["core/v1/ids.proto", "orders/v1/order.proto", "shop/v1/shop.proto"], baseEdit.BatchCompiled.Order(StringComparer.Ordinal));
        Assert.Empty(baseEdit.ProtocCommands);

        BuildResult noOpAgain = project.Build();
        Assert.True(noOpAgain.Succeeded, noOpAgain.Output);
        Assert.Equal(0, noOpAgain.BatchRuns);
    }

    /// <summary>
    /// Four roots vendored without prefixes, importing each other as upstream does (envoy's API imports protoc-gen-validate,
    /// xds and udpa; xds imports protoc-gen-validate), two mapped folders (one with a namespace rule) that import and are
    /// imported by the vendored roots, and a program that uses a type from each and reads their custom options back.
    /// </summary>
    private static TestProject VendoredTree(string name) =>
        new TestProject(name)
            .Write("third_party/pgv/validate/validate.proto", """
                syntax = "proto2";

                package validate;

                import "google/protobuf/descriptor.proto";

                // protoc-gen-validate, cut down to one rule.
                extend google.protobuf.FieldOptions {
                  optional FieldRules rules = 1071;
                }

                message FieldRules {
                  optional StringRules string = 14;
                }

                message StringRules {
                  optional uint64 min_len = 2;
                }
                """)
            .Write("third_party/udpa/udpa/annotations/status.proto", """
                syntax = "proto3";

                package udpa.annotations;

                import "google/protobuf/descriptor.proto";

                message StatusAnnotation {
                  bool work_in_progress = 1;
                }

                extend google.protobuf.FileOptions {
                  StatusAnnotation file_status = 222707719;
                }
                """)
            .Write("third_party/xds/xds/core/v3/authority.proto", """
                syntax = "proto3";

                package xds.core.v3;

                import "validate/validate.proto";

                message Authority {
                  string name = 1 [(validate.rules).string = {min_len: 1}];
                }
                """)
            .Write("third_party/api/envoy/config/core/v3/address.proto", """
                syntax = "proto3";

                package envoy.config.core.v3;

                import "acme/shared/v1/money.proto";
                import "google/api/annotations.proto";
                import "udpa/annotations/status.proto";
                import "validate/validate.proto";
                import "xds/core/v3/authority.proto";

                option (udpa.annotations.file_status).work_in_progress = true;

                message Address {
                  string host = 1 [(validate.rules).string = {min_len: 3}];
                  xds.core.v3.Authority authority = 2;
                  acme.shared.v1.Money fee = 3;
                }

                service AddressService {
                  rpc Resolve(Address) returns (Address) {
                    option (google.api.http) = { get: "/v3/address/{host}" };
                  }
                }
                """)
            .Write("protos/shared/v1/money.proto", """
                syntax = "proto3";

                package acme.shared.v1;

                message Money {
                  string currency = 1;
                  int64 units = 2;
                }
                """)
            .Write("protos/billing/v1/invoice.proto", """
                syntax = "proto3";

                package acme.billing.v1;

                import "acme/shared/v1/money.proto";
                import "envoy/config/core/v3/address.proto";

                message Invoice {
                  acme.shared.v1.Money total = 1;
                  envoy.config.core.v3.Address billed_to = 2;
                }

                service Billing {
                  rpc Send(Invoice) returns (Invoice);
                }
                """)
            .Write("Program.cs", """
                using System;
                using Envoy.Config.Core.V3;

                var invoice = new Contoso.Billing.V1.Invoice
                {
                    Total = new Acme.Shared.V1.Money { Currency = "EUR", Units = 42 },
                    BilledTo = new Address { Host = "example.org", Authority = new Xds.Core.V3.Authority { Name = "xds" } },
                };
                Validate.FieldRules rules = Address.Descriptor.FindFieldByName("host").GetOptions().GetExtension(Validate.ValidateExtensions.Rules);
                Udpa.Annotations.StatusAnnotation status = AddressReflection.Descriptor.GetOptions().GetExtension(Udpa.Annotations.StatusExtensions.FileStatus);
                Google.Api.HttpRule http = AddressService.Descriptor.Methods[0].GetOptions().GetExtension(Google.Api.AnnotationsExtensions.Http);
                Console.WriteLine($"invoice: {invoice}");
                Console.WriteLine($"host min_len: {rules.String.MinLen}");
                Console.WriteLine($"authority name min_len: {Xds.Core.V3.Authority.Descriptor.FindFieldByName("name").GetOptions().GetExtension(Validate.ValidateExtensions.Rules).String.MinLen}");
                Console.WriteLine($"work in progress: {status.WorkInProgress}");
                Console.WriteLine($"http rule: {http}");
                Console.WriteLine($"client: {typeof(Contoso.Billing.V1.Billing.BillingClient).FullName}");
                """);

    private const string VendoredItems = """
        <Protobuf Include="third_party/api/**/*.proto" ProtoRoot="third_party/api" />
        <Protobuf Include="third_party/pgv/**/*.proto" ProtoRoot="third_party/pgv" />
        <Protobuf Include="third_party/xds/**/*.proto" ProtoRoot="third_party/xds" />
        <Protobuf Include="third_party/udpa/**/*.proto" ProtoRoot="third_party/udpa" />
        <Protobuf Include="protos/shared/**/*.proto" ProtoRoot="protos/shared" ImportPrefix="acme/shared" />
        <Protobuf Include="protos/billing/**/*.proto" ProtoRoot="protos/billing" ImportPrefix="acme/billing" />
        <ProtoNamespace Include="acme/billing" Namespace="Contoso.Billing" />
        """;

    private static void AssertVendoredTreeCompiledInOneBatch(TestProject project, BuildResult build)
    {
        Assert.Empty(build.Diagnostics);
        Assert.Empty(build.ProtocCommands); // Grpc.Tools ran protoc for none of them.
        Assert.Equal(VendoredLogicalPaths, build.BatchCompiled.Order(StringComparer.Ordinal));
        Assert.Equal(1, build.BatchRuns); // One set of options, no two outputs of one name in one namespace.

        // Unmapped protos keep Grpc.Tools' paths; mapped ones sit under their logical folders.
        string obj = project.IntermediateDirectory;
        Assert.True(File.Exists(Path.Combine(obj, "envoy/config/core/v3/Address.cs")));
        Assert.True(File.Exists(Path.Combine(obj, "envoy/config/core/v3/AddressGrpc.cs")));
        Assert.True(File.Exists(Path.Combine(obj, "validate/Validate.cs")));
        Assert.True(File.Exists(Path.Combine(obj, "acme/billing/v1/Invoice.cs")));
        Assert.True(File.Exists(Path.Combine(obj, "acme/shared/v1/Money.cs")));

        // Only the proto whose namespace the rule changes is staged.
        string stage = Path.Combine(obj, "protogen", "stage");
        Assert.Equal(
            ["acme/billing/v1/invoice.proto"],
            Directory.EnumerateFiles(stage, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(stage, f).Replace('\\', '/')));
    }

    private static void AssertVendoredProgramOutput(TestProject project)
    {
        BuildResult run = project.Run();
        Assert.True(run.Succeeded, run.Output);
        Assert.Equal(
            """
            invoice: { "total": { "currency": "EUR", "units": "42" }, "billedTo": { "host": "example.org", "authority": { "name": "xds" } } }
            host min_len: 3
            authority name min_len: 1
            work in progress: True
            http rule: { "get": "/v3/address/{host}" }
            client: Contoso.Billing.V1.Billing+BillingClient

            """,
            run.Process.StandardOutput);
    }

    /// <summary>A proto with a request message and a one-method service named after <paramref name="service"/>.</summary>
    private static string ServiceProto(string package, string service) => $$"""
        syntax = "proto3";

        package {{package}};

        message {{service}}Request {
          string name = 1;
        }

        service {{service}} {
          rpc Call({{service}}Request) returns ({{service}}Request);
        }
        """;

    /// <summary>A proto with one message of one string field.</summary>
    private static string MessageProto(string package, string message) => $$"""
        syntax = "proto3";

        package {{package}};

        message {{message}} {
          string name = 1;
        }
        """;

    /// <summary>Every batched protoc run searched <paramref name="directory"/> as one <c>--proto_path</c> entry.</summary>
    private static void AssertImportDirectory(BuildResult build, string directory)
    {
        Assert.NotEmpty(build.BatchCommands);
        Assert.All(build.BatchCommands, c => Assert.Contains(" --proto_path=" + directory + " ", c, StringComparison.Ordinal));
    }

    /// <summary>The build failed with exactly <paramref name="count"/> errors, all <paramref name="code"/>.</summary>
    private static string[] AssertErrors(BuildResult build, string code, int count)
    {
        Assert.False(build.Succeeded, build.Output);
        string[] errors = build.Diagnostics.Where(d => d.Contains(": error ", StringComparison.Ordinal)).ToArray();
        Assert.True(errors.Length == count, $"Expected {count} error(s), got:\n" + string.Join("\n", errors) + "\n" + build.Output);
        Assert.All(errors, e => Assert.Contains(": error " + code + ":", e, StringComparison.Ordinal));
        return errors;
    }

    /// <summary>The diagnostic is reported at <paramref name="location"/> (a file, then its line and column if given).</summary>
    private static void AssertAt(string location, string diagnostic) =>
        Assert.True(diagnostic.StartsWith(location, StringComparison.Ordinal), $"Expected a diagnostic at '{location}', got:\n{diagnostic}");

    private static int LineOf(TestProject project, string text) =>
        Array.FindIndex(File.ReadAllLines(project.ProjectFile), l => l.Contains(text, StringComparison.Ordinal)) + 1;
}
