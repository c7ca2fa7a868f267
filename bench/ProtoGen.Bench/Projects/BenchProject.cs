using System;
using System.IO;
using System.Linq;
using System.Text;
using ProtoGen.Bench.Layouts;

namespace ProtoGen.Bench.Projects;

/// <summary>The C# that protoc generated for a project: its files under obj/ and their size.</summary>
internal sealed record GeneratedCode(int Files, long Bytes, long Lines);

/// <summary>One variant of a layout, written as a project folder, and the edits the bench makes to it.</summary>
internal sealed class BenchProject : IBenchBuild
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

    public void Clean() => CleanProject(Directory);

    public void TouchLeaf(int edit) => AppendTouchLine(LeafProto, edit);

    public void TouchMostImported(int edit) => AppendTouchLine(MostImportedProto, edit);

    public void EditSource(int edit) => WriteFile(Path.Combine(Directory, ProjectFiles.EditableSource), ProjectFiles.Source(edit));

    public GeneratedCode MeasureGeneratedCode() => MeasureGeneratedCode(Directory);

    /// <summary>Deletes a project folder's bin/ and obj/Debug/ (restore's outputs in obj/ stay).</summary>
    public static void CleanProject(string directory)
    {
        foreach (string path in new[] { Path.Combine(directory, "obj", "Debug"), Path.Combine(directory, "bin") })
        {
            if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
        }
    }

    /// <summary>A content change: the touch line with a counter appended to a proto.</summary>
    public static void AppendTouchLine(string proto, int edit) => File.AppendAllText(proto, ProjectFiles.TouchLine(edit), Utf8);

    /// <summary>
    /// protoc's C# outputs in one project folder: files in subfolders of obj/Debug/&lt;tfm&gt;/ (SDK-generated files sit at
    /// its top; ProtoGen's stage is skipped).
    /// </summary>
    public static GeneratedCode MeasureGeneratedCode(string directory)
    {
        string tfm = Path.Combine(directory, "obj", "Debug", "net10.0");
        var files = System.IO.Directory.Exists(tfm)
            ? System.IO.Directory.EnumerateDirectories(tfm)
                .Where(d => !string.Equals(Path.GetFileName(d), "protogen", StringComparison.Ordinal))
                .SelectMany(d => System.IO.Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
                .ToList()
            : [];
        return new GeneratedCode(files.Count, files.Sum(f => new FileInfo(f).Length), files.Sum(f => (long)File.ReadLines(f).Count()));
    }

    public static void WriteFile(string path, string text)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Utf8);
    }
}
