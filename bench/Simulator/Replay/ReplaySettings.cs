namespace Platform.Bench.Simulator.Replay;

/// <summary>How a replay runs.</summary>
/// <param name="GraceSeconds">How long a preempted job holds its GPUs before it stops (its <c>terminationGracePeriodSeconds</c>).</param>
/// <param name="StepSeconds">0: the policy plans at every event; above 0: once per step in which events happened, at its end.</param>
/// <param name="BucketSeconds">The width of one point of the utilisation series.</param>
public sealed record ReplaySettings(double GraceSeconds, double StepSeconds, double BucketSeconds);
