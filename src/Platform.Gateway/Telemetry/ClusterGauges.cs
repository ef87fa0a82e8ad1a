using System.Diagnostics.Metrics;
using Platform.Core.Telemetry;

namespace Platform.Gateway.Telemetry;

/// <summary>
/// The state gauges of the <c>Platform</c> meter, observed on scrape from the
/// <see cref="ClusterSnapshotSource"/>'s current read (refreshed just before, see <see cref="ScrapeAccessMiddleware"/>).
/// </summary>
public sealed class ClusterGauges : IDisposable
{
    private readonly Meter _meter = new(MetricsOptions.MeterName);

    public ClusterGauges(ClusterSnapshotSource source, TimeProvider time)
    {
        _meter.CreateObservableGauge("platform.jobs", () => Measure(ClusterGaugeValues.Jobs(source.Current)),
            "{job}", "Listed jobs by state");
        _meter.CreateObservableGauge("platform.queue.length", () => ClusterGaugeValues.QueueLength(source.Current),
            "{job}", "Jobs waiting to be placed");
        _meter.CreateObservableGauge("platform.queue.oldest_wait", () => ClusterGaugeValues.OldestWait(source.Current, time.GetUtcNow()),
            "s", "Seconds the longest-waiting queued job has waited since it was submitted");
        _meter.CreateObservableGauge("platform.gpus", () => Measure(ClusterGaugeValues.Gpus(source.Current)),
            "{gpu}", "GPUs by node and state (held or free)");
        _meter.CreateObservableGauge("platform.node.heartbeat_age", () => Measure(ClusterGaugeValues.HeartbeatAges(source.Current, time.GetUtcNow())),
            "s", "Seconds since each node's agent last spoke");
    }

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<double>> Measure(IEnumerable<GaugeReading> readings) =>
        readings.Select(reading => new Measurement<double>(reading.Value, Tags(reading)));

    private static KeyValuePair<string, object?>[] Tags(GaugeReading reading) => (reading.Node, reading.State) switch
    {
        (null, null) => [],
        (null, { } state) => [new("state", state)],
        ({ } node, null) => [new("node", node)],
        ({ } node, { } state) => [new("node", node), new("state", state)],
    };
}
