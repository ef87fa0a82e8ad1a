using Orleans.Concurrency;

namespace Platform.Contracts.Notebooks;

/// <summary>
/// One notebook (key: notebook id): a one-task job under the hood, plus the Jupyter token, the
/// readiness check, the URL, the last activity and idle culling.
/// </summary>
public interface INotebookGrain : IGrainWithStringKey
{
    /// <summary>Stores the notebook and queues its job. Idempotent for the same id.</summary>
    Task<NotebookView> StartAsync(NotebookStart start);

    /// <summary>The notebook, or null when none has this id.</summary>
    [AlwaysInterleave]
    Task<NotebookView?> GetAsync();

    /// <summary>Stops it (SIGTERM, grace period, kill); false when it had already ended.</summary>
    Task<bool> StopAsync();

    /// <summary>For the gateway's proxy only: where Jupyter listens and its token; null when no such notebook.</summary>
    [AlwaysInterleave]
    Task<NotebookRoute?> GetRouteAsync();

    /// <summary>A request passed the proxy at <paramref name="at"/>: the notebook is in use.</summary>
    [AlwaysInterleave, OneWay]
    Task ActivityAsync(DateTimeOffset at);

    /// <summary>Its job changed: the notebook reads it again. One-way, from the job.</summary>
    [OneWay]
    Task JobChangedAsync();

    /// <summary>Activates the notebook so it checks readiness and activity again; sent at start.</summary>
    [OneWay]
    Task WakeAsync();
}
