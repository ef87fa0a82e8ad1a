namespace Platform.Training.Tests.Distributed;

/// <summary>Tests that start jobs of real processes run one at a time: the machine has few cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "training processes";
}
