using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Protoc;
using Xunit;

namespace ProtoGen.Build.Tests;

/// <summary>The one table of protoc options: the arguments Grpc.Tools' ProtoCompile would pass, and the batch key from the same rows.</summary>
public sealed class ProtocOptionsTests
{
    private static readonly ProtocRunLayout Layout = new("/w/gen/0", "/w/gen/0/set.pb", ["/w/stage", "acme=/w/teams/acme"], ["/nuget/include", "/nuget/commonprotos"]);

    private static TaskItem Item(params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem("x.proto");
        foreach ((string name, string value) in metadata)
        {
            item.SetMetadata(name, value);
        }

        return item;
    }

    [Fact]
    public void Arguments_have_Grpc_Tools_order_and_shape_with_every_list_split()
    {
        TaskItem item = Item(
            ("OutputOptions", "file_extension=.g.cs; internal_access"),
            ("_OutputOptions", ";internal_access"),
            ("GrpcPluginExe", "/tools/grpc_csharp_plugin"),
            ("GrpcOutputOptions", "lite_client"),
            ("_GrpcOutputOptions", "no_server;internal_access"),
            ("ProtoGenPreferredRoot", "/w/two"),
            ("AdditionalImportDirs", "extra;vendor=third_party/v"),
            ("AdditionalProtocArguments", "--experimental_allow_proto3_optional;--plugin=protoc-gen-x=/x;--x_out=gen/x"));

        List<string> arguments = ProtocOptions.Arguments(item, Layout, ["/w/a.proto", "/w/b.proto"]);

        Assert.Equal(
            [
                "--csharp_out=/w/gen/0",
                "--csharp_opt=file_extension=.g.cs,internal_access,internal_access,base_namespace=",
                "--plugin=protoc-gen-grpc=/tools/grpc_csharp_plugin",
                "--grpc_out=/w/gen/0",
                "--grpc_opt=lite_client,no_server,internal_access,base_namespace=",
                "--proto_path=/w/two",
                "--proto_path=/w/stage",
                "--proto_path=acme=/w/teams/acme",
                "--proto_path=extra",
                "--proto_path=vendor=third_party/v",
                "--proto_path=/nuget/include",
                "--proto_path=/nuget/commonprotos",
                "--experimental_allow_proto3_optional",
                "--plugin=protoc-gen-x=/x",
                "--x_out=gen/x",
                "--descriptor_set_out=/w/gen/0/set.pb",
                "--include_imports",
                "/w/a.proto",
                "/w/b.proto",
            ],
            arguments);
    }

    [Fact]
    public void Without_the_gRPC_plugin_there_are_no_gRPC_options_as_with_Grpc_Tools()
    {
        List<string> arguments = ProtocOptions.Arguments(Item(("GrpcOutputOptions", "lite_client"), ("_GrpcOutputOptions", "no_server")), Layout, ["/w/a.proto"]);
        Assert.DoesNotContain(arguments, a => a.StartsWith("--grpc", StringComparison.Ordinal));
        Assert.Equal(["--csharp_out=/w/gen/0", "--csharp_opt=base_namespace=", "--proto_path=/w/stage"], arguments.Take(3));
    }

    [Fact]
    public void Outputs_go_to_namespace_folders_unless_the_item_sets_base_namespace_itself()
    {
        TaskItem own = Item(("OutputOptions", "base_namespace=Acme"), ("GrpcPluginExe", "/p"), ("GrpcOutputOptions", "base_namespace"));
        List<string> arguments = ProtocOptions.Arguments(own, Layout, ["/w/a.proto"]);
        Assert.Contains("--csharp_opt=base_namespace=Acme", arguments);
        Assert.Contains("--grpc_opt=base_namespace", arguments);
        Assert.True(ProtocOptions.SetsOutputFolders(own));
        Assert.False(ProtocOptions.SetsOutputFolders(Item(("OutputOptions", "base_namespace_x=1"))));
    }

    [Fact]
    public void A_check_run_generates_nothing_and_keeps_only_arguments_that_write_nothing()
    {
        TaskItem item = Item(
            ("OutputOptions", "base_namespace=X"),
            ("GrpcPluginExe", "/tools/grpc_csharp_plugin"),
            ("AdditionalProtocArguments", "--experimental_allow_proto3_optional;--plugin=protoc-gen-x=/x;--x_out=gen/x;--x_opt=a"));

        List<string> arguments = ProtocOptions.Arguments(item, Layout with { Generate = false }, ["/w/a.proto"]);

        Assert.Equal(
            ["--proto_path=/w/stage", "--proto_path=acme=/w/teams/acme", "--proto_path=/nuget/include", "--proto_path=/nuget/commonprotos", "--experimental_allow_proto3_optional", "--descriptor_set_out=/w/gen/0/set.pb", "--include_imports", "/w/a.proto"],
            arguments);
    }

