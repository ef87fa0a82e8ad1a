using Microsoft.AspNetCore.SignalR;
using Platform.Contracts.Feed;
using Platform.Contracts.Jobs;
using Platform.Contracts.Logs;
using Platform.Contracts.Notebooks;
using Platform.Gateway.Notebooks;

namespace Platform.Gateway.Hubs;

/// <summary>
/// This gateway's observer of the job feed. It subscribes again every <see cref="Renew"/>, well
/// within the feed's expiry, because the feed keeps no state: a restarted silo learns of this
/// gateway again that way.
/// </summary>
public sealed partial class JobFeedListener(
    IGrainFactory grains, IHubContext<JobsHub> hub, LogStreams streams, NotebookRoutes routes, NotebookUrls urls, ILogger<JobFeedListener> logger)
    : BackgroundService, IJobFeedObserver
{
    private static readonly TimeSpan Renew = TimeSpan.FromSeconds(20);

    public Task JobUpdated(JobView job) => hub.Clients.Group(JobsHub.JobGroup(job.Id)).SendAsync(HubMethods.JobUpdated, job);

    public Task LinesAppended(string jobId, long lastSeq)
    {
        streams.Notify(jobId);
        return Task.CompletedTask;
    }

    public Task MetricPointsAdded(string jobId, IReadOnlyList<MetricPoint> points) =>
        hub.Clients.Group(JobsHub.JobGroup(jobId)).SendAsync(HubMethods.MetricPoints, jobId, points);

    public Task NotebookUpdated(NotebookView notebook)
    {
        routes.Forget(notebook.Id);
        return hub.Clients.Group(JobsHub.NotebookGroup(notebook.Id)).SendAsync(HubMethods.NotebookUpdated, urls.ForPush(notebook));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var feed = grains.GetGrain<IJobFeedGrain>(IJobFeedGrain.Key);
        var self = grains.CreateObjectReference<IJobFeedObserver>(this);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await feed.SubscribeAsync(self);
                    await Task.Delay(Renew, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogSubscribeFailed(logger, exception);
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing to the job feed failed; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);
}
