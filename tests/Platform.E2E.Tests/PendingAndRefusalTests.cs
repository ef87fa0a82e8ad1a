using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests;

[Trait("Category", "Docker")]
public sealed class PendingAndRefusalTests(TwoGpuFixture fixture) : IClassFixture<TwoGpuFixture>
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Job_needing_more_gpus_than_are_free_waits_with_a_reason_and_holds_nothing()
    {
        var id = JobJson.Id(await Platform.SubmitAsync(Samples.HelloPsJob));

        JsonElement job = default;
        await Eventually.HoldsAsync(async () =>
        {
            job = await Platform.GetJobAsync(id);
            Assert.Contains("GPU", job.GetProperty("reason").GetString());
        }, TimeSpan.FromSeconds(30), "a pending reason naming GPUs");
        await Task.Delay(TimeSpan.FromSeconds(3));

        job = await Platform.GetJobAsync(id);
        Assert.Equal("Pending", job.GetProperty("state").GetString());
        Assert.Contains("3 GPUs", job.GetProperty("reason").GetString());
        Assert.All(job.GetProperty("tasks").EnumerateArray(), task =>
        {
            Assert.Equal("Pending", task.GetProperty("state").GetString());
            Assert.Equal(JsonValueKind.Null, task.GetProperty("node").ValueKind);
        });
        Assert.Empty(await DockerEngine.ContainersAsync("platform.job", id));
        var node = (await Platform.Http.GetFromJsonAsync<JsonElement>("api/nodes")).EnumerateArray()
            .Single(n => n.GetProperty("id").GetString() == Platform.NodeId);
        Assert.All(node.GetProperty("gpus").EnumerateArray(), gpu => Assert.Equal(JsonValueKind.Null, gpu.GetProperty("holder").ValueKind));

        Assert.Equal(HttpStatusCode.Accepted, (await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null)).StatusCode);
        await Platform.WaitForStateAsync(id, "Cancelled", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Job_asking_for_more_gpus_than_any_node_has_is_refused_and_not_stored()
    {
        var response = await Platform.Http.PostAsync("api/jobs", Yaml("""
            name: too-big
            image: platform/hello-ps:1.0
            replicas:
              worker: { count: 1, resources: { gpus: 3 } }
            """));

        var problem = await AssertProblemAsync(response, "replicas.worker.resources");
        Assert.Contains("GPU", problem.GetProperty("errors").GetProperty("replicas.worker.resources")[0].GetString());
        Assert.DoesNotContain((await Platform.Http.GetFromJsonAsync<JsonElement>("api/jobs")).EnumerateArray(),
            job => job.GetProperty("name").GetString() == "too-big");
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        var response = await Platform.Http.PostAsync("api/jobs", Json("""
            {
              "name": "Not_A_Label",
              "image": "docker.io/evil/miner:latest",
              "env": { "TF_CONFIG": "{}" },
              "replicas": {
                "worker": { "count": 0, "resources": { "gpus": 0.5 } },
                "driver": { "count": 1 },
                "chief": { "count": 2 }
              },
              "restartPolicy": "Sometimes"
            }
            """));

        var problem = await AssertProblemAsync(response, "name", "env.TF_CONFIG", "replicas.worker.count",
            "replicas.worker.resources.gpus", "replicas.driver", "replicas", "restartPolicy");
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Image_off_the_allow_list_is_refused_by_name()
    {
        var response = await Platform.Http.PostAsync("api/jobs", Yaml("""
            name: elsewhere
            image: docker.io/library/ubuntu:24.04
            replicas: { worker: { count: 1 } }
            """));

        var problem = await AssertProblemAsync(response, "image");
        Assert.Contains("docker.io/library/ubuntu:24.04", problem.GetProperty("errors").GetProperty("image")[0].GetString());
    }

    [Fact]
    public async Task Unreadable_body_is_refused()
    {
        await AssertProblemAsync(await Platform.Http.PostAsync("api/jobs", Json("{ not json")), "body");
        await AssertProblemAsync(await Platform.Http.PostAsync("api/jobs", Yaml("name: [unclosed")), "body");
    }

    [Fact]
    public async Task Unknown_job_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.Http.GetAsync("api/jobs/no-such-job")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.Http.GetAsync("api/jobs/no-such-job/logs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.Http.PostAsync("api/jobs/no-such-job/cancel", null)).StatusCode);
    }

    private static StringContent Yaml(string body) => new(body, Encoding.UTF8, "application/yaml");

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        var named = problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).ToList();
        Assert.All(fields, field => Assert.Contains(field, named));
        return problem;
    }
}
