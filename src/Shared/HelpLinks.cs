// Compiled into ProtoGen.Build, ProtoGen.Breaking (through BuildDiagnostic.cs) and ProtoGen.Generators, by source
// link: every diagnostic's help link starts with the same base and names the docs page its heading is on. Tests
// (DiagnosticDocsTests in each test project) check that the heading is there, with the anchor the link names.
namespace ProtoGen.Shared;

/// <summary>Where the documentation of a diagnostic code lives: <c>docs/&lt;page&gt;#&lt;code in lowercase&gt;</c> on GitHub.</summary>
internal static class HelpLinks
{
    /// <summary>The docs folder of the repository, as a browser opens it.</summary>
    public const string DocsBase = "https://github.com/protogen-dotnet/protogen/blob/main/docs/";

    /// <summary>The page of the build's codes (PGB, PGP), with a <c>## CODE</c> heading each.</summary>
    public const string DiagnosticsPage = "diagnostics.md";

    /// <summary>The page of the client wrapper generator's codes (PGEN), with a <c>### CODE</c> heading each.</summary>
    public const string ClientWrappersPage = "client-wrappers.md";

    /// <summary>The link to <paramref name="code"/>'s heading on <paramref name="page"/>: a heading that is just the code has the lowercase code as its anchor.</summary>
    public static string For(string page, string code) => DocsBase + page + "#" + code.ToLowerInvariant();
}
