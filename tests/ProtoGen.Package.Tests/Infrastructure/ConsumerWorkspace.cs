using System;
using System.IO;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
using DotNetCli = ProtoGen.Testing.Processes.DotNet;

namespace ProtoGen.Package.Tests.Infrastructure;

/// <summary>
/// A folder outside the repository (its path contains spaces) where fresh projects consume ProtoGen as a package:
/// a nuget.config whose only source of ProtoGen is the test feed (package source mapping), and empty
/// Directory.Build.props/targets and Directory.Packages.props so nothing above the folder is imported.
/// </summary>
internal sealed class ConsumerWorkspace : IDisposable
{
    private readonly TempDirectory _directory;

    public ConsumerWorkspace(string name)
    {
        Feed = PackageFeed.Instance;
        _directory = new TempDirectory("protogen package tests", name);
        WriteNuGetConfig(string.Empty, string.Empty);
        Write("Directory.Build.props", "<Project>\n  <!-- Stops the import of any Directory.Build.props above this folder. -->\n</Project>\n");
        Write("Directory.Build.targets", "<Project>\n  <!-- Stops the import of any Directory.Build.targets above this folder. -->\n</Project>\n");
        Write("Directory.Packages.props", "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");
        File.Copy(System.IO.Path.Combine(Repo.Root, "global.json"), Path("global.json"));
    }

    public PackageFeed Feed { get; }

    /// <summary>The workspace folder; projects sit in subfolders.</summary>
    public string Root => _directory.Path;

    /// <summary>The PackageReference items every consumer has: ProtoGen from the feed, Google.Protobuf as with Grpc.Tools.</summary>
    public string ProtoGenReferences => $"""
            <PackageReference Include="ProtoGen" Version="{Feed.Version}" />
            <PackageReference Include="Google.Protobuf" Version="{Repo.GoogleProtobufVersion}" />
        """;

    public string Path(string relativePath) => _directory[relativePath];

    public bool Exists(string relativePath) => _directory.Exists(relativePath);

    public ConsumerWorkspace Write(string relativePath, string text)
    {
        _directory.Write(relativePath, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return this;
    }

    /// <summary>Runs <c>dotnet</c> in a folder of the workspace, through ProtoGen.Testing's runner (killed after <see cref="DotNetCli.BuildTimeout"/>).</summary>
    public ProcessResult DotNet(string relativeDirectory, params string[] arguments) =>
        DotNetCli.Run(Path(relativeDirectory), DotNetCli.BuildTimeout, arguments);

    /// <summary><c>dotnet build</c> of the project in a folder, at minimal verbosity, without the terminal logger.</summary>
    public ProcessResult Build(string relativeDirectory, params string[] extraArguments) =>
        DotNet(relativeDirectory, ["build", "-nodeReuse:false", "-tl:off", "-v:minimal", .. extraArguments]);

    /// <summary>Adds a folder of the workspace as a second local feed, the only source of packages matching <paramref name="pattern"/> (libraries the tests pack).</summary>
    public ConsumerWorkspace WithLocalFeed(string relativeFolder, string pattern)
    {
        System.IO.Directory.CreateDirectory(Path(relativeFolder));
        WriteNuGetConfig(
            $"""<add key="workspace-feed" value="{Path(relativeFolder)}" />""",
            $"""
                <packageSource key="workspace-feed">
                  <package pattern="{pattern}" />
                </packageSource>
            """);
        return this;
    }

    public void Dispose() => _directory.Dispose();

    private void WriteNuGetConfig(string source, string mapping) =>
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="protogen-test-feed" value="{Feed.Directory}" />
                {source}
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="protogen-test-feed">
                  <package pattern="ProtoGen" />
                  <package pattern="ProtoGen.*" />
                </packageSource>
            {mapping}
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
}
