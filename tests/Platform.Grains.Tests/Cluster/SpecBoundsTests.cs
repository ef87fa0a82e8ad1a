using Platform.Contracts.Jobs;
using Platform.Core.Jobs.Spec;

namespace Platform.Grains.Tests.Cluster;

/// <summary>
/// A spec at every time bound of <see cref="SpecLimits"/> is one the grains can run: its deadline
/// timer is armed when it is placed, and it can be cancelled, with no exception from a timer or a
/// date computation.
/// </summary>
public sealed class SpecBoundsTests(PlatformClusterFixture cluster) : IClassFixture<PlatformClusterFixture>, IAsyncLifetime
{
    private readonly JobDriver _jobs = new(cluster.Client);

    [Fact]
    public async Task Job_at_the_longest_deadline_grace_and_ttl_runs_and_can_be_cancelled()
    {
        var spec = AtTheLimits();
        Assert.Equal(SpecLimits.MaxActiveDeadlineSeconds, spec.ActiveDeadlineSeconds);

        var id = await _jobs.SubmitRunningAsync(spec);
        var assignment = await _jobs.DesiredAsync(id, "worker-0");
        await _jobs.RunningAsync(id, "worker-0");

        Assert.Equal(SpecLimits.MaxTerminationGracePeriodSeconds, assignment.TerminationGracePeriodSeconds);
        Assert.Equal(JobState.Running, (await _jobs.GetAsync(id)).State);
        Assert.True(await _jobs.Job(id).CancelAsync());
        var job = await _jobs.GetAsync(id);
        Assert.Equal(JobState.Cancelled, job.State);
        // Kept, stopped, until ttlSecondsAfterFinished (30 days) removes the container.
        Assert.All(await _jobs.DesiredAsync(id), stopped => Assert.True(stopped.Stopped));
        foreach (var gpu in assignment.GpuIndexes)
        {
            await _jobs.FreedAsync(gpu);
        }
    }

    [Fact]
    public async Task Job_at_the_longest_deadline_that_ends_by_itself_succeeds()
    {
        var id = await _jobs.SubmitRunningAsync(AtTheLimits());

        await _jobs.ExitedAsync(id, "worker-0", exitCode: 0);

        Assert.Equal(JobState.Succeeded, (await _jobs.WaitForAsync(id, JobState.Succeeded)).State);
    }

    /// <summary>Read by the parser, as a submitted spec is: every time bound at its largest value.</summary>
    private static JobSpec AtTheLimits()
    {
        var parsed = JobSpecParser.Parse($$"""
            name: bounds
            image: platform/test:1
            command: [/app/train]
            restartPolicy: OnFailure
            backoffLimit: {{SpecLimits.MaxBackoffLimit}}
            activeDeadlineSeconds: {{SpecLimits.MaxActiveDeadlineSeconds}}
            terminationGracePeriodSeconds: {{SpecLimits.MaxTerminationGracePeriodSeconds}}
            ttlSecondsAfterFinished: {{SpecLimits.MaxTtlSecondsAfterFinished}}
            pidsLimit: {{SpecLimits.MaxPidsLimit}}
            replicas:
              worker: { count: 1, resources: { cpus: 1, memoryMb: 1024, gpus: 1 } }
            """, "application/yaml");
        Assert.Empty(parsed.Errors);
        return parsed.Spec!;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _jobs.DisposeAsync();
}
