using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using Platform.Contracts.Jobs;
using Platform.Grains.Jobs;
using Platform.Grains.Storage;

namespace Platform.Grains.Tests.Storage;

/// <summary>The cluster's storage wrapper over a real (SQLite) inner storage: followers see every acknowledged write, and only those.</summary>
public sealed class FollowedGrainStorageTests : IDisposable
{
    private static readonly GrainId Job1 = GrainId.Create("job", "job-1");

    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();
    private readonly Serializer _serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(JobGrainState).Assembly).AddAssembly(typeof(JobSpec).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public async Task Follower_hears_the_new_etag_and_state_of_each_write_and_a_null_version_on_clear()
    {
        var follower = new RecordingFollower(failures: 0, _time);
        var storage = Storage(follower);
        var state = new GrainState<JobGrainState>(new JobGrainState { Restarts = 3 });

        await storage.WriteStateAsync("job", Job1, state);
        await storage.ClearStateAsync("job", Job1, state);

        Assert.Equal(2, follower.Calls.Count);
        Assert.Equal((Job1, "job", "1"), (follower.Calls[0].Grain, follower.Calls[0].StateName, follower.Calls[0].Version));
        Assert.Equal(3, Assert.IsType<JobGrainState>(follower.Calls[0].State).Restarts);
        Assert.Null(follower.Calls[1].Version);
        Assert.Null(follower.Calls[1].State);
    }

    [Fact]
    public async Task Write_waits_through_a_follower_outage_and_succeeds_when_it_recovers()
    {
        var follower = new RecordingFollower(failures: 3, _time);
        var storage = Storage(follower);
        var state = new GrainState<JobGrainState>(new JobGrainState());

        await DriveAsync(storage.WriteStateAsync("job", Job1, state));

        Assert.Equal(4, follower.Calls.Count);
        Assert.All(follower.Calls, call => Assert.Equal("1", call.Version));
        Assert.Equal("1", state.ETag);
    }

    [Fact]
    public async Task Follower_failing_past_the_retry_window_fails_the_write_with_its_error()
    {
        var follower = new RecordingFollower(failures: int.MaxValue, _time);
        var storage = Storage(follower);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DriveAsync(storage.WriteStateAsync("job", Job1, new GrainState<JobGrainState>(new JobGrainState()))));

        Assert.Equal(RecordingFollower.Failure, error.Message);
        var tried = follower.Calls[^1].At - follower.Calls[0].At;
        Assert.InRange(tried, FollowedGrainStorage.RetryFor - FollowedGrainStorage.LongestPause, FollowedGrainStorage.RetryFor);
    }

    [Fact]
    public async Task Write_the_inner_storage_refuses_is_followed_by_no_one()
    {
        var follower = new RecordingFollower(failures: 0, _time);
        var storage = Storage(follower);
        await storage.WriteStateAsync("job", Job1, new GrainState<JobGrainState>(new JobGrainState()));
        var stale = new GrainState<JobGrainState>(new JobGrainState()) { ETag = "7" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("job", Job1, stale));

        Assert.Single(follower.Calls);
    }

    public void Dispose() => _dir.Dispose();

    private FollowedGrainStorage Storage(IStateFollower follower) => new(
        new SqliteGrainStorage(new SqliteDatabase(_dir.File("state.db"), SqliteGrainStorage.Schema), _serializer),
        [follower], _time, NullLogger<FollowedGrainStorage>.Instance);

    /// <summary>Moves the fake clock on while the write waits between tries.</summary>
    private async Task DriveAsync(Task write)
    {
        while (!write.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(write, Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System));
        }

        await write;
    }

    private sealed class RecordingFollower(int failures, TimeProvider time) : IStateFollower
    {
        public const string Failure = "the database is restarting";

        public List<(GrainId Grain, string StateName, string? Version, object? State, DateTimeOffset At)> Calls { get; } = [];

        public Task FollowAsync(GrainId grainId, string stateName, string? version, object? state)
        {
            lock (Calls)
            {
                Calls.Add((grainId, stateName, version, state, time.GetUtcNow()));
                return Calls.Count <= failures ? Task.FromException(new InvalidOperationException(Failure)) : Task.CompletedTask;
            }
        }
    }
}
