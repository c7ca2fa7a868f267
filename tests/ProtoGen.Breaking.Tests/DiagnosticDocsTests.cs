using System.Linq;
using System.Reflection;
using ProtoGen.Breaking.Diagnostics;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Shared;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Breaking.Tests;

/// <summary>Every code the breaking check reports has its heading where its help link points.</summary>
public sealed class DiagnosticDocsTests
{
    [Fact]
    public void Every_breaking_check_diagnostic_links_to_its_heading()
    {
        DiagnosticDescriptor[] descriptors = [.. typeof(BreakingDiagnostics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)];

        Assert.NotEmpty(descriptors);
        Assert.Empty(descriptors.Select(d => DocsPages.ProblemWithHelpLink(d.Code, d.HelpLink, HelpLinks.DocsBase)).OfType<string>());
    }
}
