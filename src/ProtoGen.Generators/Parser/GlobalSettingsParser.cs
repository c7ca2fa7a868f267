using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Diagnostics;
using ProtoGen.Generators.Diagnostics;
using ProtoGen.Generators.Model;
using ProtoGen.Runtime;
using ProtoGen.Shared;

namespace ProtoGen.Generators.Parser;

/// <summary>Reads the <c>build_property.ProtoGen*</c> global analyzer-config properties.</summary>
internal static class GlobalSettingsParser
{
    public const string WrapAllProperty = "ProtoGenClientWrappers";
    public const string DefaultTimeoutProperty = "ProtoGenDefaultTimeout";
    public const string OverloadsProperty = WrapperNaming.OverloadsProperty;

    public static GlobalSettings Parse(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property." + WrapAllProperty, out string? wrapAllText);
        options.TryGetValue("build_property." + DefaultTimeoutProperty, out string? timeoutText);
        options.TryGetValue("build_property." + OverloadsProperty, out string? overloadsText);
        return Parse(wrapAllText, timeoutText, overloadsText);
    }

    public static GlobalSettings Parse(string? wrapAllText, string? timeoutText, string? overloadsText = null)
    {
        var diagnostics = new List<DiagnosticInfo>();
        bool wrapAll = false;
        wrapAllText = wrapAllText?.Trim();
        if (!string.IsNullOrEmpty(wrapAllText))
        {
            if (string.Equals(wrapAllText, "true", StringComparison.OrdinalIgnoreCase))
            {
                wrapAll = true;
            }
            else if (!string.Equals(wrapAllText, "false", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidBuildProperty, null, WrapAllProperty, wrapAllText!, "it must be 'true' or 'false'"));
            }
        }

        TimeSpan? timeout = null;
        timeoutText = timeoutText?.Trim();
        if (!string.IsNullOrEmpty(timeoutText))
        {
            timeout = DurationSyntax.TryParse(timeoutText, out string? error);
            if (timeout is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidBuildProperty, null, DefaultTimeoutProperty, timeoutText!, error!));
            }
        }

        if (!WrapperNaming.TryParseOverloads(overloadsText, out WrapperOverloads overloads))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidBuildProperty, null, OverloadsProperty, overloadsText!.Trim(), "it must be 'All' or 'Minimal'"));
        }

        return new GlobalSettings(wrapAll, timeout, diagnostics.ToEquatableArray(), overloads);
    }
}
