using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;

namespace ProtoGen.IntegrationTests.Infrastructure;

/// <summary>The outcome of one <c>dotnet build</c> (or <c>dotnet exec</c>), read from its log.</summary>
/// <param name="Process">The <c>dotnet</c> process's result, from ProtoGen.Testing's runner.</param>
internal sealed record BuildResult(ProcessResult Process)
{
    public int ExitCode => Process.ExitCode;

    /// <summary>The whole output; English whatever the machine's language (<see cref="DotNet.PinnedEnvironment"/>).</summary>
    public string Output => Process.Output;

    /// <summary>Exited 0 within <see cref="DotNet.BuildTimeout"/>.</summary>
    public bool Succeeded => Process.Succeeded;

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

    /// <summary>The number of batched protoc runs ProtoGen made that generate code.</summary>
    public int BatchRuns => Lines.Count(l => Regex.IsMatch(l, @"^ProtoGen: protoc run \d+ of \d+ compiles "));

    /// <summary>The logical paths ProtoGen's check runs (protoc runs that generate nothing, when Grpc.Tools compiles) checked.</summary>
    public IReadOnlyList<string> Checked =>
        Lines.Select(l => Regex.Match(l, @"^ProtoGen: protoc run \d+ of \d+ checks \d+ proto\(s\): (?<files>.*)$"))
            .Where(m => m.Success)
            .SelectMany(m => m.Groups["files"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();

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

    private readonly TempDirectory _directory;

    /// <param name="name">A readable start of the temporary directory's name.</param>
    /// <param name="withProtoGen">
    /// False leaves ProtoGen out (empty Directory.Build.props and .targets, which also stop MSBuild looking further up):
    /// the same project built by plain Grpc.Tools, to compare ProtoGen's outputs with.
    /// </param>
    public TestProject(string name, bool withProtoGen = true)
    {
        _directory = new TempDirectory("protogen-tests", name);
        if (!withProtoGen)
        {
            Write("Directory.Build.props", "<Project />\n");
            Write("Directory.Build.targets", "<Project />\n");
            return;
        }

        Write("Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <ProtoGenTaskAssembly>{TaskAssembly}</ProtoGenTaskAssembly>
                <ProtoGenBreakingTaskAssembly>{BreakingTaskAssembly}</ProtoGenBreakingTaskAssembly>
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

    /// <summary>The task assembly built with these tests (a ProjectReference copies it beside them).</summary>
    public static string TaskAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "ProtoGen.Build.dll");

    /// <summary>The breaking-change check's task assembly built with these tests, its dependencies beside it.</summary>
    public static string BreakingTaskAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "ProtoGen.Breaking.dll");

    /// <summary>The source generator assembly built with these tests.</summary>
    public static string GeneratorAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "ProtoGen.Generators.dll");

    /// <summary>The wrappers' runtime support assembly built with these tests.</summary>
    public static string RuntimeAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "ProtoGen.Runtime.dll");

    /// <summary>The project directory.</summary>
    public string Directory => _directory.Path;

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
            {Repo.GrpcPackageReferences}
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

        <Analyzer Include="{GeneratorAssembly}" />
        <Reference Include="{RuntimeAssembly}" />
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
        _directory.Write(relativePath, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return this;
    }

    public string Read(string relativePath) => _directory.Read(relativePath);

    /// <summary>Runs the built program (<c>dotnet exec bin/Debug/net10.0/TestApp.dll</c>) and returns its exit code and output.</summary>
    public BuildResult Run() =>
        new(DotNet.Run(Directory, DotNet.BuildTimeout, "exec", Path.Combine(Directory, "bin", "Debug", "net10.0", ProjectName + ".dll")));

    /// <summary>
    /// Runs <c>dotnet build</c> (or another target) to its end, killed after <see cref="DotNet.BuildTimeout"/>, with
    /// <paramref name="environment"/> added to the pinned environment (a <see langword="null"/> value removes a variable).
    /// </summary>
    public BuildResult Build(string verbosity = "normal", string target = "Build", IEnumerable<KeyValuePair<string, string?>>? environment = null) =>
        new(StartBuild(verbosity, target, environment).WaitForExit(DotNet.BuildTimeout));

    /// <summary>Starts <c>dotnet build</c>; the handle can be interrupted (SIGINT, as Ctrl+C), killed or awaited.</summary>
    public ChildProcess StartBuild(string verbosity = "normal", string target = "Build", IEnumerable<KeyValuePair<string, string?>>? environment = null) =>
        DotNet.Start(Directory, BuildArguments(verbosity, target), environment);

    /// <summary>Runs <c>dotnet</c> in the project directory with <paramref name="arguments"/> (another project, <c>-graph</c>, …), killed after <see cref="DotNet.BuildTimeout"/>.</summary>
    public BuildResult DotnetCommand(params string[] arguments) =>
        new(DotNet.Run(Directory, DotNet.BuildTimeout, arguments));

    /// <summary>Scrubs the temporary directory, the NuGet cache and versions out of build output.</summary>
    public string Scrub(string text) =>
        text
            .Replace(Directory, "{ProjectDirectory}", StringComparison.Ordinal)
            .Replace(Repo.NuGetPackageRoot, "{NuGetPackageRoot}", StringComparison.Ordinal)
            .Replace("/" + Repo.GrpcVersion + "/", "/{GrpcVersion}/", StringComparison.Ordinal)
            .Replace(Regex.Match(text, @"/tools/([a-z]+_[a-z0-9]+)/").Groups[1].Value is { Length: > 0 } platform ? platform : "\0", "{platform}", StringComparison.Ordinal);

    public void Dispose() => _directory.Dispose();

    private string[] BuildArguments(string verbosity, string target) =>
        ["build", ProjectFile, "-nologo", "-nodeReuse:false", "-v:" + verbosity, "-clp:NoSummary", "-t:" + target];
}
