namespace Platform.Training.Tests.Grpc;

public class ParameterClientTests
{
    private static readonly ParameterInfo[] Model = [new("w", [2, 3]), new("b", [3])];

    [Fact]
    public async Task A_parameter_server_that_never_answers_fails_with_a_clear_error()
    {
        var port = Infrastructure.TestPorts.Free(1)[0];
        var cluster = TrainingCluster.FromTfConfig($$$"""{"cluster":{"ps":["127.0.0.1:{{{port}}}"],"worker":["127.0.0.1:1","127.0.0.1:2"]},"task":{"type":"worker","index":1}}""");
        var options = new ParameterClientOptions { Optimizer = OptimizerSettings.Sgd(0.1f), ConnectTimeout = TimeSpan.FromSeconds(1), Log = _ => { } };
        await using var client = await ParameterClient.ConnectAsync(cluster, Model, options, CancellationToken.None);

        var exception = await Assert.ThrowsAsync<TrainingException>(() => client.InitializeAsync([], CancellationToken.None));

        Assert.Contains($"ps-0 at 127.0.0.1:{port} did not answer", exception.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, ParameterInfo[], ParameterClientOptions, string> Refusals => new()
    {
        { """{"cluster":{"worker":["a:1"]},"task":{"type":"worker","index":0}}""", Model, Options(), "no ps tasks" },
        { """{"cluster":{"ps":["a:1"],"worker":["b:2"]},"task":{"type":"ps","index":0}}""", Model, Options(), "not a training participant" },
        { """{"cluster":{"ps":["a:1"],"worker":["b:2"]},"task":{"type":"worker","index":0}}""", [new("w", [2, 0])], Options(), "'w' has shape [2, 0]" },
        { """{"cluster":{"ps":["a:1"],"worker":["b:2"]},"task":{"type":"worker","index":0}}""", [new("w", [2]), new("w", [3])], Options(), "'w' appears twice" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_cluster_model_or_options_it_cannot_train_with_is_refused(string tfConfig, ParameterInfo[] model, ParameterClientOptions options, string message)
    {
        var cluster = TrainingCluster.FromTfConfig(tfConfig);

        var exception = await Assert.ThrowsAsync<TrainingException>(() => ParameterClient.ConnectAsync(cluster, model, options, CancellationToken.None));
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    public static TheoryData<ParameterClientOptions, string> BadOptions => new()
    {
        { new() { Optimizer = OptimizerSettings.Sgd(-1f) }, "LearningRate" },
        { new() { Optimizer = OptimizerSettings.Sgd(0.1f), CheckpointEverySteps = -1 }, "CheckpointEverySteps" },
        { new() { Optimizer = OptimizerSettings.Sgd(0.1f), MaxBlockElements = 0 }, "MaxBlockElements" },
        { new() { Optimizer = OptimizerSettings.Sgd(0.1f), ConnectTimeout = TimeSpan.Zero }, "ConnectTimeout" },
        { new() { Optimizer = OptimizerSettings.Sgd(0.1f), MaxMessageBytes = 2 << 20 }, "largest shard needs messages" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task Bad_options_are_refused_naming_the_option(ParameterClientOptions options, string message)
    {
        var cluster = TrainingCluster.FromTfConfig("""{"cluster":{"ps":["a:1"],"worker":["b:2"]},"task":{"type":"worker","index":0}}""");
        ParameterInfo[] big = [new("big", [1024, 1024])];

        var exception = await Assert.ThrowsAsync<TrainingException>(() => ParameterClient.ConnectAsync(cluster, big, options, CancellationToken.None));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    private static ParameterClientOptions Options() => new() { Optimizer = OptimizerSettings.Sgd(0.1f), Log = _ => { } };
}
