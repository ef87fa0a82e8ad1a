using System.Threading.Channels;
using Platform.Cli.Gateway;
using Spectre.Console;

namespace Platform.Cli.Jobs.Following;

/// <summary>
/// Follows a job over the SignalR hub until it ends: while it waits to start, a status line (a
/// spinner on a terminal, a plain line per change otherwise); then its log lines as they come.
/// </summary>
public sealed class JobFollower(GatewayClient client, Terminal terminal)
{
    // The hub pushes every change; the job is also read every few seconds, so a missed update cannot stall the follow.
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    /// <returns>The job as it ended.</returns>
    public async Task<Job> FollowAsync(string jobId, LogCursor cursor, bool showStatus, CancellationToken cancellationToken)
    {
        // Read first, so an unknown id gets a plain answer; the hub sends the job again on subscribing.
        var job = await client.GetJobAsync(jobId, cancellationToken);
        var events = Channel.CreateUnbounded<FollowEvent>(new UnboundedChannelOptions { SingleReader = true });
        await using var hub = await JobHub.ConnectAsync(client, jobId, events.Writer, cancellationToken);
        using var stopChecking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var checking = CheckAsync(events.Writer, stopChecking.Token);
        try
        {
            var loop = new FollowLoop(client, job, cursor, events.Reader);
            if (showStatus)
            {
                await ShowStatusWhileWaitingAsync(loop, cancellationToken);
            }

            return await loop.RunToEndAsync(cancellationToken);
        }
        finally
        {
            await stopChecking.CancelAsync();
            await checking;
        }
    }

    /// <summary><c>job ID Pending: reason (3 Pending, 3 Starting)</c>.</summary>
    public static string Describe(Job job)
    {
        var tasks = string.Join(", ", job.Tasks.GroupBy(task => task.State).Select(group => $"{group.Count()} {group.Key}"));
        return $"job {job.Id} {job.StateAndReason}" + (tasks.Length > 0 ? $" ({tasks})" : "");
    }

    private async Task ShowStatusWhileWaitingAsync(FollowLoop loop, CancellationToken cancellationToken)
    {
        if (!JobStates.IsWaiting(loop.Job))
        {
            return;
        }

        if (terminal.IsInteractive)
        {
            await terminal.Out.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(Describe(loop.Job)),
                status => loop.WaitForStartAsync(job => status.Status(Markup.Escape(Describe(job))), cancellationToken));
            return;
        }

        var shown = Describe(loop.Job);
        Console.Out.WriteLine(shown);
        await loop.WaitForStartAsync(job =>
        {
            var text = Describe(job);
            if (text != shown)
            {
                Console.Out.WriteLine(text);
                shown = text;
            }
        }, cancellationToken);
    }

    private static async Task CheckAsync(ChannelWriter<FollowEvent> events, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(CheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                events.TryWrite(FollowEvent.Resync);
            }
        }
        catch (OperationCanceledException)
        {
            // The follow is over.
        }
    }
}
