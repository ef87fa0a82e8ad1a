using Platform.Contracts.Jobs;

namespace Platform.Core.Jobs.ClusterSpec;

/// <summary>
/// The PyTorch <c>env://</c> view of a job: rank 0 is <c>master-0</c>, else <c>chief-0</c>, else
/// <c>worker-0</c>; the world is the master or chief plus the workers, ranked by index after it.
/// Parameter servers and evaluators are outside the world.
/// </summary>
internal sealed class Ranks
{
    private readonly PlacedTask? _leader;

    public Ranks(IReadOnlyList<PlacedTask> tasks)
    {
        _leader = Find(tasks, ReplicaTypes.Master) ?? Find(tasks, ReplicaTypes.Chief);
        var workers = tasks.Count(t => Is(t, ReplicaTypes.Worker));
        WorldSize = workers + (_leader is null ? 0 : 1);
        RankZero = _leader ?? Find(tasks, ReplicaTypes.Worker);
    }

    /// <summary>The task at rank 0, or null when the job has no master, chief or worker.</summary>
    public PlacedTask? RankZero { get; }

    public int WorldSize { get; }

    /// <summary>The task's rank, or null when it is outside the world.</summary>
    public int? RankOf(PlacedTask task)
    {
        if (Is(task, ReplicaTypes.Worker))
        {
            return _leader is null ? task.Index : task.Index + 1;
        }

        return _leader is not null && Is(task, _leader.Type) && task.Index == _leader.Index ? 0 : null;
    }

    private static PlacedTask? Find(IReadOnlyList<PlacedTask> tasks, string type) =>
        tasks.FirstOrDefault(t => Is(t, type) && t.Index == 0);

    private static bool Is(PlacedTask task, string type) =>
        string.Equals(task.Type, type, StringComparison.OrdinalIgnoreCase);
}
