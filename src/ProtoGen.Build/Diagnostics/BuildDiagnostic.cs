using ProtoGen.Shared;

namespace ProtoGen.Build.Diagnostics;

/// <summary>Severity of a <see cref="BuildDiagnostic"/>.</summary>
internal enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>One cause of a build diagnostic: its code, severity and title. Codes are never reused.</summary>
internal sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title)
{
    /// <summary>Where the documentation of this code lives: its heading in docs/diagnostics.md.</summary>
    public string HelpLink => HelpLinks.For(HelpLinks.DiagnosticsPage, Code);
}

/// <summary>A diagnostic with the file and position it is about (line and column are 1-based; 0 means unknown).</summary>
internal sealed record BuildDiagnostic(DiagnosticDescriptor Descriptor, string Message, string File, int Line = 0, int Column = 0);
