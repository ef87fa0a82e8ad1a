using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using Platform.Contracts.Jobs;
using Platform.Grains.Jobs;
using Platform.Grains.Storage;

namespace Platform.Grains.Tests.Storage;

public sealed class SqliteGrainStorageTests : IDisposable
{
    private static readonly GrainId Job1 = GrainId.Create("job", "job-1");
    private static readonly GrainId Job2 = GrainId.Create("job", "job-2");

    private readonly TempDirectory _dir = new();
    private readonly Serializer _serializer = new ServiceCollection()
        .AddSerializer(builder => builder
            .AddAssembly(typeof(JobGrainState).Assembly)
            .AddAssembly(typeof(JobSpec).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public async Task Written_state_reads_back_whole()
    {
        var storage = Storage();
        var written = new GrainState<JobGrainState>(Sample("mnist"));

        await storage.WriteStateAsync("job", Job1, written);
        var read = await ReadAsync(storage, Job1);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        var job = read.State!;
        Assert.Equal("mnist", job.Spec!.Name);
        Assert.Equal(JobState.Running, job.State);
        Assert.Equal(2, job.Restarts);
        Assert.Equal(["worker-0"], job.Tasks.Select(task => task.Name));
        Assert.Equal([0, 1], job.Tasks[0].GpuIndexes);
    }

    [Fact]
    public async Task State_never_written_reads_as_a_fresh_state_without_record()
    {
        var read = await ReadAsync(Storage(), Job1);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.NotNull(read.State);
        Assert.Empty(read.State!.Tasks);
    }

    [Fact]
    public async Task Every_write_moves_the_etag_on()
    {
        var storage = Storage();
        var state = new GrainState<JobGrainState>(Sample("a"));

        await storage.WriteStateAsync("job", Job1, state);
        var first = state.ETag;
        state.State!.Reason = "changed";
        await storage.WriteStateAsync("job", Job1, state);

        Assert.NotNull(first);
        Assert.NotEqual(first, state.ETag);
        Assert.Equal("changed", (await ReadAsync(storage, Job1)).State!.Reason);
    }

    [Fact]
    public async Task Write_with_a_stale_etag_is_refused()
    {
        var storage = Storage();
        await storage.WriteStateAsync("job", Job1, new GrainState<JobGrainState>(Sample("a")));
        var mine = await ReadAsync(storage, Job1);
        var theirs = await ReadAsync(storage, Job1);
        theirs.State!.Reason = "theirs";
        await storage.WriteStateAsync("job", Job1, theirs);

        mine.State!.Reason = "mine";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("job", Job1, mine));

        Assert.Equal("theirs", (await ReadAsync(storage, Job1)).State!.Reason);
    }

    [Fact]
    public async Task First_write_over_an_existing_record_is_refused()
    {
        var storage = Storage();
        await storage.WriteStateAsync("job", Job1, new GrainState<JobGrainState>(Sample("first")));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("job", Job1, new GrainState<JobGrainState>(Sample("second"))));

        Assert.Equal("first", (await ReadAsync(storage, Job1)).State!.Spec!.Name);
    }

    [Fact]
    public async Task Cleared_state_is_gone_and_can_be_written_afresh()
    {
        var storage = Storage();
        var state = new GrainState<JobGrainState>(Sample("a"));
        await storage.WriteStateAsync("job", Job1, state);

        await storage.ClearStateAsync("job", Job1, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.False((await ReadAsync(storage, Job1)).RecordExists);
        state.State = Sample("b");
        await storage.WriteStateAsync("job", Job1, state);
        Assert.Equal("b", (await ReadAsync(storage, Job1)).State!.Spec!.Name);
    }

    [Fact]
    public async Task State_survives_a_new_storage_on_the_same_file()
    {
        await Storage().WriteStateAsync("job", Job1, new GrainState<JobGrainState>(Sample("durable")));

        var read = await ReadAsync(Storage(), Job1);

        Assert.True(read.RecordExists);
        Assert.Equal("durable", read.State!.Spec!.Name);
    }

    [Fact]
    public async Task Grains_and_state_names_are_kept_apart()
    {
        var storage = Storage();
        await storage.WriteStateAsync("job", Job1, new GrainState<JobGrainState>(Sample("one")));
        await storage.WriteStateAsync("job", Job2, new GrainState<JobGrainState>(Sample("two")));

        Assert.Equal("one", (await ReadAsync(storage, Job1)).State!.Spec!.Name);
        Assert.Equal("two", (await ReadAsync(storage, Job2)).State!.Spec!.Name);
        Assert.False((await ReadAsync(storage, Job1, "other")).RecordExists);
    }

    public void Dispose() => _dir.Dispose();

    private SqliteGrainStorage Storage() =>
        new(new SqliteDatabase(_dir.File("state.db"), SqliteGrainStorage.Schema), _serializer);

    private static async Task<GrainState<JobGrainState>> ReadAsync(SqliteGrainStorage storage, GrainId id, string name = "job")
    {
        var state = new GrainState<JobGrainState>();
        await storage.ReadStateAsync(name, id, state);
        return state;
    }

    private static JobGrainState Sample(string name) => new()
    {
        Spec = new JobSpec
        {
            Name = name,
            Image = "platform/test:1",
            Replicas = new Dictionary<string, ReplicaSpec> { [ReplicaTypes.Worker] = new() { Count = 1 } },
        },
        State = JobState.Running,
        Restarts = 2,
        CreatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Tasks = [new TaskRecord { Name = "worker-0", Type = ReplicaTypes.Worker, GpuIndexes = [0, 1] }],
    };
}
