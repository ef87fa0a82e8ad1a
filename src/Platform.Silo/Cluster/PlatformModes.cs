using Microsoft.Extensions.Configuration;
using Platform.Core.Cluster;

namespace Platform.Silo.Cluster;

public static class PlatformModes
{
    /// <summary>The mode <c>Platform:Mode</c> names; a value that names none stops start-up.</summary>
    public static PlatformMode Read(IConfiguration configuration) =>
        ClusterSettings.ParseMode(configuration[ClusterSettings.ModeKey])
        ?? throw new InvalidOperationException($"{ClusterSettings.ModeKey} is '{configuration[ClusterSettings.ModeKey]}': it must be embedded (the default) or cluster.");
}
