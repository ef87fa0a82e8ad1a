namespace Platform.Contracts.Nodes;

/// <summary>Where each kind of volume lives under a node's volumes root.</summary>
public static class VolumeKeys
{
    /// <summary>A job volume: one directory per job and volume name, shared by all its tasks and attempts.</summary>
    public static string ForJob(string jobId, string name) => $"jobs/{jobId}/{name}";

    /// <summary>A user's notebook work directory: every notebook of that user mounts it, so it outlives each one.</summary>
    public static string ForNotebookWork(string user) => $"notebooks/{user}/work";
}
