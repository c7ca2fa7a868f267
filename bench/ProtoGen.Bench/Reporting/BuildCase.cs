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

    /// <summary>
    /// The IDE's design-time build (<c>-t:Compile;CoreCompile</c>, <c>DesignTimeBuild</c>, <c>SkipCompilerExecution</c>,
    /// <c>ProvideCommandLineArgs</c>) of a project with nothing built yet: bin/ and obj/Debug/ deleted, as when a
    /// solution is first opened.
    /// </summary>
    DesignTimeCold,

    /// <summary>A design-time build right after one, nothing changed; timed without the binary log, as <see cref="NoOp"/>.</summary>
    DesignTimeNoOp,

    /// <summary>
    /// A design-time build after a content change in the proto the most others import, as when one edits a shared proto
    /// in the IDE: every importer is out of date.
    /// </summary>
    DesignTimeEdit,
}

internal static class BuildCaseNames
{
    public static BuildCase[] InRunOrder { get; } =
        [BuildCase.Clean, BuildCase.NoOp, BuildCase.TouchLeaf, BuildCase.EditSource, BuildCase.DesignTimeCold, BuildCase.DesignTimeNoOp, BuildCase.DesignTimeEdit];

    /// <summary>The IDE's design-time builds.</summary>
    public static bool IsDesignTime(this BuildCase buildCase) => buildCase is BuildCase.DesignTimeCold or BuildCase.DesignTimeNoOp or BuildCase.DesignTimeEdit;

    public static string Key(this BuildCase buildCase) => buildCase switch
    {
        BuildCase.Clean => "clean",
        BuildCase.NoOp => "noop",
        BuildCase.TouchLeaf => "touch1",
        BuildCase.EditSource => "editcs",
        BuildCase.DesignTimeCold => "dtb_cold",
        BuildCase.DesignTimeNoOp => "dtb_noop",
        _ => "dtb_edit",
    };

    public static string Title(this BuildCase buildCase) => buildCase switch
    {
        BuildCase.Clean => "clean",
        BuildCase.NoOp => "no-op",
        BuildCase.TouchLeaf => "touch 1 leaf proto",
        BuildCase.EditSource => "edit 1 .cs",
        BuildCase.DesignTimeCold => "design-time, nothing built",
        BuildCase.DesignTimeNoOp => "design-time no-op",
        _ => "design-time after editing the most imported proto",
    };
}
