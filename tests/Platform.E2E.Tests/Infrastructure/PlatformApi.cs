using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.E2E.Tests.Infrastructure;

/// <summary>The REST calls tests make, on any client of any gateway (embedded or one of a cluster's).</summary>
public static class PlatformApi
{
    public static async Task<JsonElement> SubmitAsync(this HttpClient http, string spec, string contentType = "application/yaml")
    {
        var response = await http.PostAsync("api/jobs", new StringContent(spec, Encoding.UTF8, contentType));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"submit answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The node as <c>GET /api/nodes</c> shows it, or null.</summary>
    public static async Task<JsonElement?> NodeAsync(this HttpClient http, string nodeId) =>
        (await http.GetFromJsonAsync<JsonElement>("api/nodes")).EnumerateArray()
            .Select(node => (JsonElement?)node).FirstOrDefault(node => node!.Value.GetProperty("id").GetString() == nodeId);

    public static async Task<JsonElement> GetJobAsync(this HttpClient http, string id) => await http.GetFromJsonAsync<JsonElement>($"api/jobs/{id}");

    /// <summary>The job's timeline, one event's JSON a string.</summary>
    public static async Task<List<string>> EventsAsync(this HttpClient http, string id) =>
        [.. (await http.GetFromJsonAsync<JsonElement>($"api/jobs/{id}/events")).EnumerateArray().Select(e => e.GetRawText())];

    /// <summary>Polls the job until it reaches <paramref name="state"/>; fails early if it finishes otherwise.</summary>
    public static async Task<JsonElement> WaitForStateAsync(this HttpClient http, string id, string state, TimeSpan timeout)
    {
        JsonElement job = default;
        await Eventually.HoldsAsync(async () =>
        {
            job = await http.GetJobAsync(id);
            var current = job.GetProperty("state").GetString();
            if (current != state && current is "Succeeded" or "Failed" or "Cancelled")
            {
                throw new GaveUpException($"Job {id} ended {current} ({job.GetProperty("reason")}) instead of {state}:\n{job}\n{await http.LogsTextAsync(id)}");
            }

            Assert.Equal(state, current);
        }, timeout, $"job {id} to be {state}");
        return job;
    }

    /// <summary>
    /// Waits until <c>worker-0</c> of the job runs its attempt <paramref name="attempt"/> (0 the first;
    /// a restart of the task or of the whole job after a node loss counts one); answers the task.
    /// </summary>
    public static async Task<JsonElement> RunningWorkerAsync(this HttpClient http, string id, int attempt, TimeSpan timeout)
    {
        JsonElement worker = default;
        await Eventually.HoldsAsync(async () =>
        {
            var job = await http.GetJobAsync(id);
            worker = JobJson.Task(job, "worker-0");
            Assert.Equal("Running", worker.GetProperty("state").GetString());
            Assert.Equal(attempt, job.GetProperty("infrastructureRestarts").GetInt32() + worker.GetProperty("restarts").GetInt32());
        }, timeout, $"worker-0 of {id} to run (attempt {attempt})");
        return worker;
    }

    public static async Task<List<JsonElement>> LogsAsync(this HttpClient http, string id, string? task = null)
    {
        var lines = new List<JsonElement>();
        long after = 0;
        while (true)
        {
            var page = await http.GetFromJsonAsync<JsonElement>(
                $"api/jobs/{id}/logs?after={after}&limit=10000" + (task is null ? "" : $"&task={task}"));
            var batch = page.GetProperty("lines").EnumerateArray().ToList();
            if (batch.Count == 0)
            {
                return lines;
            }

            lines.AddRange(batch);
            after = page.GetProperty("next").GetInt64();
        }
    }

    public static async Task<string> LogsTextAsync(this HttpClient http, string id) => string.Join('\n',
        (await http.LogsAsync(id)).Select(line => $"{line.GetProperty("task").GetString()}: {line.GetProperty("text").GetString()}"));

    /// <summary>A client of the gateway at <paramref name="baseAddress"/> with <paramref name="bearer"/> (none when null), sending <c>X-Platform-Client</c> as the CLI does.</summary>
    public static HttpClient Client(Uri baseAddress, string? bearer)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        // A platform client, as the CLI and the web UI are: body-less POSTs and DELETEs need it.
        client.DefaultRequestHeaders.Add("X-Platform-Client", "e2e");
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        }

        return client;
    }
}
