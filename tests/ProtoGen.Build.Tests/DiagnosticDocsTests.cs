using System.Linq;
using System.Reflection;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Shared;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Build.Tests;

/// <summary>Every code the tasks report, and every code of ProtoGen's own MSBuild files, has its heading where its help link points.</summary>
public sealed class DiagnosticDocsTests
{
    [Fact]
    public void Every_task_diagnostic_links_to_its_heading()
    {
        DiagnosticDescriptor[] descriptors = [.. typeof(BuildDiagnostics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)];

        Assert.NotEmpty(descriptors);
        Assert.Empty(descriptors.Select(d => DocsPages.ProblemWithHelpLink(d.Code, d.HelpLink, HelpLinks.DocsBase)).OfType<string>());
    }

    [Fact]
    public void Every_code_of_an_MSBuild_Error_or_Warning_in_ProtoGens_own_files_has_its_heading_in_the_diagnostics_page()
    {
        (string File, string Code, string? HelpLink)[] codes = [.. DocsPages.MSBuildCodes()];

        Assert.NotEmpty(codes);
        Assert.Empty(codes
            .Select(c => DocsPages.ProblemWithHelpLink(c.Code, c.HelpLink ?? HelpLinks.For(HelpLinks.DiagnosticsPage, c.Code), HelpLinks.DocsBase) is { } problem ? c.File + ": " + problem : null)
            .OfType<string>());
    }

    [Fact]
    public void Anchors_are_GitHubs()
    {
        var anchors = DocsPages.Anchors("# Title\n## PGB1001\n```\n# not a heading\n```\n## The manifest (`*.protogen-wrappers`)\n### Título: ¿qué?\n## PGB1001\n");

        Assert.Equal(["title", "pgb1001", "the-manifest-protogen-wrappers", "título-qué", "pgb1001-1"], anchors.Keys);
    }
}
