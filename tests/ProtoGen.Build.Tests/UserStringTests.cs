using System;
using System.IO;
using System.Linq;
using System.Text;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.Limits;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Build.Tests;

/// <summary>The user-string estimate: the heap arithmetic, reading generated code, the cache, and when it warns.</summary>
public sealed class UserStringTests : IDisposable
{
    private const string Project = "/repo/app/App.csproj";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_literal_takes_its_UTF16_characters_a_terminal_byte_and_a_compressed_length()
    {
        Assert.Equal(122, UserStringHeap.BytesOf(60)); // 1 + 120 + 1: protoc's descriptor literal
        Assert.Equal(2, UserStringHeap.BytesOf(0)); // "" still has a length and a terminal byte
        Assert.Equal(1 + 127, UserStringHeap.BytesOf(63)); // 127: the last one-byte length
        Assert.Equal(2 + 129, UserStringHeap.BytesOf(64));
        Assert.Equal(1L << 24, UserStringHeap.Limit);
    }

    [Fact]
    public void A_descriptor_is_base64_in_literals_of_60_characters()
    {
        Assert.Equal(0, UserStringHeap.OfDescriptor(0));
        Assert.Equal(122, UserStringHeap.OfDescriptor(45)); // 60 characters: one full literal
        Assert.Equal(122 + UserStringHeap.BytesOf(4), UserStringHeap.OfDescriptor(46)); // and a literal of one base64 quantum
        Assert.Equal((1000 * 122) + UserStringHeap.BytesOf(4), UserStringHeap.OfDescriptor(45_001)); // 2.71 heap bytes per descriptor byte
    }

