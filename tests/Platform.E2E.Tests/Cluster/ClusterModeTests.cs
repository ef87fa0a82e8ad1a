using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;
using Platform.E2E.Tests.Infrastructure.Cluster;

namespace Platform.E2E.Tests.Cluster;

/// <summary>Two silos, a gateway and an agent, each its own process on its own address, form one platform through Redis.</summary>
[Trait("Category", "Redis")]
public sealed class ClusterModeTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string TwoWorkers = """
        name: across-processes
        runtime: process
        command: ["sh", "-c", "echo \"$PLATFORM_TASK_NAME sees $TF_CONFIG\""]
        replicas:
          worker: { count: 2, resources: { cpus: 0.1, memoryMb: 64, gpus: 1 } }
        successPolicy: AllWorkers
        """;

    private ClusterProcesses Cluster => fixture.Cluster;

    [Fact]
    public async Task Job_submitted_to_the_gateway_runs_on_the_agent_with_its_address_in_TF_CONFIG()
    {
        var id = await Cluster.SubmitAsync(TwoWorkers);

        var job = await Cluster.WaitForStateAsync(id, "Succeeded", TimeSpan.FromSeconds(90));

        Assert.All(job.GetProperty("tasks").EnumerateArray(), task => Assert.Equal(Cluster.AgentNodeId, task.GetProperty("node").GetString()));
        var lines = await Cluster.LogTextsAsync(id);
        Assert.Equal(2, lines.Count(line => line.Contains($"\"{Cluster.AgentAddress}:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Grain_state_outlives_the_sigkill_of_each_silo_in_turn()
    {
        var id = await Cluster.SubmitAsync(TwoWorkers);
        var before = await Cluster.WaitForStateAsync(id, "Succeeded", TimeSpan.FromSeconds(90));
        var tokenResponse = await Cluster.Http.PostAsJsonAsync("api/tokens", new { user = "survivor", role = "member", teams = new[] { "default" } });
        Assert.True(tokenResponse.IsSuccessStatusCode, await tokenResponse.Content.ReadAsStringAsync());
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();

        // Whichever silo hosts the job and the token grains, one of the two kills takes it: the
        // grains come back on the other silo from what Redis holds.
        foreach (var (killed, restarted) in new[] { ("silo-1", "silo-1"), ("silo-2", "silo-2") })
        {
            await Cluster.KillAsync(killed);
            await AssertSameJobAsync(id, before, $"after {killed} was killed");
            await AssertTokenWorksAsync(token!, $"after {killed} was killed");
            await Cluster.StartAsync(restarted);
        }
    }

    private async Task AssertSameJobAsync(string id, JsonElement before, string when) =>
        await Eventually.HoldsAsync(async () =>
        {
            var job = await Cluster.Http.GetFromJsonAsync<JsonElement>($"api/jobs/{id}");
            Assert.Equal("Succeeded", job.GetProperty("state").GetString());
            Assert.Equal(Tasks(before), Tasks(job));
        }, TimeSpan.FromSeconds(120), $"job {id} to be read back {when}");

    private async Task AssertTokenWorksAsync(string token, string when)
    {
        using var client = new HttpClient { BaseAddress = Cluster.GatewayAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await Eventually.HoldsAsync(async () => (await client.GetAsync("api/jobs")).EnsureSuccessStatusCode(),
            TimeSpan.FromSeconds(120), $"the user's token to be accepted {when}");
    }

    private static string Tasks(JsonElement job) => string.Join(";", job.GetProperty("tasks").EnumerateArray()
        .Select(task => $"{task.GetProperty("name").GetString()}@{task.GetProperty("node").GetString()}:{task.GetProperty("port")}:{task.GetProperty("state").GetString()}"));
}
