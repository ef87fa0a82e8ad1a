namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// A per-resource bound (a borrowing or a lending limit); a resource left null is not bounded.
/// </summary>
public sealed class LimitSettings
{
    /// <summary>Whole GPUs; null: no bound. Default null.</summary>
    public int? Gpus { get; set; }

    /// <summary>CPUs, fractions allowed; null: no bound. Default null.</summary>
    public double? Cpus { get; set; }

    /// <summary>Memory in MB; null: no bound. Default null.</summary>
    public long? MemoryMb { get; set; }
}
