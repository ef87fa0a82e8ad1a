using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.E2E.Tests.Infrastructure;

/// <summary>Small readers of the REST answers the tests look at.</summary>
public static class JobJson
{
    public static string Id(JsonElement job) => job.GetProperty("id").GetString()!;

    public static JsonElement Task(JsonElement job, string name) =>
        job.GetProperty("tasks").EnumerateArray().Single(task => task.GetProperty("name").GetString() == name);

    public static string? OptionalString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static int? OptionalInt(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    public static async Task<List<JsonElement>> EventsAsync(this PlatformProcess platform, string id) =>
        [.. (await platform.Http.GetFromJsonAsync<JsonElement>($"api/jobs/{id}/events")).EnumerateArray()];

    public static async Task<List<string>> TextsAsync(this PlatformProcess platform, string id, string task) =>
        [.. (await platform.LogsAsync(id, task)).Select(line => line.GetProperty("text").GetString()!)];

    /// <summary>Waits until <paramref name="task"/> runs and has printed <paramref name="text"/>.</summary>
    public static Task WaitForLineAsync(this PlatformProcess platform, string id, string task, string text, TimeSpan timeout) =>
        Eventually.HoldsAsync(async () =>
        {
            var job = await platform.GetJobAsync(id);
            if (job.GetProperty("state").GetString() is "Succeeded" or "Failed" or "Cancelled")
            {
                throw new GaveUpException($"Job {id} ended before {task} printed '{text}':\n{job}\n{await platform.LogsTextAsync(id)}");
            }

            Assert.Contains(text, await platform.TextsAsync(id, task));
        }, timeout, $"{task} of job {id} to print '{text}'");

    /// <summary>Waits until <paramref name="task"/> of job <paramref name="id"/> shows <paramref name="state"/>.</summary>
    public static async Task<JsonElement> WaitForTaskStateAsync(this PlatformProcess platform, string id, string task, string state, TimeSpan timeout)
    {
        JsonElement found = default;
        await Eventually.HoldsAsync(async () =>
        {
            found = Task(await platform.GetJobAsync(id), task);
            Assert.Equal(state, found.GetProperty("state").GetString());
        }, timeout, $"{task} of job {id} to be {state}");
        return found;
    }
}
