using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Notebooks;

/// <summary>The notebook half of the REST API, as the tests drive it.</summary>
public static class NotebookRest
{
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    public static Task<JsonElement> StartNotebookAsync(this PlatformProcess platform, int gpus = 0, int? idleTimeoutMinutes = null) =>
        StartNotebookAsync(platform.Http, gpus, idleTimeoutMinutes);

    /// <summary>Starts a notebook as the user <paramref name="http"/> is signed in as.</summary>
    public static async Task<JsonElement> StartNotebookAsync(HttpClient http, int gpus = 0, int? idleTimeoutMinutes = null)
    {
        var response = await http.PostAsJsonAsync("api/notebooks", new { gpus, cpus = 0.5, memoryMb = 1024, idleTimeoutMinutes });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"starting a notebook answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static Task<JsonElement> GetNotebookAsync(this PlatformProcess platform, string id) =>
        platform.Http.GetFromJsonAsync<JsonElement>($"api/notebooks/{id}");

    public static async Task StopNotebookAsync(this PlatformProcess platform, string id) =>
        Assert.Equal(HttpStatusCode.Accepted, (await platform.Http.DeleteAsync($"api/notebooks/{id}")).StatusCode);

    /// <summary>Polls the notebook until it is <paramref name="state"/>; gives up at once if it ends otherwise.</summary>
    public static async Task<JsonElement> WaitForNotebookAsync(this PlatformProcess platform, string id, string state, TimeSpan? timeout = null)
    {
        JsonElement notebook = default;
        await Eventually.HoldsAsync(async () =>
        {
            notebook = await platform.GetNotebookAsync(id);
            var current = notebook.GetProperty("state").GetString();
            if (current != state && current is "Stopped" or "Culled" or "Failed")
            {
                throw new GaveUpException($"Notebook {id} ended {current} instead of {state}:\n{notebook}\n{await platform.LogsTextAsync(id)}");
            }

            Assert.Equal(state, current);
        }, timeout ?? ReadyTimeout, $"notebook {id} to be {state}");
        return notebook;
    }

    public static Task<string> StartReadyNotebookAsync(this PlatformProcess platform, int gpus = 0, int? idleTimeoutMinutes = null) =>
        platform.StartReadyNotebookAsync(platform.Http, gpus, idleTimeoutMinutes);

    /// <summary>Starts a notebook as the user <paramref name="http"/> is signed in as and waits until it is Ready.</summary>
    public static async Task<string> StartReadyNotebookAsync(this PlatformProcess platform, HttpClient http, int gpus = 0, int? idleTimeoutMinutes = null)
    {
        var id = JobJson.Id(await StartNotebookAsync(http, gpus, idleTimeoutMinutes));
        await platform.WaitForNotebookAsync(id, "Ready");
        return id;
    }

    /// <summary>The GPU ids the node's slots say this notebook holds.</summary>
    public static async Task<List<string>> GpusHeldByAsync(this PlatformProcess platform, string id)
    {
        var node = await platform.NodeAsync(platform.NodeId);
        return [.. node!.Value.GetProperty("gpus").EnumerateArray()
            .Where(gpu => gpu.GetProperty("holder").ValueKind == JsonValueKind.Object &&
                gpu.GetProperty("holder").GetProperty("jobId").GetString() == id)
            .Select(gpu => gpu.GetProperty("id").GetString()!)];
    }
}
