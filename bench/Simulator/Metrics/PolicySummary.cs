using Platform.Bench.Simulator.Replay;

namespace Platform.Bench.Simulator.Metrics;

/// <summary>The figures of one policy's replay. Times in seconds.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="Jobs">Jobs replayed.</param>
/// <param name="AverageJct">Mean job completion time: finish minus submit.</param>
/// <param name="P95Jct">95th percentile (nearest rank) of the completion time.</param>
/// <param name="AverageQueueing">Mean time in the queue, every spell of a preempted job together.</param>
/// <param name="P95Queueing">95th percentile (nearest rank) of the time in the queue.</param>
/// <param name="Utilisation">GPU-seconds held over GPU-seconds offered from the first submit to the last finish.</param>
/// <param name="Preemptions">Preemptions, all jobs together.</param>
/// <param name="LargestBigWait">The longest time in the queue of any job of more than <see cref="Summaries.BigJobGpus"/> GPUs; null when there is none.</param>
/// <param name="Makespan">From the first submit to the last finish.</param>
/// <param name="LargestBigWaitJob">The job that waited <paramref name="LargestBigWait"/>; null when there is none.</param>
public sealed record PolicySummary(
    string Policy, int Jobs, double AverageJct, double P95Jct, double AverageQueueing, double P95Queueing,
    double Utilisation, int Preemptions, double? LargestBigWait, double Makespan, SimJob? LargestBigWaitJob = null);
