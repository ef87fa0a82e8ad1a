using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;
using Platform.Core.Jobs;
using Platform.Core.Jobs.Assignments;
using Platform.Core.Jobs.ClusterSpec;

namespace Platform.Grains.Jobs;

// Placement: an allocation becomes tasks on nodes with their environment; the deadline counts from then.
public sealed partial class JobGrain
{
    private async Task RecordPlacementAsync(Allocation allocation)
    {
        foreach (var placement in allocation.Tasks)
        {
            var task = Job.Tasks.Single(candidate => candidate.Name == placement.Task);
            task.Node = placement.NodeId;
            task.Host = placement.Host;
            task.Port = placement.Port;
            task.GpuIndexes = [.. placement.GpuIndexes];
            task.GpuIds = [.. placement.GpuIdsOrIndexes];
            task.NetworkInterface = placement.NetworkInterface;
            task.State = TaskState.Starting;
        }

        Job.Allocation = allocation;
        Job.State = JobState.Running;
        Job.Reason = null;
        Job.StartedAt ??= time.GetUtcNow();
        foreach (var onNode in Job.Tasks.Where(task => allocation.Tasks.Any(placement => placement.Task == task.Name)).GroupBy(task => task.Node))
        {
            var gpus = onNode.SelectMany(task => task.GpuIds).ToList();
            AddEvent("Placed",
                $"Placed {string.Join(", ", onNode.Select(task => task.Name))} on node {onNode.Key}" +
                (gpus.Count > 0 ? $" with GPUs {string.Join(",", gpus)}" : ""),
                node: onNode.Key);
        }

        await SaveAsync();
        ArmDeadline();
    }

    /// <summary>
    /// activeDeadlineSeconds counts from the moment the job first ran. The timer keeps the grain
    /// active; after a restart the scheduler's resume activates the job, which arms it again.
    /// </summary>
    private void ArmDeadline()
    {
        if (_deadline is not null || Job.Spec?.ActiveDeadlineSeconds is not { } seconds || Job.StartedAt is not { } started ||
            Job.State.IsFinished())
        {
            return;
        }

        var due = started.AddSeconds(seconds) - time.GetUtcNow();
        _deadline = this.RegisterGrainTimer(
            _ => OnDeadlineAsync(seconds),
            new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task OnDeadlineAsync(long seconds)
    {
        if (!Job.State.IsFinished())
        {
            await FinishAsync(JobState.Failed, $"DeadlineExceeded: the job ran longer than activeDeadlineSeconds ({seconds} s)");
        }
    }

    private async Task AssignAsync(IEnumerable<TaskRecord> tasks)
    {
        if (await TeamSecretsAsync() is not { } teamSecrets)
        {
            return;
        }

        var placement = new AssignmentContext(Id, Spec, Job.Generation, [.. Job.Tasks
            .Where(task => task.Host is not null)
            .Select(task => new PlacedTask(task.Type, task.Index, task.Host!, task.Port!.Value, task.GpuIds, task.Node,
                task.NetworkInterface ?? PlatformEnv.Loopback))], Job.Owner, await JobSecretAsync(), teamSecrets);
        foreach (var onNode in tasks.Where(task => task.Node is not null).GroupBy(task => task.Node!))
        {
            var assignments = onNode
                .Select(task => AssignmentBuilder.Build(placement, new TaskToAssign(task.Type, task.Index, task.Attempt, task.GpuIndexes)))
                .ToList();
            await GrainFactory.GetGrain<INodeGrain>(onNode.Key).AssignAsync(assignments);
        }
    }
}
