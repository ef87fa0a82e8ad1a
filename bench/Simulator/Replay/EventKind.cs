namespace Platform.Bench.Simulator.Replay;

/// <summary>What happens at an instant; at one instant, lower kinds are applied first (capacity frees before jobs arrive).</summary>
public enum EventKind
{
    /// <summary>A preempted job's grace period ends: it stops and queues again.</summary>
    Stopped,

    /// <summary>A job's work is done.</summary>
    Finished,

    /// <summary>A job arrives.</summary>
    Submitted,
}
