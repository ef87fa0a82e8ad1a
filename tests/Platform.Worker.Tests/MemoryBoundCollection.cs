namespace Platform.Worker.Tests;

/// <summary>
/// Tests that measure the managed heap run alone: another test allocating at the same time would
/// count against their bound.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryBoundCollection
{
    public const string Name = "Memory bound";
}
