using Platform.Training.Server;

namespace Platform.Training.Tests.Server;

public class ShardStateTests
{
    private static readonly OptimizerSettings PlainSgd = OptimizerSettings.Sgd(0.1f, momentum: 0f);

    [Fact]
    public async Task A_synchronous_step_is_applied_once_when_every_participant_pushed()
    {
        var shard = Initialized(UpdateMode.Synchronous, participants: 2);

        var first = shard.Push("init", 0, 0, "s0", 1, [1f, 2f]);
        var repeat = shard.Push("init", 0, 0, "s0", 2, [1f, 2f]);
        Assert.False(first.IsCompleted);
        var last = shard.Push("init", 1, 0, "s1", 1, [3f, 4f]);

        Assert.Equal(new ShardPushResult(ShardPushOutcome.Applied, 1), await last);
        Assert.Equal(new ShardPushResult(ShardPushOutcome.Applied, 1), await first);
        Assert.Equal(new ShardPushResult(ShardPushOutcome.Applied, 1), await repeat);
        Close([0.8f, 0.7f], Values(shard));
        Assert.Equal(new ShardPushResult(ShardPushOutcome.Duplicate, 1), await shard.Push("init", 1, 0, "s1", 2, [3f, 4f]));
        Close([0.8f, 0.7f], Values(shard));
    }

    [Fact]
    public async Task The_values_of_the_step_before_stay_readable_for_a_restarted_worker()
    {
        var shard = Initialized(UpdateMode.Synchronous, participants: 1);
        await shard.Push("init", 0, 0, "s", 1, [1f, 1f]);

        var earlier = shard.Pull("init", 0, values => values.ToArray());
        var current = shard.Pull("init", null, values => values.ToArray());
        var tooOld = shard.Pull("init", -1, values => values.ToArray());

        Assert.Equal((true, 0L), (earlier.Matched, earlier.Step));
        Assert.Equal([1f, 1f], earlier.Data!);
        Assert.Equal((true, 1L), (current.Matched, current.Step));
        Close([0.9f, 0.9f], current.Data!);
        Assert.Equal(1, tooOld.Step);
    }

    [Fact]
    public async Task A_new_initialization_releases_waiting_pushes_and_refuses_the_old_id()
    {
        var shard = Initialized(UpdateMode.Synchronous, participants: 2);
        var waiting = shard.Push("init", 0, 0, "s", 1, [1f, 1f]);

        shard.Initialize(Settings(UpdateMode.Synchronous, 2, "again", step: 40), [5f, 5f], []);

        Assert.Equal(new ShardPushResult(ShardPushOutcome.OtherInitialization, 40), await waiting);
        Assert.Equal(ShardPushOutcome.OtherInitialization, (await shard.Push("init", 1, 0, "s", 1, [1f, 1f])).Outcome);
        Assert.False(shard.Pull("init", null, values => values.ToArray()).Matched);
        Assert.Equal(40, shard.Status().Step);
    }

    [Fact]
    public async Task An_empty_shard_says_it_is_not_initialized()
    {
        var shard = new ShardState("incarnation", _ => { });

        Assert.Equal(ShardPushOutcome.NotInitialized, (await shard.Push("init", 0, 0, "s", 1, [1f])).Outcome);
        Assert.False(shard.Pull("init", null, values => values.ToArray()).Matched);
        Assert.False(shard.Status().Initialized);
        Assert.Equal("incarnation", shard.Status().Incarnation);
    }

    [Fact]
    public async Task Asynchronous_pushes_apply_one_by_one_and_retries_are_dropped()
    {
        var shard = Initialized(UpdateMode.Asynchronous, participants: 2);

        Assert.Equal(new ShardPushResult(ShardPushOutcome.Applied, 1), await shard.Push("init", 0, 0, "a", 1, [1f, 2f]));
        Assert.Equal(new ShardPushResult(ShardPushOutcome.Duplicate, 1), await shard.Push("init", 0, 0, "a", 1, [1f, 2f]));
        Assert.Equal(new ShardPushResult(ShardPushOutcome.Applied, 2), await shard.Push("init", 1, 0, "b", 1, [3f, 4f]));

        Close([0.6f, 0.4f], Values(shard));
    }

    [Fact]
    public void Bad_pushes_are_refused()
    {
        var shard = Initialized(UpdateMode.Synchronous, participants: 2);

        Assert.Throws<ArgumentException>(() => { _ = shard.Push("init", 2, 0, "s", 1, [1f, 1f]); });
        Assert.Throws<ArgumentException>(() => { _ = shard.Push("init", 0, 0, "s", 1, [1f]); });
        Assert.Throws<InvalidOperationException>(() => { _ = shard.Push("init", 0, 3, "s", 1, [1f, 1f]); });
    }

    [Fact]
    public async Task Optimizer_state_is_read_with_the_values()
    {
        var shard = new ShardState("i", _ => { });
        shard.Initialize(Settings(UpdateMode.Synchronous, 1, "init", optimizer: OptimizerSettings.Sgd(0.1f, momentum: 0.9f)), [1f, 1f], [[0.5f, 0f]]);
        await shard.Push("init", 0, 0, "s", 1, [1f, 1f]);

        var state = shard.ReadState("init", (values, slots) => (Values: values.ToArray(), Momentum: slots[0].ToArray()));

        Close([1.45f, 1f], state.Data.Momentum);
        Close([0.855f, 0.9f], state.Data.Values);
    }

    private static ShardState Initialized(UpdateMode mode, int participants)
    {
        var shard = new ShardState("i", _ => { });
        shard.Initialize(Settings(mode, participants, "init"), [1f, 1f], []);
        return shard;
    }

    private static ShardSettings Settings(UpdateMode mode, int participants, string initId, long step = 0, OptimizerSettings? optimizer = null) =>
        new(initId, step, mode, participants, optimizer ?? PlainSgd, 2, "layout", 0);

    private static void Close(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-6f);
        }
    }

    private static float[] Values(ShardState shard) => shard.Pull(shard.Status().InitId, null, values => values.ToArray()).Data!;
}
