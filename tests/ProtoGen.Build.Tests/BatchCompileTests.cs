using System;
using System.IO;
using System.Linq;
using ProtoGen.Build.Proto;
using ProtoGen.Build.Protoc;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Build.Tests;

/// <summary>The pieces of batched compiling: planning runs, reading descriptor sets, dependency files, resolving imports.</summary>
public sealed class BatchCompileTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly MockEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Runs_split_on_options_and_on_output_names_that_would_collide()
    {
        var items = new[] { ("a", "k1", "Common.cs"), ("b", "k1", "Ledger.cs"), ("c", "k1", "Common.cs"), ("d", "k2", "Common.cs") };

        var runs = BatchPlanner.Plan(items, i => i.Item2, i => [i.Item3]);

        Assert.Equal([["a", "b"], ["c"], ["d"]], runs.Select(r => r.Select(i => i.Item1).ToArray()).ToArray());
    }

    [Fact]
    public void Descriptor_set_reader_reads_names_and_imports_of_a_real_protoc_set()
    {
        _temp.Write("protos/a.proto", "syntax = \"proto3\";\npackage a;\nimport \"google/protobuf/timestamp.proto\";\nmessage A { google.protobuf.Timestamp at = 1; }\n");
        _temp.Write("protos/b.proto", "syntax = \"proto3\";\npackage b;\nimport \"a.proto\";\nmessage B { a.A a = 1; }\n");
        string set = _temp["set.pb"];
        GrpcToolsProtoc.Run("--proto_path=" + _temp["protos"], "--proto_path=" + GrpcToolsProtoc.StandardImports, "--descriptor_set_out=" + set, "--include_imports", "--include_source_info", _temp["protos/b.proto"]);

        var files = DescriptorSetReader.Read(File.ReadAllBytes(set));

        Assert.Equal(["google/protobuf/timestamp.proto", "a.proto", "b.proto"], files.Select(f => f.Name));
        Assert.Equal(["a.proto"], files[2].Dependencies);
        Assert.Equal(["google/protobuf/timestamp.proto"], files[1].Dependencies);
    }

    [Fact]
    public void Descriptor_set_reader_rejects_truncated_input()
    {
        Assert.Throws<FormatException>(() => DescriptorSetReader.Read([0x0a, 0x05, 0x0a]));
    }

    [Fact]
    public void Dependency_file_is_named_and_shaped_as_Grpc_Tools_reads_it()
    {
        // The first 16 hex digits of the SHA-1 of the proto's folder, '_', the file name: `printf '/src/protos' | sha1sum`
        // is 44bf21d482c19691d25a..., `printf '/src/other' | sha1sum` is d645b78b1df51d22... (on Windows the folder is '\src\protos').
        string protos = OperatingSystem.IsWindows() ? "ed7515154d763906" : "44bf21d482c19691";
        string path = DependencyFiles.PathFor("obj", "/src/protos/ledger.proto");

        Assert.Equal(Path.Combine("obj", protos + "_ledger.protodep"), path);
        Assert.Equal(Path.Combine("obj", protos + "_other.protodep"), DependencyFiles.PathFor("obj", "/src/protos/other.proto"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(Path.Combine("obj", "d645b78b1df51d22_ledger.protodep"), DependencyFiles.PathFor("obj", "/src/other/ledger.proto"));
        }

        // The name Grpc.Tools' own up-to-date check looks for.
        Assert.Equal(GrpcToolsDepFiles.FileName("obj", "/src/protos/ledger.proto"), path);
        Assert.Equal(GrpcToolsDepFiles.FileName(_temp["deps"], _temp["protos/v1/b.proto"]), DependencyFiles.PathFor(_temp["deps"], _temp["protos/v1/b.proto"]));

        string text = DependencyFiles.Format(["out/Ledger.cs", "out/LedgerGrpc.cs"], ["/s/ledger.proto", "/s/money.proto"]);

        Assert.Equal("out/Ledger.cs \\\nout/LedgerGrpc.cs: /s/ledger.proto\\\n /s/money.proto\n", text);
    }

    [Fact]
    public void Import_resolver_searches_entries_in_order_with_prefixes()
    {
        string common = _temp.Write("common/v1/money.proto", "");
        _temp.Write("stage/acme/pay/x.proto", "");
        var resolver = new ImportResolver([_temp["stage"], "acme/common=" + _temp["common"]], _temp.Path);

        Assert.Equal(common, resolver.Resolve("acme/common/v1/money.proto"));
        Assert.Equal(_temp["stage/acme/pay/x.proto"], resolver.Resolve("acme/pay/x.proto"));
        Assert.Null(resolver.Resolve("acme/common/v2/gone.proto"));
    }

    [Fact]
    public void Import_resolver_takes_a_single_file_entry_for_exactly_its_logical_path()
    {
        // The dependency file of a proto that imports google/api/http.proto lists the package's file, not the root's.
        string package = _temp.Write("package/google/api/http.proto", "");
        _temp.Write("googleapis/google/api/http.proto", "");
        _temp.Write("googleapis/google/api/http.proto.bak/x.proto", "");
        var resolver = new ImportResolver(["google/api/http.proto=" + package, _temp["googleapis"]], _temp.Path);

        Assert.Equal(package, resolver.Resolve("google/api/http.proto"));
        Assert.Equal(_temp["googleapis/google/api/http.proto.bak/x.proto"], resolver.Resolve("google/api/http.proto.bak/x.proto"));
    }

    [Fact]
    public void Proto_summary_cache_keeps_the_content_hash_and_reads_an_unchanged_proto_from_the_cache()
    {
        string proto = _temp.Write("protos/a.proto", "syntax = \"proto3\";\r\npackage a;\r\nimport \"b.proto\";\r\n");
        string cachePath = _temp["obj/protos.cache"];
        ProtoSummary first = ProtoSummaryCache.Load(cachePath).Get(proto);
        Assert.Equal(ProtoSummary.HashOf("syntax = \"proto3\";\npackage a;\nimport \"b.proto\";\n"), first.ContentHash); // CRLF is LF
        Assert.Equal(16, first.ContentHash.Length);
        var cache = ProtoSummaryCache.Load(cachePath);
        cache.Get(proto);
        Directory.CreateDirectory(_temp["obj"]);
        cache.Save(cachePath);

        DateTime written = File.GetLastWriteTimeUtc(proto);
        File.WriteAllText(proto, "syntax = \"proto3\";\npackage changed;\n"); // the same time: the cache answers
        File.SetLastWriteTimeUtc(proto, written);
        ProtoSummary cached = ProtoSummaryCache.Load(cachePath).Get(proto);

        Assert.Equal("a", cached.Package);
        Assert.Equal(first.ContentHash, cached.ContentHash);
        Assert.Equal("b.proto", Assert.Single(cached.Imports).Path);
    }
}
