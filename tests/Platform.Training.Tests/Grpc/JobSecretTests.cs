using Google.Protobuf;
using Grpc.Core;
using Platform.Training.Protocol;

namespace Platform.Training.Tests.Grpc;

/// <summary>
/// A parameter server answers only its own job: a call without the job's secret, or with another job's,
/// gets Unauthenticated and changes nothing; tasks of the job, which all carry it, train as before.
/// </summary>
public class JobSecretTests
{
    private static readonly ParameterInfo[] Model = [new("w", [2])];

    public static TheoryData<string, string?> Strangers => new()
    {
        { "no secret", null },
        { "another job's secret", "another-jobs-secret" },
        { "the secret with a character more", InProcessParameterServer.Secret + "x" },
        { "a prefix of the secret", InProcessParameterServer.Secret[..^1] },
        { "an empty secret", "" },
    };

    [Theory]
    [MemberData(nameof(Strangers))]
    public async Task Every_call_without_the_job_s_secret_is_unauthenticated_and_changes_nothing(string who, string? secret)
    {
        await using var server = await InProcessParameterServer.StartAsync();
        var stranger = server.ClientWith(secret);

        var refusals = new List<RpcException>
        {
            await Assert.ThrowsAsync<RpcException>(async () => await stranger.GetStatusAsync(new StatusRequest())),
            await Assert.ThrowsAsync<RpcException>(async () => await stranger.InitializeAsync(Initialization("stranger"))),
            await Assert.ThrowsAsync<RpcException>(async () => await stranger.PullAsync(new PullRequest { InitId = "stranger" })),
            await Assert.ThrowsAsync<RpcException>(async () => await stranger.PushAsync(new PushRequest { InitId = "stranger", Gradients = WireFloats.ToBytes([1f, 1f]) })),
            await Assert.ThrowsAsync<RpcException>(async () => await stranger.ReadStateAsync(new ReadStateRequest { InitId = "stranger" })),
            await Assert.ThrowsAsync<RpcException>(async () => await stranger.FinishAsync(new FinishRequest())),
            await Assert.ThrowsAsync<RpcException>(async () => await stranger.ShutdownAsync(new ShutdownRequest { Reason = "stranger" })),
        };

        Assert.All(refusals, refusal => Assert.True(refusal.StatusCode == StatusCode.Unauthenticated, $"{who}: {refusal.Status}"));
        Assert.Contains("secret", refusals[0].Status.Detail, StringComparison.Ordinal);
        var status = await server.Client.GetStatusAsync(new StatusRequest());
        Assert.False(status.Initialized, $"{who} initialized the server");
        Assert.False(server.Serving.IsCompleted, $"{who} shut the server down");
    }

    [Fact]
    public async Task Calls_with_the_job_s_secret_are_served()
    {
        await using var server = await InProcessParameterServer.StartAsync();

        var status = await server.Client.InitializeAsync(Initialization("run"));

        Assert.True(status.Initialized);
        Assert.Equal("run", (await server.ClientWith(InProcessParameterServer.Secret).GetStatusAsync(new StatusRequest())).InitId);
    }

    [Fact]
    public async Task A_big_message_without_the_secret_is_refused_before_it_is_read()
    {
        await using var server = await InProcessParameterServer.StartAsync();

        var refusal = await Assert.ThrowsAsync<RpcException>(async () => await server.ClientWith(null).PushAsync(
            new PushRequest { InitId = "stranger", Gradients = ByteString.CopyFrom(new byte[3 << 20]) }));

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Single(server.Lines, line => line.Contains("without this job's secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_participant_with_another_job_s_secret_fails_at_once_naming_the_variable()
    {
        await using var server = await InProcessParameterServer.StartAsync();
        var cluster = Cluster(server.Address) with { JobSecret = "another-jobs-secret" };
        var options = new ParameterClientOptions { Optimizer = OptimizerSettings.Sgd(0.1f), ConnectTimeout = TimeSpan.FromMinutes(5), Log = _ => { } };
        await using var client = await ParameterClient.ConnectAsync(cluster, Model, options, CancellationToken.None);

        // Not retried until ConnectTimeout: a wrong secret does not get right by waiting.
        var exception = await Assert.ThrowsAsync<TrainingException>(() => client.InitializeAsync([[1f, 1f]], CancellationToken.None)).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Contains("Unauthenticated", exception.Message, StringComparison.Ordinal);
        Assert.Contains("PLATFORM_JOB_SECRET is not the one of that server's job", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_participant_with_the_job_s_secret_trains()
    {
        await using var server = await InProcessParameterServer.StartAsync();
        var cluster = Cluster(server.Address) with { JobSecret = InProcessParameterServer.Secret };
        var options = new ParameterClientOptions { Optimizer = OptimizerSettings.Sgd(0.5f), Log = _ => { } };
        await using var client = await ParameterClient.ConnectAsync(cluster, Model, options, CancellationToken.None);

        await client.InitializeAsync([[1f, 1f]], CancellationToken.None);
        var step = await client.PushAsync(0, [[2f, 4f]], CancellationToken.None);

        var snapshot = await client.PullAsync(CancellationToken.None);
        Assert.Equal(1, step);
        Assert.Equal([0f, -1f], snapshot.Values[0]);
    }

    [Fact]
    public async Task A_parameter_server_without_a_job_secret_refuses_to_start()
    {
        var cluster = TrainingCluster.FromTfConfig("""{"cluster":{"ps":["127.0.0.1:1"],"worker":["127.0.0.1:2"]},"task":{"type":"ps","index":0}}""");

        var exception = await Assert.ThrowsAsync<TrainingException>(() => ParameterServer.RunAsync(cluster, CancellationToken.None));

        Assert.Contains("PLATFORM_JOB_SECRET is not set", exception.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ParameterServerOptions.AllowWithoutJobSecret), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_test_may_serve_without_a_secret_when_it_says_so()
    {
        await using var server = await InProcessParameterServer.StartAsync(secret: null, allowWithoutJobSecret: true);

        var status = await server.ClientWith(null).InitializeAsync(Initialization("local"));

        Assert.True(status.Initialized);
        Assert.Contains(server.Lines, line => line.Contains("WITHOUT a job secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Allowing_no_secret_does_not_drop_the_check_when_the_job_has_one()
    {
        await using var server = await InProcessParameterServer.StartAsync(InProcessParameterServer.Secret, allowWithoutJobSecret: true);

        var refusal = await Assert.ThrowsAsync<RpcException>(async () => await server.ClientWith(null).GetStatusAsync(new StatusRequest()));

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
    }

    private static TrainingCluster Cluster(string address) =>
        TrainingCluster.FromTfConfig($$$"""{"cluster":{"ps":["{{{address}}}"],"worker":["127.0.0.1:1"]},"task":{"type":"worker","index":0}}""");

    private static InitializeRequest Initialization(string initId)
    {
        var request = new InitializeRequest
        {
            InitId = initId,
            Mode = Mode.Synchronous,
            Participants = 1,
            Optimizer = new Optimizer { Type = OptimizerType.Sgd, LearningRate = 0.5f },
            Layout = "test",
            Values = WireFloats.ToBytes([1f, 1f]),
        };
        request.Blocks.Add(new Block { Parameter = 0, Offset = 0, Length = 2 });
        return request;
    }
}
