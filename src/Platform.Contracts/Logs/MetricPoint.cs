namespace Platform.Contracts.Logs;

/// <summary>One value a task reported with an <c>@metric</c> line (API.md, "Metrics from tasks").</summary>
[GenerateSerializer, Immutable, Alias("platform.MetricPoint")]
public sealed record MetricPoint(
    [property: Id(0)] string Task,
    [property: Id(1)] string Name,
    [property: Id(2)] long? Step,
    [property: Id(3)] DateTimeOffset Time,
    [property: Id(4)] double Value);

/// <summary>The points of one metric of one task, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("platform.MetricSeries")]
public sealed record MetricSeries(
    [property: Id(0)] string Task,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<MetricSample> Points);

[GenerateSerializer, Immutable, Alias("platform.MetricSample")]
public sealed record MetricSample(
    [property: Id(0)] long? Step,
    [property: Id(1)] DateTimeOffset Time,
    [property: Id(2)] double Value);
