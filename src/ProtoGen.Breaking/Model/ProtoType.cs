namespace ProtoGen.Breaking.Model;

/// <summary>What messages and enums share: where they are declared, their names and their features.</summary>
internal abstract class ProtoType
{
    protected ProtoType(ProtoFile file, ProtoMessage? parent, string name, int[] path, ResolvedFeatures features)
    {
        File = file;
        Parent = parent;
        Name = name;
        Path = path;
        Features = features;
        NestedName = parent is null ? name : parent.NestedName + "." + name;
        FullName = file.Package.Length == 0 ? NestedName : file.Package + "." + NestedName;
    }

    public ProtoFile File { get; }

    /// <summary>The message the type is nested in, or null for a top-level type.</summary>
    public ProtoMessage? Parent { get; }

    public string Name { get; }

    /// <summary>The source path of the type (<c>[4, i]</c>, <c>[4, i, 3, j]</c>, <c>[5, i]</c>, …).</summary>
    public int[] Path { get; }

    public ResolvedFeatures Features { get; }

    /// <summary>The name within the package: <c>Outer.Inner</c>.</summary>
    public string NestedName { get; }

    /// <summary>The package-qualified name: <c>acme.v1.Outer.Inner</c>.</summary>
    public string FullName { get; }

    /// <summary>Memo of the type's full C# name (<see cref="Rules.CSharpNaming"/>).</summary>
    public string? CSharpName { get; set; }

    public override string ToString() => FullName;
}
