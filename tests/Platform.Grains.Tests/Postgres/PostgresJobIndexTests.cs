using Platform.Contracts.Jobs;
using Platform.Grains.Jobs;
using Platform.Grains.Storage.Postgres;

namespace Platform.Grains.Tests.Postgres;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresJobIndexTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private PostgresDatabase _database = null!;
    private PostgresJobIndex _index = null!;

    public async Task InitializeAsync()
    {
        _database = await postgres.MigratedDatabaseAsync();
        _index = new PostgresJobIndex(_database, PostgresFixture.Serializer);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public static TheoryData<JobState?, string?, string[]?, string[]> Filters => new()
    {
        { null, null, null, ["d", "c", "b", "a"] },
        { JobState.Running, null, null, ["c", "a"] },
        { null, "red", null, ["c", "b"] },
        { JobState.Running, "red", null, ["c"] },
        { null, null, ["blue"], ["d", "a"] },
        { null, null, ["red", "blue"], ["d", "c", "b", "a"] },
        { null, null, [], [] },
        { JobState.Succeeded, null, ["blue"], ["d"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task List_filters_by_state_team_and_teams(JobState? state, string? team, string[]? teams, string[] expected)
    {
        await FollowAsync(Job("a", "blue", JobState.Running, T0));
        await FollowAsync(Job("b", "red", JobState.Failed, T0.AddSeconds(1)));
        await FollowAsync(Job("c", "red", JobState.Running, T0.AddSeconds(2)));
        await FollowAsync(Job("d", "blue", JobState.Succeeded, T0.AddSeconds(3)));

        var page = await _index.ListAsync(new JobQuery(state, team, null, 100, teams));

        Assert.Equal(expected, page.Jobs.Select(job => job.Id));
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Cursor_pages_through_120_jobs_created_at_the_same_time_each_once()
    {
        for (var i = 0; i < 120; i++)
        {
            await FollowAsync(Job($"job-{i:000}", "red", JobState.Pending, T0));
        }

        var seen = new List<string>();
        JobCursor? after = null;
        do
        {
            var page = await _index.ListAsync(new JobQuery(null, null, after, 25));
            Assert.InRange(page.Jobs.Count, 1, 25);
            seen.AddRange(page.Jobs.Select(job => job.Id));
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(Enumerable.Range(0, 120).Select(i => $"job-{i:000}").Reverse(), seen);
    }

    [Fact]
    public async Task A_notebook_s_job_is_not_listed()
    {
        await FollowAsync(Job("mine", "red", JobState.Running, T0));
        var notebook = Job("nb", "red", JobState.Succeeded, T0, finishedAt: T0);
        notebook.Owner = new JobOwner { NotebookId = "nb-1" };
        await FollowAsync(notebook);

        Assert.Equal(["mine"], (await _index.ListAsync(new JobQuery(null, null, null, 10))).Jobs.Select(job => job.Id));
        Assert.Empty(await _index.FinishedBeforeAsync(T0.AddDays(1), 10));
    }

    [Fact]
    public async Task Finished_before_answers_listed_finished_jobs_oldest_first_up_to_the_limit()
    {
        await FollowAsync(Job("late", "red", JobState.Failed, T0, finishedAt: T0.AddHours(3)));
        await FollowAsync(Job("early", "red", JobState.Succeeded, T0, finishedAt: T0.AddHours(1)));
        await FollowAsync(Job("middle", "red", JobState.Cancelled, T0, finishedAt: T0.AddHours(2)));
        await FollowAsync(Job("running", "red", JobState.Running, T0));

        Assert.Equal(["early", "middle"], await _index.FinishedBeforeAsync(T0.AddHours(2.5), 10));
        Assert.Equal(["early"], await _index.FinishedBeforeAsync(T0.AddHours(4), 1));
    }

    [Fact]
    public async Task Following_updates_the_row_and_keeps_every_event_once()
    {
        var job = Job("a", "red", JobState.Pending, T0);
        job.Events.Add(new JobEvent(T0, "Submitted", null, null, null, "submitted", By: "alice"));
        await FollowAsync(job, "1");
        job.State = JobState.Running;
        job.Events.Add(new JobEvent(T0.AddSeconds(1).AddTicks(7), "Started", "worker-0", "node-1", "Placed", "started"));
        await FollowAsync(job, "2");
        await FollowAsync(job, "2");

        Assert.Equal([JobState.Running], (await _index.ListAsync(new JobQuery(null, null, null, 10))).Jobs.Select(view => view.State));
        Assert.Equal(job.Events, await _index.ReadEventsAsync("a"));
    }

    [Fact]
    public async Task Counts_listed_jobs_by_state_as_they_move()
    {
        await FollowAsync(Job("a", "red", JobState.Running, T0));
        await FollowAsync(Job("b", "blue", JobState.Running, T0));
        await FollowAsync(Job("c", "red", JobState.Failed, T0, finishedAt: T0));
        var notebook = Job("nb", "red", JobState.Running, T0);
        notebook.Owner = new JobOwner { NotebookId = "nb-1" };
        await FollowAsync(notebook);
        await FollowAsync(Job("b", "blue", JobState.Succeeded, T0, finishedAt: T0), "2");

        var counts = await _index.CountByStateAsync();

        Assert.Equal(new Dictionary<JobState, long> { [JobState.Running] = 1, [JobState.Failed] = 1, [JobState.Succeeded] = 1 }, counts);
    }

    [Fact]
    public async Task Other_states_are_not_indexed()
    {
        await _index.FollowAsync(GrainId.Create("job", "a"), "secrets", "1", Job("a", "red", JobState.Running, T0));

        Assert.Empty((await _index.ListAsync(new JobQuery(null, null, null, 10))).Jobs);
    }

    [Fact]
    public async Task Clearing_the_state_removes_the_row_and_its_events()
    {
        var job = Job("a", "red", JobState.Succeeded, T0, finishedAt: T0);
        job.Events.Add(new JobEvent(T0, "Submitted", null, null, null, "submitted"));
        await FollowAsync(job);
        await FollowAsync(Job("b", "red", JobState.Running, T0));

        await _index.FollowAsync(GrainId.Create("job", "a"), PostgresJobIndex.StateName, null, null);

        Assert.Equal(["b"], (await _index.ListAsync(new JobQuery(null, null, null, 10))).Jobs.Select(view => view.Id));
        Assert.Empty(await _index.FinishedBeforeAsync(T0.AddDays(1), 10));
        Assert.Empty(await _index.ReadEventsAsync("a"));
    }

    [Fact]
    public async Task Repair_has_nothing_to_do()
    {
        await FollowAsync(Job("a", "red", JobState.Running, T0));

        Assert.Equal(0, await _index.RepairAsync());
    }

    private Task FollowAsync(JobGrainState job, string version = "1") =>
        _index.FollowAsync(GrainId.Create("job", job.Spec!.Name), PostgresJobIndex.StateName, version, job);

    private static JobGrainState Job(string id, string team, JobState state, DateTimeOffset createdAt, DateTimeOffset? finishedAt = null) => new()
    {
        Spec = new JobSpec
        {
            Name = id,
            Team = team,
            Image = "platform/test:1",
            Replicas = new Dictionary<string, ReplicaSpec> { [ReplicaTypes.Worker] = new() { Count = 1 } },
        },
        State = state,
        CreatedAt = createdAt,
        FinishedAt = finishedAt,
    };
}
