namespace Platform.Contracts.Jobs;

/// <summary>Prunes finished jobs past their retention, with their logs (single activation, key <see cref="Key"/>).</summary>
public interface IJobRetentionGrain : IGrainWithStringKey
{
    public const string Key = "default";

    /// <summary>Starts the periodic pruning (at silo start); idempotent.</summary>
    Task StartAsync();

    /// <summary>Prunes every job finished longer ago than the retention now; answers how many.</summary>
    Task<int> PruneAsync();
}
