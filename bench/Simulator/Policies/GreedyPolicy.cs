using Platform.Bench.Simulator.Replay;
using Platform.Core.Scheduling;

namespace Platform.Bench.Simulator.Policies;

/// <summary>
/// The platform's old scheduler: the queue in one order, each job placed whole by
/// <see cref="GangPlacer"/> where it fits now, a job that does not fit skipped (no reservation, so
/// no backfill rule either), no quotas, no preemption. With <see cref="FifoOrder"/> it is FIFO; with
/// <see cref="ShortestFirstOrder"/> shortest-job-first.
/// </summary>
public sealed class GreedyPolicy(string name, IComparer<SimJob> order) : IReplayPolicy
{
    private readonly SortedSet<SimJob> _queue = new(order);

    /// <summary>FIFO: the platform's behaviour before issue 13.</summary>
    public static GreedyPolicy Fifo() => new("FIFO", FifoOrder.Instance);

    /// <summary>Shortest-job-first with oracle durations: a bound on average completion time.</summary>
    public static GreedyPolicy ShortestFirst() => new("SJF (oracle)", ShortestFirstOrder.Instance);

    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public void Enqueue(SimJob job, double now) => _queue.Add(job);

    /// <inheritdoc/>
    public void Released(SimJob job, double now)
    {
    }

    /// <inheritdoc/>
    public void Schedule(double now, IReplayCluster cluster)
    {
        var started = new List<SimJob>();
        var failed = new HashSet<(int, int)>();
        foreach (var job in _queue)
        {
            if (failed.Contains((job.Tasks, job.GpusPerTask)))
            {
                continue;
            }

            if (!cluster.Fits(job.Tasks, job.GpusPerTask))
            {
                // Free capacity only shrinks within a pass: once one GPU does not fit, nothing will.
                if (job.Tasks * job.GpusPerTask == 1)
                {
                    break;
                }

                failed.Add((job.Tasks, job.GpusPerTask));
                continue;
            }

            var placement = GangPlacer.Place(job.Request, cluster.Nodes, cluster.Allocations);
            cluster.Start(job, placement.Allocation
                ?? throw new InvalidOperationException($"{job.Id} fits the free GPUs, but the placer refused it: {placement.Reason}"));
            started.Add(job);
        }

        foreach (var job in started)
        {
            _queue.Remove(job);
        }
    }
}
