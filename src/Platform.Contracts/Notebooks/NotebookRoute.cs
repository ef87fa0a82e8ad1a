namespace Platform.Contracts.Notebooks;

/// <summary>
/// Where the gateway's proxy sends a notebook's requests, the Jupyter token it adds to each, and
/// the user who owns the notebook (for per-user access). Only the proxy asks for it; the token must
/// never be written to a response, a log or a SignalR message.
/// </summary>
[GenerateSerializer, Immutable, Alias("platform.NotebookRoute")]
public sealed record NotebookRoute(
    [property: Id(0)] string NotebookId,
    [property: Id(1)] NotebookState State,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string? Host,
    [property: Id(4)] int? Port,
    [property: Id(5)] string Token,
    [property: Id(6)] string User)
{
    /// <summary>The override keeps the token out of any accidental ToString (logs, exception messages).</summary>
    public override string ToString() => $"NotebookRoute {{ {NotebookId} {State} {Host}:{Port} }}";
}
