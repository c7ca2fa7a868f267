using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using ProtoGen.Generators.Model;
using ProtoGen.Generators.Parser;
using ProtoGen.Shared;
using Xunit;

namespace ProtoGen.Generators.Tests;

/// <summary>
/// The manifest format (src/Shared/WrapperManifest.cs), which the task writes and the generator reads with the same
/// code: whatever is written reads back equal, awkward values included; the generator then judges the values.
/// </summary>
public sealed class WrapperManifestTests
{
    /// <summary>Every setting, with values the format must carry through: tabs, line breaks, separators, '%', unicode, no package.</summary>
    private static readonly WrapperManifestLine[] Lines =
    [
        new(
            "routeguide.RouteGuide",
            Enabled: true,
            DefaultTimeout: "5s",
            MethodTimeouts: [new("GetFeature", "250ms"), new("ListFeatures", "00:01:00")],
            DefaultMetadata:
            [
                new("x-team", "maps"),
                new("x-tabbed", "a\tb"),
                new("x-lines", "one\ntwo\r\nthree"),
                new("x-separators", "a;b=c%41%"),
                new("x-unicode", "Zürich ✓ 東京"),
                new("x-team", "second value"),
                new("x-trace-bin", "AAEC/w=="),
                new("k=ey", null),
                new(string.Empty, string.Empty),
            ],
            Access: "Internal",
            Source: "/home/jürgen/my protos;v2/100%/route_guide.csproj",
            Line: 24),
        new("Greeter", Enabled: false),
        new("a.b.c.D", DefaultTimeout: string.Empty, MethodTimeouts: [new("Only", null)], Source: "C:\\src\\x.csproj"),
    ];

    [Fact]
    public void What_is_written_reads_back_equal()
    {
        string text = WrapperManifest.Write(Lines);

        // One line per service after the header: no value's tab or line break got through unescaped.
        string[] written = text.Split('\n');
        Assert.Equal(WrapperManifest.Header, written[0]);
        Assert.Equal(Lines.Length + 2, written.Length);
        Assert.Equal(string.Empty, written[^1]);
        Assert.Equal(Lines.Select(FieldCount), written[1..^1].Select(line => line.Split('\t').Length));

        var read = new List<WrapperManifestLine>();
        foreach (TextLine line in SourceText.From(text).Lines)
        {
            string content = line.ToString();
            if (WrapperManifest.IsServiceLine(content))
            {
                var problems = new List<string>();
                read.Add(WrapperManifest.Read(content, problems, out string? error) ?? throw new Xunit.Sdk.XunitException(error));
                Assert.Empty(problems);
            }
        }

        Assert.Equal(Lines, read);
    }

    [Fact]
    public void The_generator_reads_the_valid_settings_and_reports_each_value_it_cannot_send()
    {
        ManifestFile file = ManifestParser.Parse("/obj/x.protogen-wrappers", SourceText.From(WrapperManifest.Write(Lines)));

        Assert.Empty(file.Diagnostics);
        Assert.Equal(["routeguide.RouteGuide", "Greeter", "a.b.c.D"], file.Entries.Select(e => e.ServiceName));
        ManifestEntry routeGuide = file.Entries[0];
        Assert.Equal(TimeSpan.FromSeconds(5), routeGuide.DefaultTimeout);
        Assert.Equal([new MethodTimeout("GetFeature", TimeSpan.FromMilliseconds(250)), new MethodTimeout("ListFeatures", TimeSpan.FromMinutes(1))], routeGuide.MethodTimeouts);
        Assert.Equal([new MetadataEntry("x-team", "maps"), new MetadataEntry("x-separators", "a;b=c%41%"), new MetadataEntry("x-team", "second value"), new MetadataEntry("x-trace-bin", "AAEC/w==")], routeGuide.DefaultMetadata);
        Assert.Equal(WrapperAccess.Internal, routeGuide.Access);
        Assert.Equal(("/home/jürgen/my protos;v2/100%/route_guide.csproj", 23), (routeGuide.SourceLocation!.FilePath, routeGuide.SourceLocation.LineSpan.Start.Line));

        // A tab, a line break or a non-ASCII character in a value is reported with its key, never sent altered.
        Assert.Equal(
            ["PGEN1003 x-tabbed", "PGEN1003 x-lines", "PGEN1003 x-unicode", "PGEN1003 k=ey", "PGEN1003 "],
            routeGuide.Issues.Select(i => i.DescriptorId + " " + i.MessageArgs[0]));
        Assert.False(file.Entries[1].Enabled);
        Assert.Equal(["PGEN1001", "PGEN1005"], file.Entries[2].Issues.Select(i => i.DescriptorId));
    }

    [Theory]
    [InlineData("service\ta.B\tdefaultTimeout=%35s", "5s")]
    [InlineData("service\ta.B\tdefaultTimeout=5s%", "5s%")]
    [InlineData("service\ta.B\tdefaultTimeout=5%s", "5%s")]
    [InlineData("service\ta%2EB\tdefaultTimeout=%zz", "%zz")]
    public void A_percent_sign_starts_an_escape_only_before_two_hex_digits(string line, string timeout)
    {
        WrapperManifestLine? read = WrapperManifest.Read(line, [], out _);
        Assert.Equal("a.B", read!.Service);
        Assert.Equal(timeout, read.DefaultTimeout);
    }

    /// <summary>"service", the name, and one field per setting that is set.</summary>
    private static int FieldCount(WrapperManifestLine line) =>
        2 + new object?[] { line.Enabled, line.DefaultTimeout, line.MethodTimeouts, line.DefaultMetadata, line.Access, line.Source, line.Line }.Count(v => v is not null);
}
