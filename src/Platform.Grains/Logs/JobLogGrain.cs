using Platform.Contracts.Logs;

namespace Platform.Grains.Logs;

/// <summary>
/// Numbers a job's lines in arrival order. One activation per job is the single writer of its
/// sequence, so every reader sees each line once, in one order, by <c>seq</c>.
/// </summary>
public sealed class JobLogGrain(ILogStore store) : Grain, IJobLogGrain
{
    private long _lastSeq;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _lastSeq = await store.GetLastSeqAsync(this.GetPrimaryKeyString());

    public async Task AppendAsync(IReadOnlyList<LogEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var lines = new LogLine[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            lines[i] = new LogLine(_lastSeq + i + 1, entry.Task, entry.Stream, entry.Time, entry.Text);
        }

        await store.AppendAsync(this.GetPrimaryKeyString(), lines);
        _lastSeq += lines.Length;
    }

    public async Task<LogPage> ReadAsync(string? task, long after, int limit)
    {
        var lines = await store.ReadAsync(this.GetPrimaryKeyString(), task, after, limit);
        return new LogPage(lines, lines.Count > 0 ? lines[^1].Seq : after);
    }

    public Task<DateTimeOffset?> GetLastTimeAsync(string task) =>
        store.GetLastTimeAsync(this.GetPrimaryKeyString(), task);
}
