namespace Platform.Contracts.Nodes;

/// <summary>One physical GPU (key: "{node}/{index}"). The scheduler decides; the slot records and reports.</summary>
public interface IGpuSlotGrain : IGrainWithStringKey
{
    Task HoldAsync(GpuHolder holder);

    /// <summary>Frees the slot if this job still holds it.</summary>
    Task ReleaseAsync(string jobId);

    Task<GpuHolder?> GetHolderAsync();

    /// <summary>Keeps the GPU's latest utilisation, as its node's agent read it (in memory: it is only ever recent).</summary>
    Task RecordUtilisationAsync(GpuUtilisation utilisation);

    /// <summary>The latest utilisation read, or null when none has been (fake GPUs, no nvidia-smi).</summary>
    Task<GpuUtilisation?> GetUtilisationAsync();
}

public static class GpuSlotKey
{
    public static string Of(string nodeId, int index) => $"{nodeId}/{index}";
}
