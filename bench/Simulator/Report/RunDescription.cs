using Platform.Bench.Simulator.Cluster;
using Platform.Bench.Simulator.Replay;

namespace Platform.Bench.Simulator.Report;

/// <summary>What was simulated, for the report's header.</summary>
/// <param name="Trace">The trace's file name.</param>
/// <param name="Jobs">Jobs replayed.</param>
/// <param name="LeftOut">Jobs of the trace left out: beyond --limit, or larger than the cluster.</param>
/// <param name="TooLarge">Of those, the jobs larger than the cluster.</param>
/// <param name="Shape">The cluster.</param>
/// <param name="Quotas">Nominal GPUs per team.</param>
/// <param name="QuotaSource">Where the quotas came from, in words.</param>
/// <param name="Demand">GPU-seconds per team in the replayed jobs.</param>
/// <param name="Settings">Grace period, planning step, series width.</param>
/// <param name="HalfLifeMinutes">The usage half-life of the platform's policy.</param>
/// <param name="Reclaim">The platform's ReclaimWithinCohort.</param>
/// <param name="DeadlineFactor">Each job's declared deadline over its duration; null: none declared.</param>
public sealed record RunDescription(
    string Trace, int Jobs, int LeftOut, int TooLarge, ClusterShape Shape, IReadOnlyDictionary<string, int> Quotas, string QuotaSource,
    IReadOnlyDictionary<string, double> Demand, ReplaySettings Settings, double HalfLifeMinutes, Platform.Core.Scheduling.Policy.ReclaimWithinCohort Reclaim, double? DeadlineFactor);
