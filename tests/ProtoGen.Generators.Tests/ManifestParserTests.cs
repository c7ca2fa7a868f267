using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ProtoGen.Generators.Model;
using ProtoGen.Generators.Parser;
using ProtoGen.Testing.Roslyn;
using Xunit;

namespace ProtoGen.Generators.Tests;

/// <summary>The manifest reader and the configuration rules: one test per diagnostic, plus the format.</summary>
public sealed class ManifestParserTests
{
    private const string Path = "/obj/x.protogen-wrappers";

    private static ManifestFile Parse(string text) => ManifestParser.Parse(Path, SourceText.From(text));

    private static ManifestEntry Single(string text)
    {
        ManifestFile file = Parse(text);
        Assert.Empty(file.Diagnostics);
        return Assert.Single(file.Entries);
    }

    private static System.Collections.Immutable.ImmutableArray<Diagnostic> RunRouteGuide(string manifest, IReadOnlyDictionary<string, string>? options = null, bool withRuntime = true)
        => GeneratorHarness.Run(GeneratorHarness.Fixture("route_guide"), manifest, options, withRuntime).Diagnostics;

    [Fact]
    public void ReadsEveryField_InAnyOrder()
    {
        ManifestEntry entry = Single(
            "service\trouteguide.RouteGuide\tline=7\taccess=Internal\tdefaultMetadata=x-a=1;x-b-bin=AAE=;x-a=2\tmethodTimeouts=GetFeature=250ms;ListFeatures=00:01:00\tdefaultTimeout=1.5s\tenabled=false\tsource=/p/route_guide.proto\n");

        Assert.Equal("routeguide.RouteGuide", entry.ServiceName);
        Assert.False(entry.Enabled);
        Assert.Equal(WrapperAccess.Internal, entry.Access);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), entry.DefaultTimeout);
        Assert.Equal(
            [new MethodTimeout("GetFeature", TimeSpan.FromMilliseconds(250)), new MethodTimeout("ListFeatures", TimeSpan.FromMinutes(1))],
            entry.MethodTimeouts.ToArray());
        Assert.Equal(
            [new MetadataEntry("x-a", "1"), new MetadataEntry("x-b-bin", "AAE="), new MetadataEntry("x-a", "2")],
            entry.DefaultMetadata.ToArray());
        Assert.Equal("/p/route_guide.proto", entry.SourceLocation!.FilePath);
        Assert.Equal(6, entry.SourceLocation.LineSpan.Start.Line);
        Assert.Empty(entry.Issues);
    }

    [Fact]
    public void CommentsEmptyLinesAndCrLf_AreHandled()
    {
        ManifestFile file = Parse("# header\r\n\r\n   \r\nservice\ta.B\tdefaultTimeout=2m\r\n#service\tc.D\r\nservice\tc.E");
        Assert.Empty(file.Diagnostics);
        Assert.Equal(["a.B", "c.E"], file.Entries.Select(e => e.ServiceName));
        Assert.Equal(TimeSpan.FromMinutes(2), file.Entries[0].DefaultTimeout);
        Assert.Equal(3, file.Entries[0].ManifestLocation.LineSpan.Start.Line);
    }

    [Theory]
    [InlineData("250ms", 250 * TimeSpan.TicksPerMillisecond)]
    [InlineData("30s", 30 * TimeSpan.TicksPerSecond)]
    [InlineData("2m", 2 * TimeSpan.TicksPerMinute)]
    [InlineData("1h", TimeSpan.TicksPerHour)]
    [InlineData("1.5s", 15 * TimeSpan.TicksPerSecond / 10)]
    [InlineData("0.5ms", TimeSpan.TicksPerMillisecond / 2)]
    [InlineData("00:00:30", 30 * TimeSpan.TicksPerSecond)]
    [InlineData("1.02:03:04.5", TimeSpan.TicksPerDay + (2 * TimeSpan.TicksPerHour) + (3 * TimeSpan.TicksPerMinute) + (45 * TimeSpan.TicksPerSecond / 10))]
    public void Durations_Valid(string text, long ticks)
        => Assert.Equal(TimeSpan.FromTicks(ticks), Single($"service\ta.B\tdefaultTimeout={text}").DefaultTimeout);

    // PGEN1001
    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("5")]
    [InlineData("5 s")]
    [InlineData("5S")]
    [InlineData("1d")]
    [InlineData(".5s")]
    [InlineData("5.s")]
    [InlineData("-1s")]
    [InlineData("+1s")]
    [InlineData("0s")]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("1,5s")]
    [InlineData("0.00000001s")]
    [InlineData("99999999999999999999h")]
    [InlineData("25:00:00")]
    public void PGEN1001_InvalidTimeout_IsReportedAndSkipped(string text)
    {
        ManifestEntry entry = Single($"service\ta.B\tdefaultTimeout={text}\tmethodTimeouts=M={text}");
        Assert.Null(entry.DefaultTimeout);
        Assert.Empty(entry.MethodTimeouts);
        Assert.Equal(["PGEN1001", "PGEN1001"], entry.Issues.Select(i => i.DescriptorId));
    }

    [Fact]
    public void PGEN1001_IsReportedAtTheSourceLine_AndTheWrapperStillGenerated()
    {
        System.Collections.Immutable.ImmutableArray<Diagnostic> diagnostics = RunRouteGuide("service\trouteguide.RouteGuide\tdefaultTimeout=soon\tsource=/p/route_guide.proto\tline=12\n");
        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PGEN1001", diagnostic.Id);
        Assert.Equal("/p/route_guide.proto", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(11, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void PGEN1002_UnknownMethod_IsReportedAtTheClientClass_WhenNoSource()
    {
        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.Fixture("route_guide"),
            "service\trouteguide.RouteGuide\tmethodTimeouts=GetFeature=1s;GetFeatures=2s\n");
        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("PGEN1002", diagnostic.Id);
        Assert.EndsWith("RouteGuideGrpc.cs", diagnostic.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Contains("GetFeatures", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        string source = Assert.Single(run.Result.Results.Single().GeneratedSources).SourceText.ToString();
        Assert.Contains("MethodTimeouts[\"GetFeature\"]", source, StringComparison.Ordinal);
        Assert.DoesNotContain("GetFeatures\"", source, StringComparison.Ordinal);
    }

    // PGEN1003
    [Theory]
    [InlineData("X-Team=a", "keys must be lowercase")]
    [InlineData("x team=a", "only a-z")]
    [InlineData("=a", "empty")]
    [InlineData("grpc-timeout=1S", "reserved")]
    [InlineData("content-type=text", "reserved")]
    [InlineData("te=trailers", "reserved")]
    [InlineData("-bin=AAE=", "name before")]
    [InlineData("x-id-bin=not base64", "base64")]
    [InlineData("x-id-bin=AAE", "base64")]
    [InlineData("x-city=Zürich", "printable ASCII")]
    [InlineData("novalue", "not '<key>=<value>'")]
    public void PGEN1003_InvalidMetadata_IsReportedAndSkipped(string item, string reason)
    {
        ManifestEntry entry = Single($"service\ta.B\tdefaultMetadata=x-ok=1;{item}");
        Assert.Equal([new MetadataEntry("x-ok", "1")], entry.DefaultMetadata.ToArray());
        ManifestIssue issue = Assert.Single(entry.Issues);
        Assert.Equal("PGEN1003", issue.DescriptorId);
        Assert.Contains(reason, issue.MessageArgs[2], StringComparison.Ordinal);
    }

    [Fact]
    public void PGEN1004_NameCollision_SkipsTheWrapper()
    {
        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.Fixture("route_guide").Append(GeneratorHarness.Source("/u.cs", "namespace Routeguide { internal interface IRouteGuideClient { } }")),
            "service\trouteguide.RouteGuide\n");
        Assert.Equal("PGEN1004", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.Result.Results.Single().GeneratedSources);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    // PGEN1005
    [Theory]
    [InlineData("Service\ta.B", "first field")]
    [InlineData("service a.B", "first field")]
    [InlineData("service", "second field")]
    [InlineData("service\t", "second field")]
    [InlineData("service\ta..B", "second field")]
    [InlineData("service\ta.B-c", "second field")]
    public void PGEN1005_MalformedLine_IsReportedAtTheManifestLine(string line, string reason)
    {
        ManifestFile file = Parse("# x\n" + line + "\n");
        Assert.Empty(file.Entries);
        DiagnosticInfo diagnostic = Assert.Single(file.Diagnostics);
        Assert.Equal("PGEN1005", diagnostic.Descriptor.Id);
        Assert.Equal(1, diagnostic.Location!.LineSpan.Start.Line);
        Assert.Contains(reason, diagnostic.MessageArgs[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("enabled=yes")]
    [InlineData("access=protected")]
    [InlineData("colour=blue")]
    [InlineData("noequals")]
    [InlineData("")]
    [InlineData("line=0")]
    [InlineData("line=x")]
    [InlineData("source=relative/path.proto")]
    [InlineData("methodTimeouts=GetFeature")]
    [InlineData("methodTimeouts=Get-Feature=1s")]
    [InlineData("methodTimeouts=A=1s;A=2s")]
    public void PGEN1005_MalformedField_IsSkipped_TheRestOfTheLineKept(string field)
    {
        ManifestEntry entry = Single($"service\ta.B\tdefaultTimeout=1s\t{field}");
        Assert.Equal(TimeSpan.FromSeconds(1), entry.DefaultTimeout);
        Assert.Equal("PGEN1005", Assert.Single(entry.Issues).DescriptorId);
    }

    [Fact]
    public void PGEN1005_ServiceListedTwice_SecondLineIgnored()
    {
        ManifestFile file = Parse("service\ta.B\tdefaultTimeout=1s\nservice\ta.B\tdefaultTimeout=2s\n");
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(file.Entries).DefaultTimeout);
        Assert.Equal("PGEN1005", Assert.Single(file.Diagnostics).Descriptor.Id);
    }

    [Fact]
    public void PGEN1006_PublicAccessForInternalClient_FallsBackToInternal()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Fixture("no_package"), "service\tEcho\taccess=Public\n");
        Assert.Equal("PGEN1006", Assert.Single(run.Diagnostics).Id);
        Assert.Contains("internal partial class EchoClientWrapper", run.Result.Results.Single().GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes", null)]
    [InlineData("true", "forever")]
    public void PGEN1007_InvalidBuildProperty(string wrapAll, string? timeout)
    {
        var options = new Dictionary<string, string> { ["build_property.ProtoGenClientWrappers"] = wrapAll };
        if (timeout is not null)
        {
            options["build_property.ProtoGenDefaultTimeout"] = timeout;
        }

        Assert.Equal("PGEN1007", Assert.Single(RunRouteGuide("# nothing listed\n", options)).Id);
    }

    [Fact]
    public void PGEN1008_RuntimeNotReferenced_NoWrapper()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Fixture("route_guide"), "service\trouteguide.RouteGuide\n", withRuntime: false);
        Assert.Equal("PGEN1008", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.Result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void GlobalProperties_WrapUnlistedClients_WithTheirDefaultTimeout_AndListedOnesFollowTheManifest()
    {
        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.Fixture("multi_service"),
            "service\texamples.multi.v1.Clock\tenabled=false\n",
            GeneratorHarness.WrapAll("45s"));
        Assert.Empty(run.Diagnostics);
        GeneratedSourceResult source = Assert.Single(run.Result.Results.Single().GeneratedSources);
        Assert.Equal("Examples.Multi.V1.GreeterClientWrapper.g.cs", source.HintName);
        Assert.Contains("TimeSpan.FromTicks(450000000L)", source.SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutManifestOrProperty_NothingIsGenerated()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Fixture("route_guide"));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void OnlyFilesNamedProtogenWrappers_AreRead()
    {
        Assert.True(ManifestParser.IsManifest("/obj/ProtoGen.protogen-wrappers"));
        Assert.True(ManifestParser.IsManifest("C:\\obj\\X.PROTOGEN-WRAPPERS"));
        Assert.False(ManifestParser.IsManifest("/obj/ProtoGen.protogen-wrappers.txt"));
        Assert.False(ManifestParser.IsManifest("/protos/route_guide.proto"));
    }
}
