using System;
using System.IO;
using System.Linq;
using System.Text;
using ProtoGen.Bench.Layouts;

namespace ProtoGen.Bench.Projects;

/// <summary>The C# that protoc generated for a project: its files under obj/ and their size.</summary>
internal sealed record GeneratedCode(int Files, long Bytes, long Lines);

/// <summary>One variant of a layout, written as a project folder, and the edits the bench makes to it.</summary>
internal sealed class BenchProject
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private BenchProject(Variant variant, string directory, string leafProto, string mostImportedProto)
    {
        Variant = variant;
        Directory = directory;
        LeafProto = leafProto;
        MostImportedProto = mostImportedProto;
    }

    public Variant Variant { get; }

    public string Directory { get; }

    public string ProjectFile => Path.Combine(Directory, ProjectFiles.ProjectName + ".csproj");

    /// <summary>The proto that no other imports, on disk.</summary>
    public string LeafProto { get; }

    /// <summary>The proto the most others import, on disk.</summary>
    public string MostImportedProto { get; }

    /// <summary>The intermediate folder of the Debug build (Grpc.Tools' outputs, ProtoGen's stage).</summary>
    public string IntermediateDirectory => Path.Combine(Directory, "obj", "Debug");

    /// <summary>Writes the project folder afresh.</summary>
    public static BenchProject Write(ProtoLayout layout, Variant variant, string directory, ProtoGenSnapshot protoGen)
    {
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        foreach ((string path, string text) in ProjectFiles.All(layout, variant, protoGen))
        {
            WriteFile(Path.Combine(directory, path), text);
        }

        string OnDisk(string logicalPath)
        {
            (ProtoRoot root, ProtoFile file, _) = layout.Files.Single(f => f.LogicalPath == logicalPath);
            return Path.Combine(directory, ProjectFiles.DiskPath(variant, root, file));
        }

        return new BenchProject(variant, directory, OnDisk(layout.LeafLogicalPath), OnDisk(layout.MostImportedLogicalPath));
    }

    /// <summary>A clean build's starting point: no bin/ and no obj/Debug/; restore's outputs in obj/ stay.</summary>
    public void Clean()
    {
        foreach (string path in new[] { IntermediateDirectory, Path.Combine(Directory, "bin") })
        {
            if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
        }
    }

    /// <summary>Changes the leaf proto's content (a comment line with a counter).</summary>
    public void TouchLeaf(int edit) => File.AppendAllText(LeafProto, ProjectFiles.TouchLine(edit), Utf8);

    /// <summary>Changes the most imported proto's content (a comment line with a counter): every importer is out of date.</summary>
    public void TouchMostImported(int edit) => File.AppendAllText(MostImportedProto, ProjectFiles.TouchLine(edit), Utf8);

    /// <summary>Changes the hand-written source file's content.</summary>
    public void EditSource(int edit) => WriteFile(Path.Combine(Directory, ProjectFiles.EditableSource), ProjectFiles.Source(edit));

    /// <summary>protoc's C# outputs: files in subfolders of obj/Debug/&lt;tfm&gt;/ (SDK-generated files sit at its top; ProtoGen's stage is skipped).</summary>
    public GeneratedCode MeasureGeneratedCode()
    {
        string tfm = Path.Combine(IntermediateDirectory, "net10.0");
        var files = System.IO.Directory.Exists(tfm)
            ? System.IO.Directory.EnumerateDirectories(tfm)
                .Where(d => !string.Equals(Path.GetFileName(d), "protogen", StringComparison.Ordinal))
                .SelectMany(d => System.IO.Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
                .ToList()
            : [];
        return new GeneratedCode(files.Count, files.Sum(f => new FileInfo(f).Length), files.Sum(f => (long)File.ReadLines(f).Count()));
    }

    private static void WriteFile(string path, string text)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Utf8);
    }
}
