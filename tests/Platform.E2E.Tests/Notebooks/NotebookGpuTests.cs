using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Notebooks;

/// <summary>Notebooks hold whole GPUs like one-task jobs, on a node with two fake GPUs.</summary>
[Trait("Category", "Docker")]
public sealed class NotebookGpuTests(NotebookFixture fixture) : IClassFixture<NotebookFixture>
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Two_notebooks_hold_different_gpus_and_a_third_waits_with_a_reason_until_one_stops()
    {
        var first = JobJson.Id(await Platform.StartNotebookAsync(gpus: 1));
        var second = JobJson.Id(await Platform.StartNotebookAsync(gpus: 1));
        var firstGpus = Gpus(await Platform.WaitForNotebookAsync(first, "Ready"));
        var secondGpus = Gpus(await Platform.WaitForNotebookAsync(second, "Ready"));

        var third = JobJson.Id(await Platform.StartNotebookAsync(gpus: 1));
        var waiting = await Platform.WaitForNotebookAsync(third, "Pending", TimeSpan.FromSeconds(10));
        await Eventually.HoldsAsync(async () =>
        {
            waiting = await Platform.GetNotebookAsync(third);
            Assert.Contains("waiting for 1 GPU", waiting.GetProperty("reason").GetString());
        }, TimeSpan.FromSeconds(10), "the third notebook's pending reason");

        Assert.Single(firstGpus);
        Assert.Single(secondGpus);
        Assert.NotEqual(firstGpus, secondGpus);
        Assert.Equal(firstGpus, await Platform.GpusHeldByAsync(first));
        Assert.Equal(secondGpus, await Platform.GpusHeldByAsync(second));
        Assert.Empty(Gpus(waiting));

        await Platform.StopNotebookAsync(first);
        Assert.Equal("Stopped", (await Platform.GetNotebookAsync(first)).GetProperty("state").GetString());
        var thirdGpus = Gpus(await Platform.WaitForNotebookAsync(third, "Ready"));
        Assert.Equal(firstGpus, thirdGpus);
        Assert.Empty(await Platform.GpusHeldByAsync(first));

        await Platform.StopNotebookAsync(second);
        await Platform.StopNotebookAsync(third);
        await Eventually.HoldsAsync(async () => Assert.Empty(await Platform.GpusHeldByAsync(third)), TimeSpan.FromSeconds(30), "the GPUs freed");
    }

    [Fact]
    public async Task Stopped_notebook_frees_its_gpu_and_its_container()
    {
        var id = await Platform.StartReadyNotebookAsync(gpus: 1);
        Assert.Single(await Platform.GpusHeldByAsync(id));

        await Platform.StopNotebookAsync(id);

        var stopped = await Platform.GetNotebookAsync(id);
        Assert.Equal("Stopped", stopped.GetProperty("state").GetString());
        Assert.Equal("Stopped by user", stopped.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, stopped.GetProperty("url").ValueKind);
        await Eventually.HoldsAsync(async () => Assert.Empty(await Platform.GpusHeldByAsync(id)), TimeSpan.FromSeconds(30), "the GPU freed");
        await DockerEngine.WaitForNoContainersAsync(id, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Gone, (await Platform.Http.GetAsync($"notebooks/{id}/api/contents")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Platform.Http.DeleteAsync($"api/notebooks/{id}")).StatusCode);
    }

    [Fact]
    public async Task Bad_requests_are_refused_naming_each_field_and_nothing_is_stored()
    {
        var before = await Platform.Http.GetStringAsync("api/notebooks");

        await AssertRefusedAsync("""{ "gpus": 0.5, "cpus": 1, "memoryMb": 1024 }""", "gpus");
        await AssertRefusedAsync("""{ "gpus": 3, "cpus": 1, "memoryMb": 1024 }""", "gpus");
        await AssertRefusedAsync("""{ "gpus": 0, "cpus": 1, "memoryMb": 1024, "image": "docker.io/library/ubuntu:24.04" }""", "image");
        await AssertRefusedAsync("""{ "gpus": 0, "cpus": 1, "memoryMb": 1024, "idleTimeoutMinutes": 0 }""", "idleTimeoutMinutes");
        await AssertRefusedAsync("""{ "gpus": -1, "cpus": 0, "memory": 1024 }""", "gpus", "cpus", "memoryMb", "memory");
        await AssertRefusedAsync("not json", "body");

        Assert.Equal(before, await Platform.Http.GetStringAsync("api/notebooks"));
    }

    [Fact]
    public async Task Unknown_notebook_is_not_found_by_the_api_and_the_proxy()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.Http.GetAsync("api/notebooks/nb-none")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.Http.DeleteAsync("api/notebooks/nb-none")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.Http.GetAsync("notebooks/nb-none/api/contents")).StatusCode);
    }

    private async Task AssertRefusedAsync(string body, params string[] fields)
    {
        var response = await Platform.Http.PostAsync("api/notebooks", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400 for {body}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var named = JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().Select(error => error.Name).ToHashSet();
        Assert.Equal(fields.ToHashSet(), named);
    }

    private static List<string> Gpus(JsonElement notebook) =>
        [.. notebook.GetProperty("gpus").EnumerateArray().Select(gpu => gpu.GetString()!)];
}
