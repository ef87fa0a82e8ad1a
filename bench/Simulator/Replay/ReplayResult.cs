namespace Platform.Bench.Simulator.Replay;

/// <summary>What one policy did with the trace.</summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="Jobs">Every job, finished.</param>
/// <param name="BusyGpuSeconds">GPU-seconds held, stopping jobs' grace periods included.</param>
/// <param name="PeakBusyGpus">The most GPUs held at once.</param>
/// <param name="BusyByBucket">GPU-seconds held per bucket of <see cref="ReplaySettings.BucketSeconds"/>.</param>
/// <param name="TeamGpuSeconds">GPU-seconds held per team.</param>
/// <param name="TeamContendedGpuSeconds">GPU-seconds held per team while at least one job waited: the share a policy gives under contention.</param>
/// <param name="Plans">How often the policy planned.</param>
/// <param name="Wall">The replay's wall time.</param>
public sealed record ReplayResult(
    string Policy, IReadOnlyList<SimJob> Jobs, double BusyGpuSeconds, int PeakBusyGpus, IReadOnlyList<double> BusyByBucket,
    IReadOnlyDictionary<string, double> TeamGpuSeconds, IReadOnlyDictionary<string, double> TeamContendedGpuSeconds, int Plans, TimeSpan Wall)
{
    /// <summary>Preemptions of all jobs together.</summary>
    public int Preemptions => Jobs.Sum(j => j.Preemptions);
}
