namespace Platform.Contracts.Nodes;

/// <summary>One physical GPU (key: "{node}/{index}"). The scheduler decides; the slot records and reports.</summary>
public interface IGpuSlotGrain : IGrainWithStringKey
{
    Task HoldAsync(GpuHolder holder);

    /// <summary>Frees the slot if this job still holds it.</summary>
    Task ReleaseAsync(string jobId);

    Task<GpuHolder?> GetHolderAsync();
}

public static class GpuSlotKey
{
    public static string Of(string nodeId, int index) => $"{nodeId}/{index}";
}
