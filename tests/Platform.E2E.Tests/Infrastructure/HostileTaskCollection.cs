namespace Platform.E2E.Tests.Infrastructure;

/// <summary>Runs the hostile-task tests alone, after the classes that may run two at a time.</summary>
[CollectionDefinition(HostileTaskFixture.Collection, DisableParallelization = true)]
public sealed class HostileTaskCollection : ICollectionFixture<HostileTaskFixture>;
