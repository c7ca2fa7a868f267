using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProtoGen.Testing.Roslyn;

namespace ProtoGen.Generators.Tests;

/// <summary>
/// The client wrapper generator in ProtoGen.Testing's <see cref="RoslynHarness"/>, with what only these tests need:
/// the Grpc.Tools fixtures, the manifest path, the runtime references and the wrapper options.
/// </summary>
internal static class GeneratorHarness
{
    public const string ManifestPath = "/repo/obj/Debug/net10.0/protogen/ProtoGen.protogen-wrappers";

    /// <summary>The generator over .NET 10, Google.Protobuf and Grpc.Core.Api (no ProtoGen.Runtime: see <see cref="Compilation"/>).</summary>
    public static readonly RoslynHarness Roslyn = new(
        () => new ClientWrapperGenerator(),
        RoslynHarness.Net100With(typeof(Google.Protobuf.IMessage), typeof(Grpc.Core.ClientBase<>)));

    private static readonly MetadataReference RuntimeReference =
        MetadataReference.CreateFromFile(typeof(ProtoGen.Runtime.GrpcCallDefaults).Assembly.Location);

    /// <summary>The runtime's netstandard2.0 build (see the csproj): everything but GrpcStreaming.</summary>
    public static readonly MetadataReference NetStandard20RuntimeReference =
        MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "runtime-netstandard2.0", "ProtoGen.Runtime.dll"));

    /// <summary>
    /// The Grpc.Tools output of a fixture proto (see the csproj: GrpcFixtures/&lt;name&gt;/), as syntax trees
    /// with stable paths (<c>/fixtures/&lt;name&gt;/...</c>), so snapshots do not depend on where the tests run.
    /// </summary>
    public static IEnumerable<SyntaxTree> Fixture(string name) =>
        Roslyn.ParseDirectory(Path.Combine(AppContext.BaseDirectory, "GrpcFixtures", name), "/fixtures/" + name);

    public static SyntaxTree Source(string path, string text) => Roslyn.Parse(path, text);

    /// <summary>A consumer's compilation: with ProtoGen.Runtime (or <paramref name="runtime"/>) unless <paramref name="withRuntime"/> is false.</summary>
    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees, bool withRuntime = true, MetadataReference? runtime = null) =>
        Roslyn.Compilation(trees, withRuntime ? Roslyn.References.Add(runtime ?? RuntimeReference) : Roslyn.References);

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText>? additionalTexts = null, IReadOnlyDictionary<string, string>? globalOptions = null) =>
        Roslyn.CreateDriver(additionalTexts, globalOptions);

    /// <summary>Runs the generator over <paramref name="trees"/> with <paramref name="manifest"/> as the wrapper manifest.</summary>
    public static GeneratorRun Run(
        IEnumerable<SyntaxTree> trees,
        string? manifest = null,
        IReadOnlyDictionary<string, string>? globalOptions = null,
        bool withRuntime = true) =>
        Roslyn.Run(
            Compilation(trees, withRuntime),
            manifest is null ? [] : [new InMemoryAdditionalText(ManifestPath, manifest)],
            globalOptions);

    public static Dictionary<string, string> WrapAll(string? defaultTimeout = null)
    {
        var options = new Dictionary<string, string> { ["build_property.ProtoGenClientWrappers"] = "true" };
        if (defaultTimeout is not null)
        {
            options["build_property.ProtoGenDefaultTimeout"] = defaultTimeout;
        }

        return options;
    }
}
