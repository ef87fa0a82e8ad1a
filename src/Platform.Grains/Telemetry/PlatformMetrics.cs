using System.Diagnostics;
using System.Diagnostics.Metrics;
using Platform.Core.Telemetry;

namespace Platform.Grains.Telemetry;

/// <summary>
/// The platform's event instruments, recorded where the events happen (in the silo): the
/// <c>Platform</c> meter that OpenTelemetry exports for Prometheus. The gauges that describe the
/// cluster's state (jobs by state, queue, GPUs, heartbeats) are computed on scrape by the gateway.
/// </summary>
public static class PlatformMetrics
{
    /// <summary>The meter name every platform instrument is created under.</summary>
    public const string MeterName = MetricsOptions.MeterName;

    /// <summary>Scheduling passes take micro- to milliseconds; a slow one (many nodes, a long queue) shows in the upper buckets.</summary>
    public static readonly IReadOnlyList<double> SchedulingBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

    /// <summary>Jobs wait from nothing (free GPUs) to hours or a day (a busy cluster).</summary>
    public static readonly IReadOnlyList<double> WaitBuckets = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600, 14400, 86400];

    private static readonly Meter Instruments = new(MeterName);

    /// <summary><c>platform.scheduling.duration</c>: seconds one scheduling pass over the queue took (passes with something queued).</summary>
    public static readonly Histogram<double> SchedulingDuration = Instruments.CreateHistogram<double>(
        "platform.scheduling.duration", "s", "Seconds one scheduling pass over the queue took",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SchedulingBuckets });

    /// <summary><c>platform.jobs.wait</c>: seconds from a job's submission to its first placement.</summary>
    public static readonly Histogram<double> JobWait = Instruments.CreateHistogram<double>(
        "platform.jobs.wait", "s", "Seconds from a job's submission to its first placement",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = WaitBuckets });

    /// <summary><c>platform.log.lines</c>: log lines stored, by <c>stream</c> (stdout, stderr).</summary>
    public static readonly Counter<long> LogLines = Instruments.CreateCounter<long>(
        "platform.log.lines", "{line}", "Log lines stored, by stream");

    /// <summary>Records one scheduling pass that began at <paramref name="startedAt"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static void RecordSchedulingPass(long startedAt) =>
        SchedulingDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);

    /// <summary>Counts stored lines per stream.</summary>
    public static void RecordLogLines(IEnumerable<string> streams)
    {
        foreach (var stream in streams.GroupBy(stream => stream, StringComparer.Ordinal))
        {
            LogLines.Add(stream.Count(), new KeyValuePair<string, object?>("stream", stream.Key));
        }
    }
}
