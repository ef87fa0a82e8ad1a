namespace Platform.Contracts.Scheduling;

/// <summary>The jobs of one pool waiting to be placed, and how many each team has waiting.</summary>
/// <param name="Pending">The queued jobs in the order they are tried: highest priority value first, then oldest.</param>
/// <param name="PendingByTeam">How many of <paramref name="Pending"/> belong to each team.</param>
[GenerateSerializer, Immutable, Alias("platform.QueueView")]
public sealed record QueueView(
    [property: Id(0)] IReadOnlyList<JobRequest> Pending,
    [property: Id(1)] IReadOnlyDictionary<string, int> PendingByTeam);
