using System.Globalization;
using System.Linq;
using System.Security;
using System.Text;
using ProtoGen.Bench.Layouts;
using ProtoGen.Testing.Infrastructure;

namespace ProtoGen.Bench.Projects;

/// <summary>The text of the files that make a layout a project, for each variant.</summary>
internal static class ProjectFiles
{
    public const string ProjectName = "BenchApp";

    /// <summary>The hand-written source file the "edit 1 .cs" case rewrites; no proto touches it.</summary>
    public const string EditableSource = "Unrelated.cs";

    /// <summary>
    /// Where a proto sits in the project folder: a vendored tree in its own folder in both variants; a mapped tree in
    /// its root's folder for ProtoGen, and for plain Grpc.Tools, which has no prefix mapping, at its logical path under
    /// protos/.
    /// </summary>
    public static string DiskPath(Variant variant, ProtoRoot root, ProtoFile file) =>
        variant == Variant.GrpcTools && !root.IsVendored ? "protos/" + root.LogicalPath(file) : root.Folder + "/" + file.Path;

    public static string Project(ProtoLayout layout, Variant variant, ProtoGenSnapshot protoGen)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- {Xml(layout.Description)}: {variant.Title()}. Written by ProtoGen.Bench. -->
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>

            """);
        if (variant == Variant.ProtoGen)
        {
            text.Append("""
                    <ProtoGenClientWrappers>true</ProtoGenClientWrappers>
                    <ProtoGenDefaultTimeout>30s</ProtoGenDefaultTimeout>

                """);
        }

        text.Append(CultureInfo.InvariantCulture, $"""
              </PropertyGroup>
              <ItemGroup>
            {Repo.GrpcPackageReferences}
              </ItemGroup>
              <ItemGroup>

            """);
        if (variant == Variant.GrpcTools)
        {
            // Plain Grpc.Tools searches only an item's own root: every root is repeated in every item's AdditionalImportDirs,
            // the wiring a Grpc.Tools user writes by hand for vendored trees that import each other.
            string[] folders = [.. layout.Roots.Where(r => r.IsVendored).Select(r => r.Folder), .. layout.Roots.Any(r => !r.IsVendored) ? ["protos"] : (string[])[]];
            string importDirs = folders.Length > 1 ? $" AdditionalImportDirs=\"{string.Join(";", folders)}\"" : string.Empty;
            foreach (string folder in folders)
            {
                text.Append(CultureInfo.InvariantCulture, $"""
                        <Protobuf Include="{folder}/**/*.proto" ProtoRoot="{folder}"{importDirs} />

                    """);
            }
        }
        else
        {
            foreach (ProtoRoot root in layout.Roots)
            {
                string prefix = root.IsVendored ? string.Empty : $" ImportPrefix=\"{root.ImportPrefix}\"";
                text.Append(CultureInfo.InvariantCulture, $"""
                        <Protobuf Include="{root.Folder}/**/*.proto" ProtoRoot="{root.Folder}"{prefix} />

                    """);
            }

            foreach (NamespaceRule rule in layout.NamespaceRules)
            {
                text.Append(CultureInfo.InvariantCulture, $"""
                        <ProtoNamespace Include="{rule.Prefix}" Namespace="{rule.Namespace}" />

                    """);
            }

            text.Append(CultureInfo.InvariantCulture, $"""
                    <!-- The client wrapper generator and its runtime, as the package brings them. -->
                    <Analyzer Include="{protoGen.GeneratorAssembly}" />
                    <Reference Include="{protoGen.RuntimeAssembly}" />

                """);
        }

        text.Append("""
              </ItemGroup>
            </Project>

            """);
        return text.ToString();
    }

    /// <summary>Directory.Build.props: ProtoGen's props for the ProtoGen variant; for both, it stops the repository's own from applying.</summary>
    public static string DirectoryBuildProps(Variant variant, ProtoGenSnapshot protoGen) =>
        variant == Variant.GrpcTools
            ? "<Project>\n  <!-- Plain Grpc.Tools: no ProtoGen. Stops the repository's Directory.Build.props from applying. -->\n</Project>\n"
            : $"""
              <Project>
                <PropertyGroup>
                  <ProtoGenTaskAssembly>{protoGen.TaskAssembly}</ProtoGenTaskAssembly>
                </PropertyGroup>
                <Import Project="{protoGen.PropsFile}" />
              </Project>

              """;

    public static string DirectoryBuildTargets(Variant variant, ProtoGenSnapshot protoGen) =>
        variant == Variant.GrpcTools
            ? "<Project />\n"
            : $"""
              <Project>
                <Import Project="{protoGen.TargetsFile}" />
              </Project>

              """;

    public static string Source(int edit) => $$"""
        namespace BenchApp;

        /// <summary>Hand-written code that no proto touches: the bench's "edit 1 .cs" case rewrites this file.</summary>
        public static class Unrelated
        {
            public const int Edit = {{edit}};

            public static int Twice(int value) => value * 2;
        }

        """;

    /// <summary>The line the "touch 1 leaf proto" case appends: a content change, not only a new timestamp.</summary>
    public static string TouchLine(int edit) => $"// bench edit {edit}\n";

    private static string Xml(string text) => SecurityElement.Escape(text).Replace("--", "- -", System.StringComparison.Ordinal);

    /// <summary>Files at the root of the bench's work folder: they stop the repository's central packages and editorconfig from applying.</summary>
    public static (string Name, string Text)[] WorkRootFiles =>
    [
        ("Directory.Packages.props", "<Project>\n  <!-- Generated bench projects do not use the repository's central package management. -->\n</Project>\n"),
        (".editorconfig", "root = true\n"),
    ];

    /// <summary>All files of the project folder (relative path, text), protos included.</summary>
    public static (string Path, string Text)[] All(ProtoLayout layout, Variant variant, ProtoGenSnapshot protoGen) =>
    [
        (ProjectName + ".csproj", Project(layout, variant, protoGen)),
        ("Directory.Build.props", DirectoryBuildProps(variant, protoGen)),
        ("Directory.Build.targets", DirectoryBuildTargets(variant, protoGen)),
        (EditableSource, Source(0)),
        .. layout.Roots.SelectMany(root => root.Files.Select(file => (DiskPath(variant, root, file), file.Text))),
    ];
}
