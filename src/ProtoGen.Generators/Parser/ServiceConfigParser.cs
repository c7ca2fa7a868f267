using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProtoGen.Generators.Diagnostics;
using ProtoGen.Generators.Model;
using ProtoGen.Runtime;

namespace ProtoGen.Generators.Parser;

/// <summary>
/// Reads gRPC service configs: <c>AdditionalFiles</c> items with the metadata <c>ProtoGenServiceConfig="true"</c>
/// (build/ProtoGen.ClientWrappers.targets turns each <c>ProtoGenServiceConfig</c> item into one). The rules are
/// ProtoGen.Runtime's (<c>Shared/ServiceConfigSyntax.cs</c>), so the build rejects exactly what
/// <c>GrpcServiceConfig.Parse</c> would.
/// </summary>
internal static class ServiceConfigParser
{
    /// <summary>The item metadata that marks a service config, as the compiler sees it (<c>CompilerVisibleItemMetadata</c>).</summary>
    public const string MetadataKey = "build_metadata.AdditionalFiles.ProtoGenServiceConfig";

    public static bool IsServiceConfig(AnalyzerConfigOptions options)
        => options.TryGetValue(MetadataKey, out string? value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public static ServiceConfigFile Parse(string path, SourceText? text, CancellationToken cancellationToken = default)
    {
        if (text is null)
        {
            var missing = DiagnosticInfo.Create(DiagnosticDescriptors.InvalidServiceConfig, LocationInfo.ForLine(path, 1), path, "the file could not be read");
            return new ServiceConfigFile(path, null, new[] { missing }.ToEquatableArray());
        }

        cancellationToken.ThrowIfCancellationRequested();
        string json = text.ToString();
        ServiceConfigDocument? document = ServiceConfigSyntax.Parse(json, out List<ServiceConfigError> errors);
        if (document is not null)
        {
            return new ServiceConfigFile(path, json, EquatableArray<DiagnosticInfo>.Empty);
        }

        return new ServiceConfigFile(
            path,
            null,
            errors.Select(error => DiagnosticInfo.Create(DiagnosticDescriptors.InvalidServiceConfig, At(path, text, error), path, error.Message)).ToEquatableArray());
    }

    /// <summary>The service config the wrappers use (the first valid one by path) and the diagnostics of every file.</summary>
    public static ServiceConfigChoice Choose(ImmutableArray<ServiceConfigFile> files)
    {
        var diagnostics = new List<DiagnosticInfo>();
        ServiceConfigFile? chosen = null;
        foreach (ServiceConfigFile file in files.OrderBy(static f => f.Path, StringComparer.Ordinal))
        {
            diagnostics.AddRange(file.Diagnostics);
            if (chosen is null)
            {
                chosen = file;
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SeveralServiceConfigs, LocationInfo.ForLine(file.Path, 1), file.Path, chosen.Path));
            }
        }

        ServiceConfigSpec? spec = chosen?.Json is string json ? new ServiceConfigSpec(chosen.Path, json) : null;
        return new ServiceConfigChoice(spec, diagnostics.ToEquatableArray());
    }

    private static LocationInfo At(string path, SourceText text, ServiceConfigError error)
    {
        int line = Math.Min(Math.Max(error.Line, 1), text.Lines.Count) - 1;
        TextLine textLine = text.Lines[line];
        int character = Math.Min(Math.Max(error.Column - 1, 0), textLine.Span.Length);
        var position = new LinePosition(line, character);
        return new LocationInfo(path, new TextSpan(textLine.Start + character, 0), new LinePositionSpan(position, position));
    }
}

/// <summary>The chosen service config and the diagnostics of all service config files.</summary>
internal sealed record ServiceConfigChoice(ServiceConfigSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
