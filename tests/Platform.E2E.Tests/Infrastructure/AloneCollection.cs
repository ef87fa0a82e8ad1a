namespace Platform.E2E.Tests.Infrastructure;

/// <summary>
/// Test classes that load the machine themselves (hundreds of jobs at once) and so run with no other
/// class beside them: on a 2-core machine a neighbour's containers would decide their outcome.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Alone";
}
