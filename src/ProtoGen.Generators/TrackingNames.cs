namespace ProtoGen.Generators;

/// <summary>Names of the incremental pipeline steps, for <c>WithTrackingName</c> and the cache tests.</summary>
internal static class TrackingNames
{
    public const string Clients = nameof(Clients);
    public const string ManifestFiles = nameof(ManifestFiles);
    public const string ManifestEntries = nameof(ManifestEntries);
    public const string GlobalSettings = nameof(GlobalSettings);
    public const string CompilationFeatures = nameof(CompilationFeatures);
    public const string WrapperResults = nameof(WrapperResults);
    public const string WrapperSpecs = nameof(WrapperSpecs);
    public const string WrapperDiagnostics = nameof(WrapperDiagnostics);
    public const string ManifestDiagnostics = nameof(ManifestDiagnostics);
}
