using Platform.Training.Protocol;
using Platform.Training.Sharding;

namespace Platform.Training.Tests.Grpc;

/// <summary>
/// A worker that dies mid-step can leave one shard past the step (it had every gradient) and another still
/// waiting for the worker's. The restarted worker must pull that step's values (the ahead shard keeps them)
/// and push again: the shard that has its gradient ignores the repeat, the other completes the step.
/// </summary>
public class SplitStepTests
{
    private static readonly ParameterInfo[] Model = [new("w", [4]), new("b", [2])];
    private static readonly OptimizerSettings Sgd = OptimizerSettings.Sgd(0.5f, momentum: 0f);

    [Fact]
    public async Task A_restarted_worker_finishes_a_step_that_one_shard_already_applied()
    {
        await using var first = await InProcessParameterServer.StartAsync();
        await using var second = await InProcessParameterServer.StartAsync();
        var addresses = $"\"{first.Address}\",\"{second.Address}\"";
        float[][] initial = [[1f, 2f, 3f, 4f], [5f, 6f]];
        float[][] chiefGradient = [[1f, 1f, 1f, 1f], [1f, 1f]];
        float[][] workerGradient = [[3f, 3f, 3f, 3f], [3f, 3f]];
        await using var chief = await Client(addresses, "chief");
        await chief.InitializeAsync(initial, CancellationToken.None);
        var layout = ShardLayout.Plan(Model, 2, ParameterClientOptions.DefaultMaxBlockElements);
        var initId = (await first.Client.GetStatusAsync(new StatusRequest())).InitId;

        var chiefPush = chief.PushAsync(0, chiefGradient, CancellationToken.None);
        var firstShard = layout.Shards.Single(shard => shard.Blocks.Any(block => block.Parameter == 0)).Index;
        var shardClient = firstShard == 0 ? first.Client : second.Client;
        var lostPush = await shardClient.PushAsync(new PushRequest { InitId = initId, Rank = 1, Step = 0, Session = "dead", Sequence = 1, Gradients = WireFloats.ToBytes(layout.Gather(firstShard, workerGradient)) });
        Assert.Equal((PushOutcome.Applied, 1L), (lostPush.Outcome, lostPush.Step));

        await using var restarted = await Client(addresses, "worker");
        Assert.Equal(0, await restarted.InitializeAsync([], CancellationToken.None));
        var snapshot = await restarted.PullAsync(CancellationToken.None);
        Assert.Equal(0, snapshot.Step);
        Assert.Equal(initial, snapshot.Values);
        Assert.Equal(1, await restarted.PushAsync(0, workerGradient, CancellationToken.None));
        Assert.Equal(1, await chiefPush);

        var after = await chief.PullAsync(CancellationToken.None);
        Assert.Equal(1, after.Step);
        Assert.Equal([[0f, 1f, 2f, 3f], [4f, 5f]], after.Values);
    }

    private static Task<ParameterClient> Client(string addresses, string type)
    {
        var cluster = TrainingCluster.FromTfConfig($$$"""{"cluster":{"ps":[{{{addresses}}}],"chief":["127.0.0.1:1"],"worker":["127.0.0.1:2"]},"task":{"type":"{{{type}}}","index":0}}""") with
        {
            JobSecret = InProcessParameterServer.Secret,
        };
        return ParameterClient.ConnectAsync(cluster, Model, new ParameterClientOptions { Optimizer = Sgd, Log = _ => { } }, CancellationToken.None);
    }
}
