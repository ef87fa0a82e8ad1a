using Platform.Contracts.Nodes;

namespace Platform.Contracts.Jobs;

/// <summary>
/// A job the platform runs for one of its own features (a notebook) rather than for a user's spec:
/// it is not listed by <c>GET /api/jobs</c>, its owner hears of every change, and its tasks get
/// <see cref="SecretEnv"/>, which no view, event or log shows.
/// </summary>
[GenerateSerializer, Immutable, Alias("platform.JobOwner")]
public sealed record JobOwner
{
    /// <summary>The notebook the job runs.</summary>
    [Id(0)] public required string NotebookId { get; init; }
    /// <summary>Variables for the task's environment that must never be shown (the Jupyter token).</summary>
    [Id(1)] public IReadOnlyDictionary<string, string> SecretEnv { get; init; } = new Dictionary<string, string>();
    /// <summary>Volumes the task mounts besides the spec's (the notebook user's work directory).</summary>
    [Id(2)] public IReadOnlyList<VolumeMount> Volumes { get; init; } = [];

    /// <summary>Keeps the secrets out of any accidental ToString (logs, exception messages).</summary>
    public override string ToString() => $"JobOwner {{ NotebookId = {NotebookId} }}";
}
