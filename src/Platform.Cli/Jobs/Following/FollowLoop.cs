using System.Threading.Channels;
using Platform.Cli.Gateway;

namespace Platform.Cli.Jobs.Following;

/// <summary>
/// Applies the events of a followed job in order: job changes update <see cref="Job"/>, log lines
/// go to the cursor. The follow ends when the job has finished and the cursor has drained every
/// stored line after the last one pushed.
/// </summary>
public sealed class FollowLoop(GatewayClient client, Job job, LogCursor cursor, ChannelReader<FollowEvent> events)
{
    private FollowEvent? _held;

    public Job Job { get; private set; } = job;

    /// <summary>
    /// While the job has not started anything, applies its changes and reports each; returns when
    /// it starts or ends, or when its first lines arrive (they wait for <see cref="RunToEndAsync"/>).
    /// </summary>
    public async Task WaitForStartAsync(Action<Job> changed, CancellationToken cancellationToken)
    {
        while (_held is null && JobStates.IsWaiting(Job))
        {
            var next = await events.ReadAsync(cancellationToken);
            if (next is LinesArrived)
            {
                _held = next;
                return;
            }

            await ApplyAsync(next, cancellationToken);
            if (JobStates.IsWaiting(Job))
            {
                changed(Job);
            }
        }
    }

    public async Task<Job> RunToEndAsync(CancellationToken cancellationToken)
    {
        while (!Job.IsFinished)
        {
            var next = _held ?? await events.ReadAsync(cancellationToken);
            _held = null;
            await ApplyAsync(next, cancellationToken);
        }

        // The end state can arrive before the last lines of tasks stopped at the job's end.
        await cursor.DrainAsync(cancellationToken);
        return Job;
    }

    private async Task ApplyAsync(FollowEvent next, CancellationToken cancellationToken)
    {
        switch (next)
        {
            case JobChanged changed:
                Update(changed.Job);
                break;
            case LinesArrived arrived:
                await cursor.AcceptAsync(arrived.Lines, cancellationToken);
                break;
            case HubClosed closed:
                throw new GatewayException(
                    $"Lost the connection to the platform's hub while following job {Job.Id}" +
                    (closed.Error is null ? "." : $": {closed.Error.Message}"), inner: closed.Error);
            default:
                Update(await client.GetJobAsync(Job.Id, cancellationToken));
                break;
        }
    }

    // A finished job stays finished: a late update from before its end must not bring it back.
    private void Update(Job job)
    {
        if (!Job.IsFinished)
        {
            Job = job;
        }
    }
}
