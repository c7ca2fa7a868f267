namespace ProtoGen.Runtime;

/// <summary>
/// Where a client wrapper reads its defaults when a call starts. A <see cref="GrpcCallDefaults"/> is its own
/// source (fixed defaults); ProtoGen.Runtime.ClientFactory's source follows <c>IOptionsMonitor</c>, so
/// configuration reloads apply to the calls that start after the change.
/// </summary>
public abstract class GrpcCallDefaultsSource
{
    /// <summary>The defaults in effect now.</summary>
    public abstract GrpcCallDefaults Current { get; }
}