    [Fact]
    public void An_import_directory_given_twice_is_searched_once_where_it_comes_first()
    {
        List<string> directories = ProtocOptions.ImportDirectories(Item(("ProtoGenPreferredRoot", "acme=/w/teams/acme"), ("AdditionalImportDirs", "/w/stage")), Layout);
        Assert.Equal(["acme=/w/teams/acme", "/w/stage", "/nuget/include", "/nuget/commonprotos"], directories);
    }

    [Fact]
    public void The_workspaces_single_file_entries_come_before_a_preferred_root()
    {
        // A file taken from a package instead of a root must win over that root also where a proto prefers it.
        ProtocRunLayout layout = Layout with { WorkspaceImportDirs = ["google/api/http.proto=/nuget/commonprotos/google/api/http.proto", "/w/stage", "/w/googleapis"] };
        List<string> directories = ProtocOptions.ImportDirectories(Item(("ProtoGenPreferredRoot", "/w/googleapis")), layout);
        Assert.Equal(["google/api/http.proto=/nuget/commonprotos/google/api/http.proto", "/w/googleapis", "/w/stage", "/nuget/include", "/nuget/commonprotos"], directories);
        Assert.True(ProtocOptions.IsFileEntry(directories[0]));
        Assert.False(ProtocOptions.IsFileEntry("acme=/w/teams/acme"));
        Assert.False(ProtocOptions.IsFileEntry("/w/a=b.proto"));
    }

    [Fact]
    public void Every_row_of_the_table_is_in_the_batch_key_and_nothing_else_is()
    {
        string[] metadata = ProtocOptions.Metadata.ToArray();
        Assert.Equal(
            ["OutputOptions", "_OutputOptions", "GrpcPluginExe", "GrpcOutputOptions", "_GrpcOutputOptions", "ProtoGenPreferredRoot", "AdditionalImportDirs", "AdditionalProtocArguments"],
            metadata);

        string plain = ProtocOptions.BatchKey(Item());
        foreach (string name in metadata)
        {
            Assert.NotEqual(plain, ProtocOptions.BatchKey(Item((name, "value"))));
        }

        // Output folders, names and the proto's own metadata do not split runs: outputs are moved to their predicted paths.
        Assert.Equal(plain, ProtocOptions.BatchKey(Item(("OutputDir", "obj/a"), ("GrpcOutputDir", "obj/b"), ("ProtoGenLogicalPath", "a/x.proto"), ("GrpcServices", "Both"), ("Access", "Internal"))));

        // Lists compare entry by entry.
        Assert.Equal(ProtocOptions.BatchKey(Item(("OutputOptions", "a;b"))), ProtocOptions.BatchKey(Item(("OutputOptions", " a ;b; "))));
    }

    [Fact]
    public void A_proto_whose_own_arguments_write_a_descriptor_set_keeps_them_and_gets_protocs_dependency_file()
    {
        TaskItem own = Item(("AdditionalProtocArguments", "--descriptor_set_out=descriptors/catalog.pb;--include_imports"));
        Assert.True(ProtocOptions.NeedsRunOfItsOwn(own));
        Assert.True(ProtocOptions.NeedsRunOfItsOwn(Item(("AdditionalProtocArguments", "-odescriptors/x.pb"))));
        Assert.False(ProtocOptions.NeedsRunOfItsOwn(Item(("AdditionalProtocArguments", "--experimental_allow_proto3_optional"))));

        List<string> alone = ProtocOptions.Arguments(own, Layout with { RunOfItsOwn = true, DependencyOut = "/w/deps/x.protodep" }, ["/w/a.proto"]);
        Assert.Equal(["--descriptor_set_out=descriptors/catalog.pb", "--include_imports", "--dependency_out=/w/deps/x.protodep", "/w/a.proto"], alone.Skip(alone.Count - 4));
        Assert.Single(alone, a => a.StartsWith("--descriptor_set_out", StringComparison.Ordinal));

        // A check run writes ProtoGen's own descriptor set only.
        List<string> check = ProtocOptions.Arguments(own, Layout with { Generate = false }, ["/w/a.proto"]);
        Assert.Equal(["--descriptor_set_out=/w/gen/0/set.pb", "--include_imports", "/w/a.proto"], check.Skip(check.Count - 3));
    }
}
