using System.Text.Json;
using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Core.Jobs;

namespace Platform.Grains.Tests.Cluster;

/// <summary>
/// Every job has a secret of its own, made at submission: all its tasks get it in their secret
/// environment, for every attempt and across a control-plane restart; no view or event shows it.
/// </summary>
public sealed class JobSecretTests(PlatformClusterFixture cluster) : IClassFixture<PlatformClusterFixture>, IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly JobDriver _jobs = new(cluster.Client);

    [Fact]
    public async Task Every_task_of_a_job_gets_the_same_secret_and_another_job_another()
    {
        var first = await _jobs.SubmitRunningAsync(PsAndWorkers("secret-a"));
        var second = await _jobs.SubmitRunningAsync(PsAndWorkers("secret-b"));

        var secret = await SecretOfAsync(first);
        var other = await SecretOfAsync(second);

        Assert.Equal(43, secret.Length);
        Assert.NotEqual(secret, other);
        foreach (var assignment in (await _jobs.DesiredAsync(first)).Concat(await _jobs.DesiredAsync(second)))
        {
            Assert.False(assignment.Env.ContainsKey(PlatformEnv.JobSecret), $"{assignment.Task}'s plain environment holds the secret");
            Assert.DoesNotContain(assignment.Env.Values, value => value.Contains(secret, StringComparison.Ordinal) || value.Contains(other, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task No_view_or_event_of_the_job_shows_its_secret()
    {
        var id = await _jobs.SubmitRunningAsync(PsAndWorkers("secret-hidden"));
        var secret = await SecretOfAsync(id);
        await _jobs.RunningAsync(id, "ps-0");

        var shown = JsonSerializer.Serialize(await _jobs.GetAsync(id), Json) + JsonSerializer.Serialize(await _jobs.Job(id).GetEventsAsync(), Json);

        Assert.Contains(id, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restarted_task_keeps_its_job_s_secret()
    {
        var id = await _jobs.SubmitRunningAsync(PsAndWorkers("secret-restart", RestartPolicy.OnFailure));
        var secret = await SecretOfAsync(id);
        await _jobs.RunningAsync(id, "worker-0");

        await _jobs.ExitedAsync(id, "worker-0", exitCode: 1);

        var again = await Eventually.UntilAsync(() => _jobs.DesiredAsync(id, "worker-0"), assignment => assignment.Attempt == 1, "worker-0's second attempt");
        Assert.Equal(secret, again.SecretEnv[PlatformEnv.JobSecret]);
    }

    [Fact]
    public async Task A_restarted_control_plane_gives_the_job_the_same_secret()
    {
        using var dir = new TempDirectory();
        string id;
        string secret;
        await using (var before = await PlatformClusterFixture.DeployAsync(dir.Path))
        {
            var jobs = new JobDriver(before.Client);
            await jobs.Node.RegisterAsync(PlatformClusterFixture.Capacity);
            id = await jobs.SubmitRunningAsync(PsAndWorkers("secret-survives"));
            secret = (await jobs.DesiredAsync(id, "worker-0")).SecretEnv[PlatformEnv.JobSecret];
        }

        await using var after = await PlatformClusterFixture.DeployAsync(dir.Path);
        var again = new JobDriver(after.Client);

        Assert.All(await again.DesiredAsync(id), assignment => Assert.Equal(secret, assignment.SecretEnv[PlatformEnv.JobSecret]));
        await again.Job(id).CancelAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _jobs.DisposeAsync().AsTask();

    private static JobSpec PsAndWorkers(string name, RestartPolicy policy = RestartPolicy.Never) =>
        Specs.Job(name, policy, groups: [(ReplicaTypes.Ps, 1, 0), (ReplicaTypes.Worker, 2, 0)]);

    /// <summary>The secret every task of the job got; fails unless they all got the same one.</summary>
    private async Task<string> SecretOfAsync(string id)
    {
        var assignments = await _jobs.DesiredAsync(id);
        Assert.Equal(3, assignments.Count);
        return Assert.Single(assignments.Select(assignment => assignment.SecretEnv[PlatformEnv.JobSecret]).Distinct());
    }
}
