using Microsoft.Extensions.Options;
using Platform.Contracts.Jobs;

namespace Platform.Grains.Jobs;

/// <summary>
/// Removes finished jobs past <see cref="JobRetentionOptions.Retention"/> in batches, each through
/// its own grain, which deletes its logs before its state: a crash midway leaves a job to prune
/// again, never logs without a job.
/// </summary>
public sealed partial class JobRetentionGrain(
    IJobIndex index, IOptions<JobRetentionOptions> options, TimeProvider time, ILogger<JobRetentionGrain> logger)
    : Grain, IJobRetentionGrain
{
    private const int Batch = 100;

    private IGrainTimer? _timer;

    public Task StartAsync()
    {
        var period = options.Value.PruneInterval;
        _timer ??= this.RegisterGrainTimer(async () => await PruneAsync(), new GrainTimerCreationOptions(period, period) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task<int> PruneAsync()
    {
        if (options.Value.Retention == TimeSpan.Zero)
        {
            return 0;
        }

        var cutoff = time.GetUtcNow() - options.Value.Retention;
        var pruned = 0;
        while (await index.FinishedBeforeAsync(cutoff, Batch) is { Count: > 0 } ids)
        {
            var results = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IJobGrain>(id).PruneAsync(cutoff)));
            pruned += results.Count(removed => removed);
            if (!results.Any(removed => removed))
            {
                // Listed as finished but not prunable (finished again later): leave it for the next round.
                break;
            }
        }

        if (pruned > 0)
        {
            LogPruned(logger, pruned, options.Value.Retention);
        }

        return pruned;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} jobs finished more than {Retention} ago")]
    private static partial void LogPruned(ILogger logger, int count, TimeSpan retention);
}
