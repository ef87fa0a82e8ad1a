namespace Platform.Contracts.Logs;

/// <summary>
/// A line a task printed, as the agent ships it. <see cref="Offset"/> numbers the lines of one
/// <see cref="Source"/> (a container or process) from 1, so the log stores each line exactly once
/// however often it is shipped. <see cref="Continued"/>: the line was longer than the agent ships
/// at once (64 KiB) and goes on in the next entry of the same task and stream.
/// </summary>
[GenerateSerializer, Immutable, Alias("platform.LogEntry")]
public sealed record LogEntry(
    [property: Id(0)] string Task,
    [property: Id(1)] string Stream,
    [property: Id(2)] DateTimeOffset Time,
    [property: Id(3)] string Text,
    [property: Id(4)] string Source,
    [property: Id(5)] long Offset,
    [property: Id(6)] bool Continued = false);

/// <summary>
/// A stored line with its per-job sequence number (API.md, logs). <see cref="Continued"/>: a part of a
/// line longer than 64 KiB that the next line of the same task and stream goes on with.
/// </summary>
[GenerateSerializer, Immutable, Alias("platform.LogLine")]
public sealed record LogLine(
    [property: Id(0)] long Seq,
    [property: Id(1)] string Task,
    [property: Id(2)] string Stream,
    [property: Id(3)] DateTimeOffset Time,
    [property: Id(4)] string Text,
    [property: Id(5)] bool Continued = false);

/// <summary>A page of lines; <see cref="Next"/> is the <c>after</c> of the following page.</summary>
[GenerateSerializer, Immutable, Alias("platform.LogPage")]
public sealed record LogPage(
    [property: Id(0)] IReadOnlyList<LogLine> Lines,
    [property: Id(1)] long Next);
