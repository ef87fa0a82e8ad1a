namespace Platform.Core.Cluster;

/// <summary>How the platform's processes are laid out (<c>Platform:Mode</c>).</summary>
public enum PlatformMode
{
    /// <summary>The default: one process with the silo, the gateway and an agent, state in SQLite.</summary>
    Embedded,

    /// <summary>Silos, gateways and agents as separate processes that find each other through Redis.</summary>
    Cluster,
}
