namespace Platform.Core.Scheduling.Policy;

/// <summary>The resources a quota counts.</summary>
public enum PolicyResource
{
    /// <summary>Whole GPUs.</summary>
    Gpus,

    /// <summary>CPUs, counted in thousandths.</summary>
    Cpus,

    /// <summary>Memory in MB.</summary>
    MemoryMb,
}
