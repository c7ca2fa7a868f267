namespace ProtoGen.Bench.Projects;

/// <summary>What the bench builds for one variant of a layout (one project, or a library per team and an app), and the edits it makes.</summary>
internal interface IBenchBuild
{
    Variant Variant { get; }

    /// <summary>The project <c>dotnet restore</c> and <c>dotnet build</c> are given: the project, or the app that references every library.</summary>
    string ProjectFile { get; }

    /// <summary>A clean build's starting point: no bin/ and no obj/Debug/ in any project; restore's outputs in obj/ stay.</summary>
    void Clean();

    /// <summary>Changes the leaf proto's content (a comment line with a counter).</summary>
    void TouchLeaf(int edit);

    /// <summary>Changes the most imported proto's content (a comment line with a counter): every importer is out of date.</summary>
    void TouchMostImported(int edit);

    /// <summary>Changes the hand-written source file's content (the app's, when split).</summary>
    void EditSource(int edit);

    /// <summary>protoc's C# outputs, over every project.</summary>
    GeneratedCode MeasureGeneratedCode();
}
