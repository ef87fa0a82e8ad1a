namespace Platform.E2E.Tests.Infrastructure;

public sealed class ProcessRuntimeFixture : PlatformFixture
{
    protected override int FakeGpus => 0;

    protected override string Runtimes => "docker,process";
}
