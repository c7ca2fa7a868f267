using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ProtoGen.IntegrationTests.Infrastructure;

/// <summary>The outcome of one <c>dotnet build</c>.</summary>
internal sealed record BuildResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The protoc command lines Grpc.Tools ran (shown at normal verbosity).</summary>
    public IReadOnlyList<string> ProtocCommands =>
        Lines.Where(l => Regex.IsMatch(l, @"^\S*protoc(\.exe)? --csharp_out=")).ToList();

    /// <summary>The logical paths ProtoGen's batched protoc runs compiled, in the order logged.</summary>
    public IReadOnlyList<string> BatchCompiled =>
        Lines.Select(l => Regex.Match(l, @"^ProtoGen: protoc run \d+ of \d+ compiles \d+ proto\(s\): (?<files>.*)$"))
            .Where(m => m.Success)
            .SelectMany(m => m.Groups["files"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();

    /// <summary>The command lines of ProtoGen's batched protoc runs.</summary>
    public IReadOnlyList<string> BatchCommands =>
        Lines.Where(l => l.StartsWith("ProtoGen: protoc command: ", StringComparison.Ordinal)).Select(l => l["ProtoGen: protoc command: ".Length..]).ToList();

    /// <summary>The number of batched protoc runs ProtoGen made.</summary>
    public int BatchRuns => Lines.Count(l => l.StartsWith("ProtoGen: protoc run ", StringComparison.Ordinal));

    /// <summary>Lines of errors and warnings, without MSBuild's repetition in the summary.</summary>
    public IReadOnlyList<string> Diagnostics =>
        Lines.Where(l => Regex.IsMatch(l, @": (error|warning) [A-Z]+\d+")).Distinct().ToList();

    /// <summary>Output lines, trimmed, without MSBuild's node prefix (<c>1&gt;</c>).</summary>
    private IEnumerable<string> Lines =>
        Output.Split('\n').Select(l => Regex.Replace(l.Trim(), @"^\d+>", string.Empty));
}

/// <summary>
/// A real project in a temporary directory that uses this repository's ProtoGen (its build/ props and targets
/// and the task assembly built with the tests), built with <c>dotnet build</c>.
/// </summary>
internal sealed class TestProject : IDisposable
{
    private const string ProjectName = "TestApp";

    public TestProject(string name)
    {
        Directory = Path.Combine(Path.GetTempPath(), "protogen-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);
        Write("Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <ProtoGenTaskAssembly>{Repo.TaskAssembly}</ProtoGenTaskAssembly>
              </PropertyGroup>
              <Import Project="{Path.Combine(Repo.BuildDirectory, "ProtoGen.props")}" />
            </Project>
            """);
        Write("Directory.Build.targets", $"""
            <Project>
              <Import Project="{Path.Combine(Repo.BuildDirectory, "ProtoGen.targets")}" />
            </Project>
            """);
    }

    /// <summary>The project directory.</summary>
    public string Directory { get; }

    public string ProjectFile => Path.Combine(Directory, ProjectName + ".csproj");

    public string IntermediateDirectory => Path.Combine(Directory, "obj", "Debug", "net10.0");

    /// <summary>Writes the project file with the given items inside one ItemGroup.</summary>
    public TestProject WithProject(string items, string properties = "")
    {
        Write(ProjectName + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EnableDefaultCompileItems>true</EnableDefaultCompileItems>
            {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Grpc.Tools" Version="{Repo.GrpcVersion}" PrivateAssets="all" />
                <PackageReference Include="Google.Protobuf" Version="3.36.2" />
                <PackageReference Include="Grpc.Core.Api" Version="{Repo.GrpcVersion}" />
              </ItemGroup>
              <ItemGroup>
            {items}
              </ItemGroup>
            </Project>
            """);
        return this;
    }

    /// <summary>The items that add ProtoGen's client wrapper generator and its runtime to a project.</summary>
    public static string WrapperReferences => $"""

        <Analyzer Include="{Repo.GeneratorAssembly}" />
        <Reference Include="{Repo.RuntimeAssembly}" />
        """;

    /// <summary>Copies a fixture folder of <c>protos/</c> into the project at <paramref name="target"/>.</summary>
    public TestProject CopyProtos(string source, string target)
    {
        string from = Path.Combine(Repo.Protos, source);
        foreach (string file in System.IO.Directory.EnumerateFiles(from, "*.proto", SearchOption.AllDirectories))
        {
            string destination = Path.Combine(Directory, target, Path.GetRelativePath(from, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }

        return this;
    }

    public TestProject Write(string relativePath, string text)
    {
        string path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal), new UTF8Encoding(false));
        return this;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary>Runs the built program (<c>dotnet exec bin/Debug/net10.0/TestApp.dll</c>) and returns its exit code and output.</summary>
    public BuildResult Run() =>
        Execute("exec", Path.Combine(Directory, "bin", "Debug", "net10.0", ProjectName + ".dll"));

    /// <summary>Runs <c>dotnet build</c> (or another target) and returns its exit code and output.</summary>
    public BuildResult Build(string verbosity = "normal", string target = "Build") =>
        Execute("build", ProjectFile, "-nologo", "-nodeReuse:false", "-v:" + verbosity, "-clp:NoSummary", "-t:" + target);

    private BuildResult Execute(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using Process process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.Append(e.Data).Append('\n'); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.Append(e.Data).Append('\n'); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return new BuildResult(process.ExitCode, output.ToString());
    }

    /// <summary>Scrubs the temporary directory, the NuGet cache and versions out of build output.</summary>
    public string Scrub(string text)
    {
        string nugetRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return text
            .Replace(Directory, "{ProjectDirectory}", StringComparison.Ordinal)
            .Replace(nugetRoot.TrimEnd('/'), "{NuGetPackageRoot}", StringComparison.Ordinal)
            .Replace("/" + Repo.GrpcVersion + "/", "/{GrpcVersion}/", StringComparison.Ordinal)
            .Replace(Regex.Match(text, @"/tools/([a-z]+_[a-z0-9]+)/").Groups[1].Value is { Length: > 0 } platform ? platform : "\0", "{platform}", StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("PROTOGEN_KEEP_TEST_PROJECTS") is not ("1" or "true"))
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the temp folder is cleaned by the OS.
            }
        }
    }
}
