using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Platform.Contracts.Jobs;
using Platform.Contracts.Notebooks;
using Platform.Core.Identity;
using Platform.Gateway.Identity;
using Platform.Gateway.Notebooks;

namespace Platform.Gateway.Hubs;

/// <summary>
/// The hub of API.md at <c>/hubs/jobs</c>. A subscriber gets the job at once, then every change
/// (<c>jobUpdated</c>), every log line from the first in order (<c>logLines</c>) and every metric point
/// (<c>metricPoints</c>) as they come. A notebook's subscriber gets the notebook at once and on every
/// change (<c>notebookUpdated</c>). Every subscription is checked against <see cref="AccessPolicy"/>
/// as REST checks it: another team's job and another user's notebook are not there.
/// </summary>
[Authorize]
public sealed class JobsHub(IGrainFactory grains, LogStreams streams, TimeProvider time, NotebookUrls urls) : Hub
{
    public async Task SubscribeJob(string jobId)
    {
        var caller = await LiveCallerAsync();
        if (await grains.GetGrain<IJobGrain>(jobId).GetAsync() is not { } job || !caller.Allows(Act.Read, Resource.Job(job.Team)))
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

    /// <summary>Sends the notebook at once, then on every change (<c>notebookUpdated</c>), its url once Ready.</summary>
    public async Task SubscribeNotebook(string notebookId)
    {
        var caller = await LiveCallerAsync();
        if (await grains.GetGrain<INotebookGrain>(notebookId).GetAsync() is not { } notebook
            || !caller.Allows(Act.Read, Resource.Notebook(notebook.User ?? "")))
        {
            throw new HubException($"There is no notebook '{notebookId}'.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, NotebookGroup(notebookId));
        await Clients.Caller.SendAsync(HubMethods.NotebookUpdated, urls.ForPush(notebook));
    }

    public Task UnsubscribeNotebook(string notebookId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, NotebookGroup(notebookId));

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        streams.CloseAll(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// The caller, if what the connection signed in with still holds: a connection outlives the
    /// check made when it opened, and a revoked token or signed-out session must subscribe to nothing more.
    /// </summary>
    private async Task<Caller> LiveCallerAsync()
    {
        var caller = PlatformClaims.CallerOf(Context.User!) ?? throw new HubException("Sign in first.");
        if (!await SessionCheck.IsLiveAsync(Context.User!, grains, time))
        {
            Context.Abort();
            throw new HubException("The token or session this connection signed in with has ended; sign in again.");
        }

        return caller;
    }

    public static string JobGroup(string jobId) => $"job:{jobId}";

    public static string NotebookGroup(string notebookId) => $"notebook:{notebookId}";
}
