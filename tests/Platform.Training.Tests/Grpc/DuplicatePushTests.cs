using Platform.Training.Protocol;

namespace Platform.Training.Tests.Grpc;

/// <summary>A retried or repeated push, straight at one parameter server over gRPC, is never applied twice.</summary>
public class DuplicatePushTests
{
    [Fact]
    public async Task Synchronous_pushes_repeated_before_and_after_the_step_is_applied_count_once()
    {
        await using var server = await InProcessParameterServer.StartAsync();
        var client = server.Client;
        await client.InitializeAsync(Initialization("run", Mode.Synchronous, participants: 2));

        var first = client.PushAsync(Push("run", rank: 0, step: 0, sequence: 1, 2f)).ResponseAsync;
        var retries = Enumerable.Range(0, 3).Select(_ => client.PushAsync(Push("run", rank: 0, step: 0, sequence: 1, 2f)).ResponseAsync).ToList();
        var other = await client.PushAsync(Push("run", rank: 1, step: 0, sequence: 1, 4f));

        Assert.Equal((PushOutcome.Applied, 1L), (other.Outcome, other.Step));
        foreach (var reply in await Task.WhenAll([first, .. retries]))
        {
            // A copy that arrives once the step is applied is answered as a duplicate; either way step 1, applied once.
            Assert.Contains(reply.Outcome, new[] { PushOutcome.Applied, PushOutcome.Duplicate });
            Assert.Equal(1L, reply.Step);
        }

        var late = await client.PushAsync(Push("run", rank: 0, step: 0, sequence: 2, 2f));
        Assert.Equal((PushOutcome.Duplicate, 1L), (late.Outcome, late.Step));
        var pulled = await client.PullAsync(new PullRequest { InitId = "run" });
        Assert.Equal(1, pulled.Step);
        Assert.Equal([-0.5f, -0.5f], WireFloats.ToArray(pulled.Values));
    }

    [Fact]
    public async Task An_asynchronous_push_retried_with_the_same_sequence_is_applied_once()
    {
        await using var server = await InProcessParameterServer.StartAsync();
        var client = server.Client;
        await client.InitializeAsync(Initialization("run", Mode.Asynchronous, participants: 2));

        var applied = await client.PushAsync(Push("run", rank: 0, step: 0, sequence: 1, 1f));
        var retried = await client.PushAsync(Push("run", rank: 0, step: 0, sequence: 1, 1f));
        var next = await client.PushAsync(Push("run", rank: 0, step: 1, sequence: 2, 1f));

        Assert.Equal([PushOutcome.Applied, PushOutcome.Duplicate, PushOutcome.Applied], [applied.Outcome, retried.Outcome, next.Outcome]);
        var pulled = await client.PullAsync(new PullRequest { InitId = "run" });
        Assert.Equal(2, pulled.Step);
        Assert.Equal([0f, 0f], WireFloats.ToArray(pulled.Values));
    }

    [Fact]
    public async Task A_push_for_another_initialization_or_to_an_empty_server_is_answered_not_applied()
    {
        await using var server = await InProcessParameterServer.StartAsync();
        var client = server.Client;

        var empty = await client.PushAsync(Push("run", rank: 0, step: 0, sequence: 1, 1f));
        await client.InitializeAsync(Initialization("run", Mode.Synchronous, participants: 1));
        var other = await client.PushAsync(Push("old", rank: 0, step: 0, sequence: 1, 1f));

        Assert.Equal(PushOutcome.NotInitialized, empty.Outcome);
        Assert.False(empty.Status.Initialized);
        Assert.Equal(PushOutcome.OtherInitialization, other.Outcome);
        Assert.Equal("run", other.Status.InitId);
    }

    [Fact]
    public async Task Shutdown_stops_the_server()
    {
        var server = await InProcessParameterServer.StartAsync();

        await server.Client.ShutdownAsync(new ShutdownRequest { Reason = "test" });

        await server.Serving.WaitAsync(TimeSpan.FromMinutes(1));
        await server.DisposeAsync();
    }

    private static InitializeRequest Initialization(string initId, Mode mode, int participants)
    {
        var request = new InitializeRequest
        {
            InitId = initId,
            Mode = mode,
            Participants = participants,
            Optimizer = new Optimizer { Type = OptimizerType.Sgd, LearningRate = 0.5f },
            Layout = "test",
            Values = WireFloats.ToBytes([1f, 1f]),
        };
        request.Blocks.Add(new Block { Parameter = 0, Offset = 0, Length = 2 });
        return request;
    }

    private static PushRequest Push(string initId, int rank, long step, long sequence, float gradient) => new()
    {
        InitId = initId,
        Rank = rank,
        Step = step,
        Session = $"session-{rank}",
        Sequence = sequence,
        Gradients = WireFloats.ToBytes([gradient, gradient]),
    };
}
