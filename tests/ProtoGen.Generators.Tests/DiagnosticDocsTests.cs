using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using ProtoGen.Generators.Diagnostics;
using ProtoGen.Shared;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Generators.Tests;

/// <summary>Every code the generator reports has its heading where its help link points (docs/client-wrappers.md).</summary>
public sealed class DiagnosticDocsTests
{
    [Fact]
    public void Every_generator_diagnostic_links_to_its_heading()
    {
        DiagnosticDescriptor[] descriptors = [.. typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)];

        Assert.NotEmpty(descriptors);
        Assert.Empty(descriptors.Select(d => DocsPages.ProblemWithHelpLink(d.Id, d.HelpLinkUri, HelpLinks.DocsBase)).OfType<string>());
    }
}
