using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;

namespace Platform.Grains.Tests.Cluster;

/// <summary>
/// Drives the control plane as the node agent and the gateway would, and cancels every job it
/// submitted when the test ends, so the next test of the class finds the node's GPUs free.
/// </summary>
internal sealed class JobDriver(IClusterClient client) : IAsyncDisposable
{
    private readonly List<string> _submitted = [];

    public INodeGrain Node => client.GetGrain<INodeGrain>(PlatformClusterFixture.NodeId);

    public IJobGrain Job(string id) => client.GetGrain<IJobGrain>(id);

    /// <summary>Submits under a fresh id: every test's jobs are its own.</summary>
    public async Task<string> SubmitAsync(JobSpec spec)
    {
        var id = $"{spec.Name}-{Guid.NewGuid():N}";
        _submitted.Add(id);
        await Job(id).SubmitAsync(spec);
        return id;
    }

    public async Task<JobView> GetAsync(string id) =>
        await Job(id).GetAsync() ?? throw new InvalidOperationException($"Job {id} does not exist.");

    public Task<JobView> WaitForAsync(string id, JobState state) =>
        Eventually.UntilAsync(() => GetAsync(id), job => job.State == state, $"job {id} to be {state}");

    /// <summary>Submits and waits for the scheduler's one-way placement to arrive.</summary>
    public async Task<string> SubmitRunningAsync(JobSpec spec)
    {
        var id = await SubmitAsync(spec);
        await WaitForAsync(id, JobState.Running);
        return id;
    }

    public async Task<IReadOnlyList<TaskAssignment>> DesiredAsync(string id) =>
        [.. (await Node.GetDesiredAsync()).Where(assignment => assignment.JobId == id).OrderBy(a => a.Task, StringComparer.Ordinal)];

    public async Task<TaskAssignment> DesiredAsync(string id, string task) =>
        (await DesiredAsync(id)).Single(assignment => assignment.Task == task);

    public Task<GpuHolder?> HolderAsync(int gpuIndex) =>
        client.GetGrain<IGpuSlotGrain>(GpuSlotKey.Of(PlatformClusterFixture.NodeId, gpuIndex)).GetHolderAsync();

    public Task ReportAsync(
        string id, string task, TaskState state, int attempt = 0, int? exitCode = null, DateTimeOffset? time = null) =>
        Job(id).ReportAsync(new TaskObservation
        {
            JobId = id,
            Task = task,
            Attempt = attempt,
            State = state,
            ExitCode = exitCode,
            ContainerId = $"c-{task}-{attempt}",
            NodeId = PlatformClusterFixture.NodeId,
            Time = time ?? DateTimeOffset.UtcNow,
        });

    public Task RunningAsync(string id, string task, int attempt = 0) => ReportAsync(id, task, TaskState.Running, attempt);

    public Task ExitedAsync(string id, string task, int exitCode, int attempt = 0, DateTimeOffset? time = null) =>
        ReportAsync(id, task, exitCode == 0 ? TaskState.Succeeded : TaskState.Failed, attempt, exitCode, time);

    /// <summary>A GPU of an ended job is freed once the node's heartbeat shows none of its containers running.</summary>
    public Task FreedAsync(int gpuIndex) =>
        Eventually.UntilAsync(() => HolderAsync(gpuIndex), holder => holder is null, $"GPU {gpuIndex} to be freed");

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _submitted)
        {
            await Job(id).CancelAsync();
        }

        for (var gpu = 0; gpu < PlatformClusterFixture.GpuCount; gpu++)
        {
            await FreedAsync(gpu);
        }
    }
}
