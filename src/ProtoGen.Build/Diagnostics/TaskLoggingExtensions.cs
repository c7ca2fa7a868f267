using System.Collections.Generic;
using Microsoft.Build.Utilities;

namespace ProtoGen.Build.Diagnostics;

/// <summary>Reports <see cref="BuildDiagnostic"/>s through MSBuild with their code, help link and position.</summary>
internal static class TaskLoggingExtensions
{
    public static void Report(this TaskLoggingHelper log, BuildDiagnostic diagnostic)
    {
        DiagnosticDescriptor d = diagnostic.Descriptor;
        if (d.Severity == DiagnosticSeverity.Error)
        {
            log.LogError(null, d.Code, null, d.HelpLink, diagnostic.File, diagnostic.Line, diagnostic.Column, 0, 0, "{0}", diagnostic.Message);
        }
        else
        {
            log.LogWarning(null, d.Code, null, d.HelpLink, diagnostic.File, diagnostic.Line, diagnostic.Column, 0, 0, "{0}", diagnostic.Message);
        }
    }

    public static void Report(this TaskLoggingHelper log, IEnumerable<BuildDiagnostic> diagnostics)
    {
        foreach (BuildDiagnostic diagnostic in diagnostics)
        {
            log.Report(diagnostic);
        }
    }
}
