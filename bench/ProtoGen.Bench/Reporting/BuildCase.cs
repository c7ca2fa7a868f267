namespace ProtoGen.Bench.Reporting;

/// <summary>The builds measured for every layout and variant, in the order a run makes them.</summary>
internal enum BuildCase
{
    /// <summary>bin/ and obj/Debug/ deleted (restore's outputs kept), then a build.</summary>
    Clean,

    /// <summary>A build right after a build, nothing changed; timed without the binary log, profiled by a second no-op.</summary>
    NoOp,

    /// <summary>A build after a content change (a comment line) in the proto that no other proto imports.</summary>
    TouchLeaf,

    /// <summary>A build after a content change in a hand-written .cs file that no proto touches.</summary>
    EditSource,
}

internal static class BuildCaseNames
{
    public static BuildCase[] InRunOrder { get; } = [BuildCase.Clean, BuildCase.NoOp, BuildCase.TouchLeaf, BuildCase.EditSource];

    public static string Key(this BuildCase buildCase) => buildCase switch
    {
        BuildCase.Clean => "clean",
        BuildCase.NoOp => "noop",
        BuildCase.TouchLeaf => "touch1",
        _ => "editcs",
    };

    public static string Title(this BuildCase buildCase) => buildCase switch
    {
        BuildCase.Clean => "clean",
        BuildCase.NoOp => "no-op",
        BuildCase.TouchLeaf => "touch 1 leaf proto",
        _ => "edit 1 .cs",
    };
}
