using Platform.Contracts.Jobs;

namespace Platform.Contracts.Scheduling;

/// <summary>One task the scheduler must place.</summary>
[GenerateSerializer, Immutable, Alias("platform.TaskRequest")]
public sealed record TaskRequest(
    [property: Id(0)] string Name,
    [property: Id(1)] Resources Resources);

/// <summary>
/// A whole job to place at once (gang). The queue orders by <see cref="PriorityValue"/>, then age.
/// Id 1 was the raw int Priority until API version 3; it stays unused, and a request stored with it
/// (no <see cref="PriorityClass"/>) is queued as the default class.
/// </summary>
/// <param name="Team">The job's team; the queue keeps its facts per team. Null only in a request stored before teams were carried.</param>
/// <param name="PriorityClass">The class the job was accepted under; null only in a request stored before classes existed.</param>
/// <param name="PriorityValue">The class's value when the job was accepted: higher is placed first.</param>
[GenerateSerializer, Immutable, Alias("platform.JobRequest")]
public sealed record JobRequest(
    [property: Id(0)] string JobId,
    [property: Id(2)] DateTimeOffset SubmittedAt,
    [property: Id(3)] string Runtime,
    [property: Id(4)] IReadOnlyList<TaskRequest> Tasks,
    [property: Id(5)] int Generation = 0,
    [property: Id(6)] string? Team = null,
    [property: Id(7)] string? PriorityClass = null,
    [property: Id(8)] int PriorityValue = 0);

/// <summary>What a node offers: the capacity its agent advertised.</summary>
[GenerateSerializer, Immutable, Alias("platform.NodeCapacity")]
public sealed record NodeCapacity
{
    [Id(0)] public required string NodeId { get; init; }
    /// <summary>The address tasks on this node are reached at (host networking).</summary>
    [Id(1)] public required string Host { get; init; }
    [Id(2)] public double Cpus { get; init; }
    [Id(3)] public int MemoryMb { get; init; }
    [Id(4)] public IReadOnlyList<GpuInfo> Gpus { get; init; } = [];
    [Id(5)] public int PortStart { get; init; }
    [Id(6)] public int PortEnd { get; init; }
    [Id(7)] public IReadOnlyList<string> Runtimes { get; init; } = [TaskRuntimes.Docker];
    /// <summary>
    /// The network interface this node's tasks talk to other machines through (<c>GLOO_SOCKET_IFNAME</c>);
    /// a job whose tasks are all on one node uses loopback instead.
    /// </summary>
    [Id(8)] public string NetworkInterface { get; init; } = "lo";
}

/// <summary>One physical (or configured fake) GPU of a node.</summary>
[GenerateSerializer, Immutable, Alias("platform.GpuInfo")]
public sealed record GpuInfo(
    [property: Id(0)] int Index,
    [property: Id(1)] string Id,
    [property: Id(2)] string Model,
    [property: Id(3)] int MemoryMb,
    [property: Id(4)] bool Fake);

/// <summary>Where one task runs: node, port, and the GPUs it holds (by index, and by id for its environment).</summary>
[GenerateSerializer, Immutable, Alias("platform.TaskPlacement")]
public sealed record TaskPlacement(
    [property: Id(0)] string Task,
    [property: Id(1)] string NodeId,
    [property: Id(2)] string Host,
    [property: Id(3)] int Port,
    [property: Id(4)] IReadOnlyList<int> GpuIndexes,
    [property: Id(5)] Resources Resources,
    [property: Id(6)] IReadOnlyList<string>? GpuIds = null,
    [property: Id(7)] string? NetworkInterface = null)
{
    /// <summary>The GPUs' ids; an allocation stored before ids were carried falls back to the indexes.</summary>
    public IReadOnlyList<string> GpuIdsOrIndexes =>
        GpuIds ?? [.. GpuIndexes.Select(index => index.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

/// <summary>The placement of every task of one job.</summary>
[GenerateSerializer, Immutable, Alias("platform.Allocation")]
public sealed record Allocation(
    [property: Id(0)] string JobId,
    [property: Id(1)] IReadOnlyList<TaskPlacement> Tasks,
    [property: Id(2)] int Generation = 0);
