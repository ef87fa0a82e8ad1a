using Platform.Contracts.Notebooks;

namespace Platform.Grains.Notebooks;

[GenerateSerializer, Alias("platform.NotebookGrainState")]
public sealed class NotebookGrainState
{
    [Id(0)] public NotebookStart? Start { get; set; }
    /// <summary>The Jupyter token: given to the container and the proxy, shown nowhere.</summary>
    [Id(1)] public string Token { get; set; } = "";
    [Id(2)] public NotebookState State { get; set; }
    [Id(3)] public string? Reason { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public string? Node { get; set; }
    [Id(6)] public string? Host { get; set; }
    [Id(7)] public int? Port { get; set; }
    [Id(8)] public List<string> Gpus { get; set; } = [];
    /// <summary>The container Jupyter runs in; a new one means Jupyter must answer again.</summary>
    [Id(9)] public string? ContainerId { get; set; }
    /// <summary>When the container was seen running: the readiness timeout counts from here.</summary>
    [Id(10)] public DateTimeOffset? RunningSince { get; set; }
    [Id(11)] public DateTimeOffset? ReadyAt { get; set; }
    [Id(12)] public DateTimeOffset? LastActivity { get; set; }
    [Id(13)] public DateTimeOffset? FinishedAt { get; set; }
}
