using System;
using System.IO;
using ProtoGen.Testing.Processes;

namespace ProtoGen.Bench.Projects;

/// <summary>
/// A copy of the repository's ProtoGen (build/ props and targets, the task, generator and runtime assemblies built
/// with the bench) taken when the bench starts, so that every build of one bench run measures the same ProtoGen
/// even while the repository changes.
/// </summary>
internal sealed record ProtoGenSnapshot(
    string PropsFile,
    string TargetsFile,
    string TaskAssembly,
    string GeneratorAssembly,
    string RuntimeAssembly,
    string Commit,
    bool Dirty)
{
    public static ProtoGenSnapshot Take(string repoRoot, string buildDirectory, string builtAssemblies, string destination)
    {
        if (Directory.Exists(destination))
        {
            Directory.Delete(destination, recursive: true);
        }

        string build = Path.Combine(destination, "build");
        CopyDirectory(buildDirectory, build);
        string task = Copy(builtAssemblies, "ProtoGen.Build", Path.Combine(destination, "tasks"));
        string generator = Copy(builtAssemblies, "ProtoGen.Generators", Path.Combine(destination, "analyzers"));
        string runtime = Copy(builtAssemblies, "ProtoGen.Runtime", Path.Combine(destination, "lib"));
        string commit = Git(repoRoot, "log", "-1", "--format=%h") ?? "unknown";
        bool dirty = Git(repoRoot, "status", "--porcelain", "--", "build", "src") is { Length: > 0 };
        return new ProtoGenSnapshot(
            Path.Combine(build, "ProtoGen.props"),
            Path.Combine(build, "ProtoGen.targets"),
            task,
            generator,
            runtime,
            commit,
            dirty);
    }

    /// <summary>The commit, marked when build/ or src/ had uncommitted changes.</summary>
    public string Version => Dirty ? Commit + " + uncommitted changes in build/ or src/" : Commit;

    private static string Copy(string from, string assemblyName, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string extension in new[] { ".dll", ".pdb" })
        {
            string source = Path.Combine(from, assemblyName + extension);
            if (File.Exists(source))
            {
                File.Copy(source, Path.Combine(to, assemblyName + extension), overwrite: true);
            }
        }

        string assembly = Path.Combine(to, assemblyName + ".dll");
        return File.Exists(assembly) ? assembly : throw new FileNotFoundException($"{assemblyName}.dll was not built beside the bench.", assembly);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static string? Git(string repoRoot, params string[] arguments)
    {
        try
        {
            ProcessResult git = ChildProcess.Run(new ProcessSpec("git", ["-C", repoRoot, .. arguments]), TimeSpan.FromMinutes(1));
            return git.Succeeded ? git.StandardOutput.Trim() : null;
        }
        catch (InvalidOperationException)
        {
            return null;    // no git on the machine
        }
    }
}
