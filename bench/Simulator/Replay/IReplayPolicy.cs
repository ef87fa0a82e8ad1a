namespace Platform.Bench.Simulator.Replay;

/// <summary>A scheduling policy under replay: it keeps its queue and decides through <see cref="IReplayCluster"/>.</summary>
public interface IReplayPolicy
{
    /// <summary>Its name in the report.</summary>
    string Name { get; }

    /// <summary>A job arrives, or comes back after a preemption.</summary>
    void Enqueue(SimJob job, double now);

    /// <summary>A job that held GPUs gave them back (finished, or stopped after a preemption).</summary>
    void Released(SimJob job, double now);

    /// <summary>Starts and preempts jobs at <paramref name="now"/>.</summary>
    void Schedule(double now, IReplayCluster cluster);
}