    [Fact]
    public void Scanning_protocs_generated_code_finds_its_descriptor_literals_and_nothing_in_a_grpc_file()
    {
        var name = new StringBuilder();
        for (int i = 0; i < 300; i++)
        {
            name.Append("field_with_a_long_name_").Append(i).Append(" = ").Append(i + 1).Append(";\n  string ");
        }

        _temp.Write("protos/acme/v1/ledger.proto", $$"""
            syntax = "proto3";

            package acme.v1;

            message Entry {
              string {{name}}last = 1000;
            }

            service Ledger {
              rpc Post(Entry) returns (Entry);
            }
            """);
        Directory.CreateDirectory(_temp["gen"]);
        GrpcToolsProtoc.Run(
            "--proto_path=" + _temp["protos"],
            "--csharp_out=" + _temp["gen"],
            "--plugin=protoc-gen-grpc=" + GrpcToolsProtoc.GrpcPlugin,
            "--grpc_out=" + _temp["gen"],
            _temp["protos/acme/v1/ledger.proto"]);

        string code = File.ReadAllText(_temp["gen/Ledger.cs"]);
        GeneratedFileStrings strings = UserStringHeap.Scan(new StringReader(code));
        GeneratedFileStrings grpc = UserStringHeap.Scan(new StringReader(File.ReadAllText(_temp["gen/LedgerGrpc.cs"])));

        // The literals between FromBase64String( and "));", decoded, are the descriptor protoc embeds.
        int start = code.IndexOf("FromBase64String(", StringComparison.Ordinal);
        string block = code.Substring(start, code.IndexOf("));", start, StringComparison.Ordinal) - start);
        string base64 = string.Concat(block.Split('"').Where((_, i) => i % 2 == 1));
        int descriptorBytes = Convert.FromBase64String(base64).Length;
        Assert.True(descriptorBytes > 10_000, descriptorBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(UserStringHeap.OfDescriptor(descriptorBytes), strings.DescriptorBytes);
        Assert.Equal("acme/v1/ledger.proto", strings.Source);
        Assert.Equal(new GeneratedFileStrings("acme/v1/ledger.proto", 0), grpc);
    }

    [Fact]
    public void The_cache_reads_a_generated_file_once_and_again_when_it_changes()
    {
        string file = _temp.Write("obj/Ledger.cs", Generated("acme/v1/ledger.proto", "QUJD", "REVG"));
        string cachePath = _temp["obj/protogen/userstrings.cache"];
        Directory.CreateDirectory(_temp["obj/protogen"]);
        UserStringCache first = UserStringCache.Load(cachePath);
        Assert.Equal(new GeneratedFileStrings("acme/v1/ledger.proto", 2 * UserStringHeap.BytesOf(4)), first.Get(file));
        first.Save(cachePath);

        // Other content, the same time and length: the cache answers, the file is not read.
        DateTime written = File.GetLastWriteTimeUtc(file);
        File.WriteAllText(file, Generated("acme/v1/ledger.proto", "QUJD", "QUJD"));
        File.SetLastWriteTimeUtc(file, written);
        Assert.Equal(2 * UserStringHeap.BytesOf(4), UserStringCache.Load(cachePath).Get(file)!.DescriptorBytes);

        // A new time: read again (two equal literals are one on the heap).
        File.SetLastWriteTimeUtc(file, written.AddSeconds(5));
        UserStringCache again = UserStringCache.Load(cachePath);
        Assert.Equal(UserStringHeap.BytesOf(4), again.Get(file)!.DescriptorBytes);
        Assert.Null(again.Get(_temp["obj/Gone.cs"]));
    }

    [Fact]
    public void Below_the_warning_share_nothing_is_reported()
    {
        var estimate = new UserStringEstimate([Strings("a/v1/a.proto", (long)(UserStringHeap.Limit * 0.7999))]);
        Assert.Null(estimate.Diagnose(Project));
    }

    [Fact]
    public void From_80_percent_PGB2008_gives_the_figures_the_biggest_folders_and_protos()
    {
        long mb = 1 << 20;
        var estimate = new UserStringEstimate(
        [
            Strings("google/cloud/compute/v1/compute.proto", 6 * mb),
            Strings("google/cloud/aiplatform/v1/a.proto", 3 * mb),
            Strings("google/cloud/aiplatform/v1/b.proto", 3 * mb),
            Strings("google/cloud/aiplatform/v1/c.proto", mb),
            Strings(string.Empty, 0), // a gRPC file
        ]);

        BuildDiagnostic d = estimate.Diagnose(Project)!;

        Assert.Equal("PGB2008", d.Descriptor.Code);
        Assert.Equal(DiagnosticSeverity.Warning, d.Descriptor.Severity);
        Assert.Equal(Project, d.File);
        Assert.Equal(
            "The C# generated from this project's 4 protos needs an estimated 13.0 MB of the 16 MB (2^24 bytes) the CLR allows for an assembly's string literals (81 %): protoc embeds each proto's descriptor as string literals. Biggest folders: google/cloud/aiplatform/v1 7.0 MB in 3 proto(s), google/cloud/compute/v1 6.0 MB in 1 proto(s). Biggest protos: google/cloud/compute/v1/compute.proto 6.0 MB, google/cloud/aiplatform/v1/a.proto 3.0 MB, google/cloud/aiplatform/v1/b.proto 3.0 MB, google/cloud/aiplatform/v1/c.proto 1.0 MB. Past 100 % the C# compiler fails with one CS8103 for every literal past the limit; split the protos into proto libraries, one assembly each (docs/libraries.md), before then.",
            d.Message);
        Assert.NotNull(new UserStringEstimate(estimate.Files, WarningPercent: 81).Diagnose(Project));
        Assert.Null(new UserStringEstimate(estimate.Files, WarningPercent: 82).Diagnose(Project));
    }

    [Fact]
    public void At_the_limit_PGB1021_is_an_error()
    {
        var estimate = new UserStringEstimate([Strings("a/v1/a.proto", UserStringHeap.Limit - 10), Strings("b/v1/b.proto", 10)]);

        BuildDiagnostic d = estimate.Diagnose(Project)!;

        Assert.Equal("PGB1021", d.Descriptor.Code);
        Assert.Equal(DiagnosticSeverity.Error, d.Descriptor.Severity);
        Assert.Contains("(100 %)", d.Message, StringComparison.Ordinal);
        Assert.Contains("The C# compiler would fail with one CS8103 for every literal past the limit.", d.Message, StringComparison.Ordinal);
        Assert.Equal("PGB2008", new UserStringEstimate([Strings("a/v1/a.proto", UserStringHeap.Limit - 1)]).Diagnose(Project)!.Descriptor.Code);
    }

    private static GeneratedFileStrings Strings(string source, long bytes) => new(source, bytes);

    /// <summary>The start of a file as protoc's C# generator writes it, with the given descriptor literals.</summary>
    private static string Generated(string source, params string[] literals) => $$"""
        // <auto-generated>
        //     Generated by the protocol buffer compiler.  DO NOT EDIT!
        //     source: {{source}}
        // </auto-generated>
        namespace Acme.V1 {
          public static partial class LedgerReflection {
            static LedgerReflection() {
              byte[] descriptorData = global::System.Convert.FromBase64String(
                  string.Concat(
                    {{string.Join(",\n            ", literals.Select(l => "\"" + l + "\""))}}));
              descriptor = null;
            }
          }
          public sealed partial class Entry {
            public const string NotADescriptor = "xyz";
          }
        }
        """;
}
