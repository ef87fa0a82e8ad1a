using System.Text.Json;
using Platform.Contracts.Jobs;
using Platform.Contracts.Secrets;
using Platform.Core.Jobs;
using Platform.Grains.Tests.Cluster;

namespace Platform.Grains.Tests.Secrets;

/// <summary>
/// A job's secretEnv is decrypted where its tasks are assigned: the values reach the tasks' secret
/// environment and nothing the job shows; a secret deleted since the submission fails the job.
/// </summary>
public sealed class JobTeamSecretsTests(PlatformClusterFixture cluster) : IClassFixture<PlatformClusterFixture>, IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly JobDriver _jobs = new(cluster.Client);

    [Fact]
    public async Task Every_task_gets_its_group_s_secret_values_in_its_secret_environment_only()
    {
        var secrets = cluster.Client.GetGrain<ITeamSecretsGrain>("nlp");
        await secrets.SetAsync("db", new SecretText("db-value-31"), "ann");
        await secrets.SetAsync("hf", new SecretText("hf-value-32"), "ann");
        var spec = WithSecrets("team-secrets", "nlp", RestartPolicy.Never);

        var id = await _jobs.SubmitRunningAsync(spec);
        var assignments = await _jobs.DesiredAsync(id);
        var shown = JsonSerializer.Serialize(await _jobs.GetAsync(id), Json) + JsonSerializer.Serialize(await _jobs.Job(id).GetEventsAsync(), Json);

        var ps = assignments.Single(assignment => assignment.Task == "ps-0");
        var worker = assignments.Single(assignment => assignment.Task == "worker-0");
        Assert.Equal(("db-value-31", false), (ps.SecretEnv["DB"], ps.SecretEnv.ContainsKey("HF")));
        Assert.Equal(("db-value-31", "hf-value-32"), (worker.SecretEnv["DB"], worker.SecretEnv["HF"]));
        Assert.True(worker.SecretEnv.ContainsKey(PlatformEnv.JobSecret));
        Assert.All(assignments, assignment => Assert.DoesNotContain(assignment.Env.Values, value => value.Contains("-value-3", StringComparison.Ordinal)));
        Assert.Contains("\"DB\":\"db\"", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("-value-3", shown, StringComparison.Ordinal);
        await _jobs.Job(id).CancelAsync();
    }

    [Fact]
    public async Task A_restarted_task_gets_the_secret_s_new_value()
    {
        var secrets = cluster.Client.GetGrain<ITeamSecretsGrain>("rotate");
        await secrets.SetAsync("db", new SecretText("old"), "ann");
        await secrets.SetAsync("hf", new SecretText("hf"), "ann");
        var id = await _jobs.SubmitRunningAsync(WithSecrets("team-secrets-rotate", "rotate", RestartPolicy.OnFailure));
        await _jobs.RunningAsync(id, "worker-0");

        await secrets.SetAsync("db", new SecretText("new"), "ann");
        await _jobs.ExitedAsync(id, "worker-0", exitCode: 1);

        var again = await Eventually.UntilAsync(() => _jobs.DesiredAsync(id, "worker-0"), assignment => assignment.Attempt == 1, "worker-0's second attempt");
        Assert.Equal("new", again.SecretEnv["DB"]);
        await _jobs.Job(id).CancelAsync();
    }

    [Fact]
    public async Task A_secret_deleted_after_submission_fails_the_job_when_its_task_is_assigned_again()
    {
        var secrets = cluster.Client.GetGrain<ITeamSecretsGrain>("forgetful");
        await secrets.SetAsync("db", new SecretText("v"), "ann");
        await secrets.SetAsync("hf", new SecretText("v"), "ann");
        var id = await _jobs.SubmitRunningAsync(WithSecrets("team-secrets-gone", "forgetful", RestartPolicy.OnFailure));
        await _jobs.RunningAsync(id, "worker-0");

        await secrets.DeleteAsync("hf");
        await _jobs.ExitedAsync(id, "worker-0", exitCode: 1);

        var failed = await _jobs.WaitForAsync(id, JobState.Failed);
        Assert.StartsWith("SecretMissing:", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("secret 'hf' (replicas.worker.secretEnv.HF)", failed.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(await _jobs.DesiredAsync(id), assignment => assignment.Attempt > 0);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _jobs.DisposeAsync().AsTask();

    private static JobSpec WithSecrets(string name, string team, RestartPolicy policy)
    {
        var spec = Specs.Job(name, policy, team: team, groups: [(ReplicaTypes.Ps, 1, 0), (ReplicaTypes.Worker, 1, 0)]);
        return spec with
        {
            SecretEnv = new Dictionary<string, string> { ["DB"] = "db" },
            Replicas = new Dictionary<string, ReplicaSpec>
            {
                [ReplicaTypes.Ps] = spec.Replicas[ReplicaTypes.Ps],
                [ReplicaTypes.Worker] = spec.Replicas[ReplicaTypes.Worker] with { SecretEnv = new Dictionary<string, string> { ["HF"] = "hf" } },
            },
        };
    }
}
