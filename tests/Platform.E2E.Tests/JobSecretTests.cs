using Docker.DotNet.Models;
using Platform.E2E.Tests.Infrastructure;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests;

/// <summary>
/// Each job's <c>PLATFORM_JOB_SECRET</c> reaches its containers (read here from the engine, as an
/// operator could; the tasks print only its length), is the same in all of a job's tasks and in a
/// restarted task, differs between jobs, and appears in no answer of the API.
/// </summary>
[Trait("Category", "Docker")]
public sealed class JobSecretTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Every_task_gets_its_job_s_secret_which_no_api_answer_shows_and_a_restart_keeps()
    {
        var first = Id(await Platform.SubmitAsync(Spec("secret-first")));
        var second = Id(await Platform.SubmitAsync(Spec("secret-second")));
        foreach (var (id, task) in new[] { (first, "ps-0"), (first, "worker-0"), (second, "ps-0"), (second, "worker-0") })
        {
            await Platform.WaitForLineAsync(id, task, "secret-length=43", Timeout);
        }

        var secret = Assert.Single((await SecretsAsync(first)).Values.Distinct());
        var other = Assert.Single((await SecretsAsync(second)).Values.Distinct());
        Assert.NotEqual(secret, other);
        await AssertShownNowhereAsync(first, secret);

        var killed = await KillAsync(first, "worker-0");
        await Eventually.HoldsAsync(async () =>
        {
            var running = await RunningAsync(first, "worker-0");
            Assert.NotEqual(killed, running.ID);
        }, Timeout, $"worker-0 of job {first} to run again");

        Assert.Equal(secret, Assert.Single((await SecretsAsync(first)).Values.Distinct()));
        await Platform.WaitForLineAsync(first, "worker-0", "secret-length=43", Timeout);
        Assert.True((await Platform.GetJobAsync(first)).GetProperty("restarts").GetInt32() >= 1);
        await AssertShownNowhereAsync(first, secret);
        await AssertShownNowhereAsync(second, other);

        await Platform.Http.PostAsync($"api/jobs/{first}/cancel", null);
        await Platform.Http.PostAsync($"api/jobs/{second}/cancel", null);
    }

    private static string Spec(string name) => $$"""
        name: {{name}}
        image: {{DockerEngine.SampleImage}}
        command: ["sh", "-c", "echo secret-length=${#PLATFORM_JOB_SECRET}; sleep 600"]
        restartPolicy: OnFailure
        terminationGracePeriodSeconds: 1
        replicas:
          ps: { count: 1, resources: { cpus: 0.1, memoryMb: 64 } }
          worker: { count: 1, resources: { cpus: 0.1, memoryMb: 64 } }
        """;

    /// <summary>Everything the API answers about the job: its view, the list, its events, its logs, the nodes.</summary>
    private async Task AssertShownNowhereAsync(string id, string secret)
    {
        foreach (var path in new[] { $"api/jobs/{id}", "api/jobs", $"api/jobs/{id}/events", $"api/jobs/{id}/logs", $"api/jobs/{id}/metrics", "api/nodes" })
        {
            var answer = await Platform.Http.GetStringAsync(path);
            Assert.True(answer.Length > 2, $"{path} answered nothing");
            Assert.False(answer.Contains(secret, StringComparison.Ordinal), $"{path} shows job {id}'s secret");
        }
    }

    /// <summary>PLATFORM_JOB_SECRET of each running container of the job, by task.</summary>
    private static async Task<Dictionary<string, string>> SecretsAsync(string id)
    {
        var secrets = new Dictionary<string, string>();
        foreach (var task in new[] { "ps-0", "worker-0" })
        {
            var inspected = await DockerEngine.Client.Containers.InspectContainerAsync((await RunningAsync(id, task)).ID);
            var variable = Assert.Single(inspected.Config?.Env ?? [], variable => variable.StartsWith("PLATFORM_JOB_SECRET=", StringComparison.Ordinal));
            secrets[task] = variable["PLATFORM_JOB_SECRET=".Length..];
            Assert.Equal(43, secrets[task].Length);
        }

        return secrets;
    }

    private static async Task<ContainerListResponse> RunningAsync(string id, string task) =>
        Assert.Single(await DockerEngine.ContainersAsync("platform.job", id),
            container => container.Labels["platform.task"] == task && container.State == "running");

    private static async Task<string> KillAsync(string id, string task)
    {
        var container = await RunningAsync(id, task);
        await DockerEngine.Client.Containers.KillContainerAsync(container.ID, new ContainerKillParameters { Signal = "KILL" });
        return container.ID;
    }
}
