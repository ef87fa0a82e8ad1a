namespace Platform.E2E.Tests.Infrastructure;

/// <summary>A node too small for the sample job: two fake GPUs.</summary>
public sealed class TwoGpuFixture : PlatformFixture
{
    protected override int FakeGpus => 2;
}
