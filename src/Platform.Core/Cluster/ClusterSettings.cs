namespace Platform.Core.Cluster;

/// <summary>
/// The <c>Platform:Cluster</c> section: where the processes of a cluster keep what they share.
/// Read only when <c>Platform:Mode</c> is <c>cluster</c>.
/// </summary>
public sealed class ClusterSettings
{
    public const string Section = "Platform:Cluster";

    /// <summary>The key that chooses the mode: <c>embedded</c> (the default) or <c>cluster</c>.</summary>
    public const string ModeKey = "Platform:Mode";

    /// <summary>The Orleans service id of every platform, whatever its cluster id.</summary>
    public const string ServiceId = "platform";

    public const string DefaultClusterId = "platform";

    /// <summary>The Orleans cluster id; silos and clients of one cluster must agree on it.</summary>
    public string ClusterId { get; set; } = DefaultClusterId;

    /// <summary>A StackExchange.Redis configuration string (membership, grain state, reminders, the Data Protection key ring).</summary>
    public string? Redis { get; set; }

    /// <summary>Optional PEM of the CA that signed Redis's TLS certificate, trusted for the Redis connection only.</summary>
    public string? RedisCaCertificatePath { get; set; }

    /// <summary>An Npgsql connection string: logs, metrics, events and the job index (silos only).</summary>
    public string? Postgres { get; set; }

    /// <summary>The mode a <c>Platform:Mode</c> value names; null for a value that names none.</summary>
    public static PlatformMode? ParseMode(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "embedded" => PlatformMode.Embedded,
        "cluster" => PlatformMode.Cluster,
        _ => null,
    };

    /// <summary>What a silo lacks to start: <see cref="Problems"/> and the PostgreSQL database only silos open.</summary>
    public IReadOnlyList<string> SiloProblems() => string.IsNullOrWhiteSpace(Postgres)
        ? [.. Problems(), $"{Section}:{nameof(Postgres)} must name the cluster's PostgreSQL database (an Npgsql connection string such as Host=127.0.0.3;Username=platform;Password=...;Database=platform) on a silo in cluster mode."]
        : Problems();

    /// <summary>What a process of a cluster lacks to start, each naming its key; empty when nothing.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Redis))
        {
            problems.Add($"{Section}:{nameof(Redis)} must name the cluster's Redis (a StackExchange.Redis configuration string such as 127.0.0.2:6379,password=...,ssl=true) in cluster mode.");
        }

        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            problems.Add($"{Section}:{nameof(ClusterId)} must not be empty (default {DefaultClusterId}).");
        }

        if (!string.IsNullOrWhiteSpace(RedisCaCertificatePath) && !File.Exists(RedisCaCertificatePath))
        {
            problems.Add($"{Section}:{nameof(RedisCaCertificatePath)} names {RedisCaCertificatePath}, which does not exist; it must name the PEM of the CA that signed Redis's certificate.");
        }

        return problems;
    }
}
