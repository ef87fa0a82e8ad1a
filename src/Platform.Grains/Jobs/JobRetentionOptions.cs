using Platform.Core.Settings;

namespace Platform.Grains.Jobs;

/// <summary>The <c>Platform:Jobs</c> section: how long finished jobs and their logs are kept.</summary>
public sealed class JobRetentionOptions : ICheckedSettings
{
    public const string Section = "Platform:Jobs";

    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(30);

    public static readonly TimeSpan DefaultPruneInterval = TimeSpan.FromHours(1);

    /// <summary>A finished job, its logs and metrics are removed this long after it finished; zero keeps them forever.</summary>
    public TimeSpan Retention { get; set; } = DefaultRetention;

    /// <summary>How often finished jobs are looked for (1 second to 1 day).</summary>
    public TimeSpan PruneInterval { get; set; } = DefaultPruneInterval;

    public IReadOnlyList<string> Problems() =>
    [
        .. Retention < TimeSpan.Zero ? [$"{Section}:Retention must be zero (keep forever) or positive; it is {Retention}."] : Array.Empty<string>(),
        .. PruneInterval < TimeSpan.FromSeconds(1) || PruneInterval > TimeSpan.FromDays(1)
            ? [$"{Section}:PruneInterval must be between 00:00:01 and 1.00:00:00; it is {PruneInterval}."] : Array.Empty<string>(),
    ];
}
