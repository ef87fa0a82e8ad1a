using Platform.Contracts.Scheduling;

namespace Platform.Bench.Simulator.Replay;

/// <summary>The simulated cluster as a policy acts on it.</summary>
public interface IReplayCluster
{
    /// <summary>The nodes.</summary>
    IReadOnlyList<NodeCapacity> Nodes { get; }

    /// <summary>Every allocation held now, stopping jobs' included.</summary>
    IReadOnlyList<Allocation> Allocations { get; }

    /// <summary>True when <paramref name="tasks"/> tasks of <paramref name="gpusPerTask"/> GPUs each fit on the free GPUs now.</summary>
    bool Fits(int tasks, int gpusPerTask);

    /// <summary>Starts <paramref name="job"/> on <paramref name="allocation"/>.</summary>
    /// <exception cref="InvalidOperationException">The allocation takes a GPU that is not free.</exception>
    void Start(SimJob job, Allocation allocation);

    /// <summary>Preempts <paramref name="job"/>: it stops after the grace period and queues again with its remaining work.</summary>
    void Preempt(SimJob job);
}
