using System.Runtime.ExceptionServices;
using Orleans.Storage;

namespace Platform.Grains.Storage;

/// <summary>
/// The cluster's grain storage: <paramref name="inner"/> (Redis) holds the state, and after each
/// write or clear it has acknowledged, every <see cref="IStateFollower"/> (the job index in
/// PostgreSQL) is told the new ETag and state before the grain hears that its write succeeded. A
/// follower that fails is tried again with a growing pause for up to <see cref="RetryFor"/> (a
/// database restart), then the write fails with the follower's exception; followers are
/// idempotent, so the grain's retry of the whole write repairs them.
/// </summary>
public sealed class FollowedGrainStorage(
    IGrainStorage inner, IEnumerable<IStateFollower> followers, TimeProvider time, ILogger<FollowedGrainStorage> logger)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>30 s: how long a failing follower is retried before the write fails.</summary>
    public static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(30);

    /// <summary>100 ms: the first pause after a follower failed; each next pause doubles, up to <see cref="LongestPause"/>.</summary>
    public static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);

    /// <summary>5 s: the longest pause between two tries of a follower.</summary>
    public static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);

    private readonly IStateFollower[] _followers = [.. followers];

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.WriteStateAsync(stateName, grainId, grainState);
        await FollowAsync(grainId, stateName, grainState.ETag, grainState.State);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.ClearStateAsync(stateName, grainId, grainState);
        await FollowAsync(grainId, stateName, null, null);
    }

    /// <summary>The inner storage connects when the silo starts, as it would without this wrapper.</summary>
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private async Task FollowAsync(GrainId grainId, string stateName, string? version, object? state)
    {
        foreach (var follower in _followers)
        {
            var deadline = time.GetUtcNow() + RetryFor;
            var pause = FirstPause;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await follower.FollowAsync(grainId, stateName, version, state);
                    break;
                }
                catch (Exception error) when (time.GetUtcNow() + pause < deadline)
                {
                    logger.LogWarning(error, "Following state {StateName} of {GrainId} failed (try {Attempt}); trying again in {Pause}",
                        stateName, grainId, attempt, pause);
                }
                catch (Exception error)
                {
                    logger.LogError(error, "Following state {StateName} of {GrainId} failed for {RetryFor}: the write fails", stateName, grainId, RetryFor);
                    ExceptionDispatchInfo.Throw(error);
                }

                await Task.Delay(pause, time);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            }
        }
    }
}
