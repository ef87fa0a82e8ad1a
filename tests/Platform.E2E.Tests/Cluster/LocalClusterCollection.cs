namespace Platform.E2E.Tests.Cluster;

/// <summary>
/// The test classes on the local cluster share one (it takes a minute to start) and run alone: they
/// kill its processes, and a neighbour's load would decide how long a restart takes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalClusterCollection : ICollectionFixture<LocalCluster>, ICollectionFixture<Browser.ChromiumFixture>
{
    public const string Name = "LocalCluster";
}
