using Platform.Cli.Gateway;

namespace Platform.Cli.Jobs;

/// <summary>
/// Prints a job's log lines once each and in order, whatever mix of pushed batches and REST pages
/// they come in: lines at or before the last printed <c>seq</c> are dropped (a reconnect sends the
/// history again), and a gap is filled from REST before the line after it is printed.
/// </summary>
/// <param name="task">Print only this task's lines; null prints all.</param>
public sealed class LogCursor(GatewayClient client, string jobId, string? task, LogWriter writer)
{
    private const int PageSize = 1000;

    /// <summary>The last <c>seq</c> seen, of any task.</summary>
    public long Last { get; private set; }

    public async Task AcceptAsync(IEnumerable<LogLine> lines, CancellationToken cancellationToken)
    {
        foreach (var line in lines)
        {
            if (line.Seq <= Last)
            {
                continue;
            }

            if (line.Seq > Last + 1)
            {
                await FillAsync(line.Seq - 1, cancellationToken);
            }

            Print(line);
        }
    }

    /// <summary>Prints every stored line after <see cref="Last"/>, page by page, until a page comes back empty.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await client.ReadLogsAsync(jobId, task, Last, PageSize, cancellationToken);
            if (page.Lines.Count == 0)
            {
                return;
            }

            foreach (var line in page.Lines.Where(line => line.Seq > Last))
            {
                Print(line);
            }

            Last = Math.Max(Last, page.Next);
        }
    }

    private async Task FillAsync(long upTo, CancellationToken cancellationToken)
    {
        while (Last < upTo)
        {
            var limit = (int)Math.Min(JobsApi.MaxPage, upTo - Last);
            var page = await client.ReadLogsAsync(jobId, null, Last, limit, cancellationToken);
            var missing = page.Lines.Where(line => line.Seq > Last && line.Seq <= upTo).ToList();
            if (missing.Count == 0)
            {
                // The store has nothing more before the pushed line: print that one and go on.
                return;
            }

            foreach (var line in missing)
            {
                Print(line);
            }
        }
    }

    private void Print(LogLine line)
    {
        Last = line.Seq;
        if (task is null || line.Task == task)
        {
            writer.Write(line);
        }
    }
}
