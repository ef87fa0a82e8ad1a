using Platform.Contracts.Feed;
using Platform.Contracts.Logs;
using Platform.Core.Metrics;
using Platform.Grains.Telemetry;

namespace Platform.Grains.Logs;

/// <summary>
/// Numbers a job's lines in arrival order. One activation per job is the single writer of its
/// sequence, so every reader sees each line once, in one order, by <c>seq</c>; and it drops lines
/// whose source offset is already stored, so a retried or repeated shipment stores nothing twice.
/// </summary>
public sealed class JobLogGrain(ILogStore store) : Grain, IJobLogGrain
{
    private readonly Dictionary<string, long> _shipped = [];
    private long _lastSeq;

    private string JobId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _lastSeq = await store.GetLastSeqAsync(JobId);

    public async Task AppendAsync(IReadOnlyList<LogEntry> entries)
    {
        var shipped = new Dictionary<string, long>();
        var lines = new List<StoredLine>(entries.Count);
        foreach (var entry in entries)
        {
            if (!shipped.TryGetValue(entry.Source, out var last))
            {
                last = await GetShippedAsync(entry.Source);
            }

            if (entry.Offset <= last)
            {
                continue;
            }

            shipped[entry.Source] = entry.Offset;
            var line = new LogLine(_lastSeq + lines.Count + 1, entry.Task, entry.Stream, entry.Time, entry.Text, entry.Continued);
            lines.Add(new StoredLine(line, entry.Source, entry.Offset));
        }

        if (lines.Count == 0)
        {
            return;
        }

        var points = MetricsOf(lines);
        await store.AppendAsync(JobId, lines, points);
        PlatformMetrics.RecordLogLines(lines.Select(stored => stored.Line.Stream));
        _lastSeq += lines.Count;
        foreach (var (source, offset) in shipped)
        {
            _shipped[source] = offset;
        }

        var feed = GrainFactory.GetGrain<IJobFeedGrain>(IJobFeedGrain.Key);
        if (points.Count > 0)
        {
            _ = feed.PublishMetricsAsync(JobId, points);
        }

        _ = feed.PublishLinesAsync(JobId, _lastSeq);
    }

    public async Task<IReadOnlyList<MetricSeries>> GetMetricsAsync() => [.. (await store.ReadMetricsAsync(JobId))
        .GroupBy(point => (point.Task, point.Name))
        .Select(series => new MetricSeries(series.Key.Task, series.Key.Name,
            [.. series.Select(point => new MetricSample(point.Step, point.Time, point.Value))]))];

    private static List<MetricPoint> MetricsOf(IEnumerable<StoredLine> lines) => [.. lines
        .SelectMany(stored => MetricLine.TryParse(stored.Line.Text, out var step, out var values)
            ? values.Select(value => new MetricPoint(stored.Line.Task, value.Name, step, stored.Line.Time, value.Value))
            : [])];

    public async Task<LogPage> ReadAsync(string? task, long after, int limit)
    {
        var lines = await store.ReadAsync(JobId, task, after, limit);
        return new LogPage(lines, lines.Count > 0 ? lines[^1].Seq : after);
    }

    public async Task DeleteAsync()
    {
        await store.DeleteAsync(JobId);
        _lastSeq = 0;
        _shipped.Clear();
        this.DeactivateOnIdle();
    }

    public async Task<long> GetShippedAsync(string source)
    {
        if (!_shipped.TryGetValue(source, out var offset))
        {
            offset = _shipped[source] = await store.GetLastOffsetAsync(JobId, source);
        }

        return offset;
    }
}
