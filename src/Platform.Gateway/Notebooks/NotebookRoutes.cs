using System.Collections.Concurrent;
using Platform.Contracts.Notebooks;

namespace Platform.Gateway.Notebooks;

/// <summary>
/// The proxy's look-up of where a notebook runs, cached for a moment so a page's burst of requests
/// asks the grain once. A change the feed announces drops the entry at once.
/// </summary>
public sealed class NotebookRoutes(IGrainFactory grains, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, (NotebookRoute? Route, DateTimeOffset Until)> _cache = new();

    public async Task<NotebookRoute?> GetAsync(string notebookId)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(notebookId, out var cached) && cached.Until > now)
        {
            return cached.Route;
        }

        var route = await grains.GetGrain<INotebookGrain>(notebookId).GetRouteAsync();
        _cache[notebookId] = (route, now + Lifetime);
        return route;
    }

    public void Forget(string notebookId) => _cache.TryRemove(notebookId, out _);
}
