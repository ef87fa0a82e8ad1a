namespace Platform.Contracts.Notebooks;

/// <summary>
/// A notebook as REST and SignalR show it (API.md). It never carries the Jupyter token: that stays
/// in the control plane and the gateway's proxy (<see cref="NotebookRoute"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("platform.NotebookView")]
public sealed record NotebookView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public NotebookState State { get; init; }
    /// <summary>Why it is Pending, Stopped, Culled or Failed.</summary>
    [Id(2)] public string? Reason { get; init; }
    /// <summary>The proxied address <c>/notebooks/{id}/</c> (made absolute on the notebook's own origin by the gateway when <c>Platform:Notebooks:OriginDomain</c> is set), only while Ready.</summary>
    [Id(3)] public string? Url { get; init; }
    [Id(4)] public string? Node { get; init; }
    /// <summary>The GPUs it holds (ids), empty once it has ended.</summary>
    [Id(5)] public IReadOnlyList<string> Gpus { get; init; } = [];
    /// <summary>The last sign of use: a proxied request, a busy kernel or a busy GPU (or when it became Ready).</summary>
    [Id(6)] public DateTimeOffset? LastActivity { get; init; }
    [Id(7)] public DateTimeOffset CreatedAt { get; init; }
    [Id(8)] public string Image { get; init; } = "";
    [Id(9)] public int IdleTimeoutMinutes { get; init; }
    /// <summary>The user who started it: its owner, the only one who reaches its Jupyter.</summary>
    [Id(10)] public string? User { get; init; }
}
