using Microsoft.AspNetCore.SignalR;
using Platform.Contracts.Jobs;

namespace Platform.Gateway.Hubs;

/// <summary>
/// The hub of API.md at <c>/hubs/jobs</c>. A subscriber gets the job at once, then every change
/// (<c>jobUpdated</c>), every log line from the first in order (<c>logLines</c>) and every metric point
/// (<c>metricPoints</c>) as they come.
/// </summary>
public sealed class JobsHub(IGrainFactory grains, LogStreams streams) : Hub
{
    public async Task SubscribeJob(string jobId)
    {
        if (await grains.GetGrain<IJobGrain>(jobId).GetAsync() is not { } job)
        {
            throw new HubException($"There is no job '{jobId}'.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, JobGroup(jobId));
        await Clients.Caller.SendAsync(HubMethods.JobUpdated, job);
        streams.Open(Context.ConnectionId, jobId);
    }

    public async Task UnsubscribeJob(string jobId)
    {
        streams.Close(Context.ConnectionId, jobId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, JobGroup(jobId));
    }

    public Task SubscribeNotebook(string notebookId) =>
        throw new HubException($"Notebooks are not available on this platform yet (asked for '{notebookId}').");

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        streams.CloseAll(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public static string JobGroup(string jobId) => $"job:{jobId}";
}
