using System.Collections.Generic;
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
        !variant.HasProtoGen() && !root.IsVendored ? "protos/" + root.LogicalPath(file) : root.Folder + "/" + file.Path;

    public static string Project(ProtoLayout layout, Variant variant, ProtoGenSnapshot protoGen)
    {
        var text = new StringBuilder(Header($"{layout.Description}: {variant.Title()}", variant));
        if (!variant.HasProtoGen())
        {
            // Plain Grpc.Tools searches only an item's own root: every root is repeated in every item's AdditionalImportDirs,
            // the wiring a Grpc.Tools user writes by hand for vendored trees that import each other.
            string[] folders = [.. layout.Roots.Where(r => r.IsVendored).Select(r => r.Folder), .. layout.Roots.Any(r => !r.IsVendored) ? ["protos"] : (string[])[]];
            foreach (string folder in folders)
            {
                text.Append(Protobuf(folder, importPrefix: null, folders.Length > 1 ? folders : []));
            }
        }
        else
        {
            foreach (ProtoRoot root in layout.Roots)
            {
                text.Append(Protobuf(root.Folder, root.IsVendored ? null : root.ImportPrefix, []));
            }

            text.Append(NamespaceRules(layout.NamespaceRules)).Append(ClientWrapperAssemblies(protoGen));
        }

        return text.Append(Footer).ToString();
    }

    /// <summary>A project's first lines up to its open item group: target framework, wrappers for ProtoGen, the packages.</summary>
    public static string Header(string description, Variant variant)
    {
        string wrappers = variant.HasProtoGen()
            ? """
                  <ProtoGenClientWrappers>true</ProtoGenClientWrappers>
                  <ProtoGenDefaultTimeout>30s</ProtoGenDefaultTimeout>

              """
            : string.Empty;
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- {Xml(description)}. Written by ProtoGen.Bench. -->
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
            {wrappers}  </PropertyGroup>
              <ItemGroup>
            {Repo.GrpcPackageReferences}
              </ItemGroup>
              <ItemGroup>

            """;
    }

    /// <summary>The close of <see cref="Header"/>.</summary>
    public const string Footer = """
          </ItemGroup>
        </Project>

        """;

    /// <summary>A <c>Protobuf</c> item of every proto under <paramref name="folder"/>.</summary>
    public static string Protobuf(string folder, string? importPrefix, IReadOnlyCollection<string> importDirs)
    {
        string prefix = importPrefix is null ? string.Empty : $" ImportPrefix=\"{importPrefix}\"";
        string dirs = importDirs.Count == 0 ? string.Empty : $" AdditionalImportDirs=\"{string.Join(";", importDirs)}\"";
        return $"""
                <Protobuf Include="{folder}/**/*.proto" ProtoRoot="{folder}"{prefix}{dirs} />

            """;
    }

    public static string NamespaceRules(IEnumerable<NamespaceRule> rules) => string.Concat(rules.Select(rule => $"""
            <ProtoNamespace Include="{rule.Prefix}" Namespace="{rule.Namespace}" />

        """));

    public static string ClientWrapperAssemblies(ProtoGenSnapshot protoGen) => $"""
            <!-- The client wrapper generator and its runtime, as the package brings them. -->
            <Analyzer Include="{protoGen.GeneratorAssembly}" />
            <Reference Include="{protoGen.RuntimeAssembly}" />

        """;

    /// <summary>Directory.Build.props: ProtoGen's props for the ProtoGen variant; for both, it stops the repository's own from applying.</summary>
    public static string DirectoryBuildProps(Variant variant, ProtoGenSnapshot protoGen) =>
        !variant.HasProtoGen()
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
        !variant.HasProtoGen()
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
