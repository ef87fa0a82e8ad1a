namespace Platform.Cli.Notebooks;

/// <summary>A notebook as <c>GET /api/notebooks/{id}</c> and the hub's <c>notebookUpdated</c> show it.</summary>
public sealed record Notebook
{
    public required string Id { get; init; }

    public string State { get; init; } = "";

    public string? Reason { get; init; }

    /// <summary>The gateway-relative address <c>/notebooks/{id}/</c>, once Ready.</summary>
    public string? Url { get; init; }

    public string? Node { get; init; }

    /// <summary>The ids of the GPUs it holds.</summary>
    public IReadOnlyList<string> Gpus { get; init; } = [];

    public DateTimeOffset? LastActivity { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public string? Image { get; init; }

    public int? IdleTimeoutMinutes { get; init; }

    /// <summary><c>Pending: reason</c>, or the state alone when there is no reason.</summary>
    public string StateAndReason => string.IsNullOrEmpty(Reason) ? State : $"{State}: {Reason}";

    /// <summary>The address to open: the gateway's base address and <see cref="Url"/>; null until Ready.</summary>
    public Uri? AddressAt(Uri gateway) => Url is null ? null : new Uri(gateway, Url);
}
