using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Jobs;
using Platform.Contracts.Logs;
using Platform.Grains.Jobs;

namespace Platform.Grains.Tests.Cluster;

/// <summary>The job index kept with the jobs' state across restarts, and finished jobs pruned after their retention.</summary>
public sealed class JobRetentionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task An_index_that_lost_or_missed_entries_is_rebuilt_from_the_jobs_state_at_start()
    {
        string first, second;
        await using (var cluster = await PlatformClusterFixture.DeployAsync(_dir.Path))
        {
            var jobs = new JobDriver(cluster.Client);
            first = await jobs.SubmitAsync(Specs.Workers("before-crash", 1, 0));
            second = await jobs.SubmitAsync(Specs.Workers("also-before", 1, 0));
            await jobs.Job(first).CancelAsync();
        }

        // As if the state had been written by a version without the index, or the index had been damaged.
        await ExecuteAsync("DELETE FROM job_index WHERE job_id = $id; UPDATE job_index SET version = 0, state = 'Pending' WHERE job_id = $other",
            ("$id", first), ("$other", second));

        await using var restarted = await PlatformClusterFixture.DeployAsync(_dir.Path);
        var page = await restarted.Client.GetGrain<IJobIndexGrain>(GrainKeys.JobIndex).ListAsync(new JobQuery(null, null, null, 100));
        Assert.Equal([(second, JobState.Pending), (first, JobState.Cancelled)], page.Jobs.Select(job => (job.Id, job.State)));
        var cancelled = await restarted.Client.GetGrain<IJobIndexGrain>(GrainKeys.JobIndex).ListAsync(new JobQuery(JobState.Cancelled, null, null, 100));
        Assert.Equal([first], cancelled.Jobs.Select(job => job.Id));
    }

    [Fact]
    public async Task Finished_jobs_past_the_retention_are_removed_with_their_logs_and_running_ones_are_kept()
    {
        await using var cluster = await PlatformClusterFixture.DeployAsync(_dir.Path, silo => silo.Services.Configure<JobRetentionOptions>(options =>
        {
            options.Retention = TimeSpan.FromSeconds(2);
            options.PruneInterval = TimeSpan.FromHours(1);
        }));
        var jobs = new JobDriver(cluster.Client);
        var old = await jobs.SubmitAsync(Specs.Workers("old", 1, 0));
        var running = await jobs.SubmitAsync(Specs.Workers("running", 1, 0));
        var owned = $"owned-{Guid.NewGuid():N}";
        await jobs.Job(owned).SubmitOwnedAsync(Specs.Workers("owned", 1, 0), new JobOwner { NotebookId = "nb-00000001" });
        await jobs.Job(owned).CancelAsync();
        await cluster.Client.GetGrain<IJobLogGrain>(old).AppendAsync(
            [new LogEntry("worker-0", "stdout", DateTimeOffset.UtcNow, "@metric {\"loss\": 1}", "c-1", 1)]);
        await jobs.Job(old).CancelAsync();
        var retention = cluster.Client.GetGrain<IJobRetentionGrain>(IJobRetentionGrain.Key);
        Assert.Equal(0, await retention.PruneAsync());

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var pruned = await retention.PruneAsync();

        Assert.Equal(1, pruned);
        Assert.Null(await jobs.Job(old).GetAsync());
        Assert.Empty((await cluster.Client.GetGrain<IJobLogGrain>(old).ReadAsync(null, 0, 10)).Lines);
        Assert.Empty(await cluster.Client.GetGrain<IJobLogGrain>(old).GetMetricsAsync());
        var listed = await cluster.Client.GetGrain<IJobIndexGrain>(GrainKeys.JobIndex).ListAsync(new JobQuery(null, null, null, 100));
        Assert.Equal([running], listed.Jobs.Select(job => job.Id));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM grain_state WHERE grain_id = $id", ("$id", $"job/{old}")));
        Assert.NotNull(await jobs.Job(running).GetAsync());
        Assert.False(await jobs.Job(owned).PruneAsync(DateTimeOffset.UtcNow.AddDays(1)));
        Assert.NotNull(await jobs.Job(owned).GetAsync());
        await jobs.Job(running).CancelAsync();
    }

    public void Dispose() => _dir.Dispose();

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = await CommandAsync(sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = await CommandAsync(sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    private async Task<SqliteCommand> CommandAsync(string sql, (string Name, object Value)[] parameters)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_dir.Path, "state.db")};Pooling=False");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Disposed += (_, _) => connection.Dispose();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
