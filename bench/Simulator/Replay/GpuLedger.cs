using Platform.Contracts.Scheduling;

namespace Platform.Bench.Simulator.Replay;

/// <summary>
/// Which GPU of which node is held: refuses to give one twice, answers whether a job's tasks fit,
/// and integrates the GPUs held over time (in total, per team, and per time bucket).
/// </summary>
public sealed class GpuLedger
{
    private readonly bool[,] _held;
    private readonly int[] _free;
    private readonly int[] _nodesByFree;
    private readonly int _gpusPerNode;
    private readonly double _bucketSeconds;
    private double _last;

    /// <param name="nodes">Node count.</param>
    /// <param name="gpusPerNode">GPUs per node.</param>
    /// <param name="bucketSeconds">The width of one point of <see cref="BusyByBucket"/>.</param>
    public GpuLedger(int nodes, int gpusPerNode, double bucketSeconds)
    {
        _held = new bool[nodes, gpusPerNode];
        _free = Enumerable.Repeat(gpusPerNode, nodes).ToArray();
        _nodesByFree = new int[gpusPerNode + 1];
        _nodesByFree[gpusPerNode] = nodes;
        _gpusPerNode = gpusPerNode;
        _bucketSeconds = bucketSeconds;
    }

    /// <summary>GPUs held now.</summary>
    public int Busy { get; private set; }

    /// <summary>The most GPUs held at any instant.</summary>
    public int PeakBusy { get; private set; }

    /// <summary>GPU-seconds held, in total.</summary>
    public double BusyGpuSeconds { get; private set; }

    /// <summary>GPU-seconds held per bucket of <c>bucketSeconds</c> from time 0.</summary>
    public List<double> BusyByBucket { get; } = [];

    /// <summary>True when <paramref name="tasks"/> tasks of <paramref name="gpusPerTask"/> GPUs fit on the free GPUs.</summary>
    public bool Fits(int tasks, int gpusPerTask)
    {
        long room = 0;
        for (var free = gpusPerTask; free <= _gpusPerNode && room < tasks; free++)
        {
            room += (long)_nodesByFree[free] * (free / gpusPerTask);
        }

        return room >= tasks;
    }

    /// <summary>Moves the clock to <paramref name="now"/>, counting what was held since the last move.</summary>
    public void Advance(double now)
    {
        if (now <= _last)
        {
            return;
        }

        BusyGpuSeconds += Busy * (now - _last);
        for (var t = _last; t < now;)
        {
            var bucket = (int)(t / _bucketSeconds);
            var end = Math.Min(now, (bucket + 1) * _bucketSeconds);
            while (BusyByBucket.Count <= bucket)
            {
                BusyByBucket.Add(0);
            }

            BusyByBucket[bucket] += Busy * (end - t);
            t = end;
        }

        _last = now;
    }

    /// <summary>Takes the GPUs of <paramref name="allocation"/>.</summary>
    /// <exception cref="InvalidOperationException">One is not a GPU of the cluster, or already held.</exception>
    public void Take(Allocation allocation) => Change(allocation, take: true);

    /// <summary>Gives back the GPUs of <paramref name="allocation"/>.</summary>
    public void Release(Allocation allocation) => Change(allocation, take: false);

    private void Change(Allocation allocation, bool take)
    {
        foreach (var task in allocation.Tasks)
        {
            var node = Cluster.ClusterShape.IndexOf(task.NodeId);
            foreach (var gpu in task.GpuIndexes)
            {
                if (gpu < 0 || gpu >= _gpusPerNode || _held[node, gpu] != !take)
                {
                    throw new InvalidOperationException(
                        $"{allocation.JobId}: GPU {gpu} of {task.NodeId} is {(take ? "already held" : "not held")}.");
                }

                _held[node, gpu] = take;
            }

            _nodesByFree[_free[node]]--;
            _free[node] += take ? -task.GpuIndexes.Count : task.GpuIndexes.Count;
            _nodesByFree[_free[node]]++;
            Busy += take ? task.GpuIndexes.Count : -task.GpuIndexes.Count;
        }

        PeakBusy = Math.Max(PeakBusy, Busy);
    }
}
