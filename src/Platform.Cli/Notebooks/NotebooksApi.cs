using System.Net;
using Platform.Cli.Gateway;

namespace Platform.Cli.Notebooks;

/// <summary>The notebooks half of the REST API, which a platform may not offer yet.</summary>
public static class NotebooksApi
{
    public const string Path = "api/notebooks";

    public const string NotAvailable = "notebooks are not available on this platform yet";

    /// <summary>
    /// True when the answer means the platform has no notebook API at all: no route (404), or a
    /// page that is not JSON (a web UI's fallback).
    /// </summary>
    public static bool IsMissing(ApiAnswer answer) =>
        answer.Status == HttpStatusCode.NotFound || (answer.IsSuccess && !answer.IsJson);

    /// <summary>
    /// Whether the platform has the notebook API. Asked when a notebook's own path answers 404, which
    /// means either; the collection path exists (for POST) whenever the API does, so only then can
    /// GET on it answer anything but 404.
    /// </summary>
    public static async Task<bool> IsAvailableAsync(GatewayClient client, CancellationToken cancellationToken) =>
        !IsMissing(await client.GetAsync(Path, cancellationToken));

    public static async Task<Notebook> GetNotebookAsync(this GatewayClient client, string id, CancellationToken cancellationToken)
    {
        var answer = await client.GetAsync(NotebookPath(id), cancellationToken);
        return answer.Status == HttpStatusCode.NotFound
            ? throw new GatewayException($"No notebook '{id}' at {client.BaseAddress} (platform notebook list shows them).", HttpStatusCode.NotFound)
            : answer.IsSuccess ? answer.Read<Notebook>() : throw answer.Unexpected($"Reading notebook {id}");
    }

    public static string NotebookPath(string id) => $"{Path}/{Uri.EscapeDataString(id)}";
}
