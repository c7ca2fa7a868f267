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
    public const string ServiceConfigFiles = nameof(ServiceConfigFiles);
    public const string ServiceConfig = nameof(ServiceConfig);
    public const string HasServiceConfig = nameof(HasServiceConfig);
    public const string ServiceConfigSource = nameof(ServiceConfigSource);
    public const string Registrations = nameof(Registrations);
    public const string RegistrationDiagnostics = nameof(RegistrationDiagnostics);
}
