using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Platform.Training.Protocol;

namespace Platform.Training.Server;

/// <summary>The gRPC face of one <see cref="ShardState"/>: translates messages, maps bad requests to gRPC errors.</summary>
internal sealed class ParameterShardService(ShardState shard, IHostApplicationLifetime lifetime, ServerLog log) : Protocol.ParameterShard.ParameterShardBase
{
    public override Task<ShardStatus> GetStatus(StatusRequest request, ServerCallContext context) => Task.FromResult(ToWire(shard.Status()));

    public override Task<ShardStatus> Initialize(InitializeRequest request, ServerCallContext context)
    {
        var settings = new ShardSettings(
            request.InitId,
            request.Step,
            WireSettings.FromWire(request.Mode),
            request.Participants,
            WireSettings.FromWire(request.Optimizer ?? new Optimizer()),
            request.Blocks.Sum(block => block.Length),
            request.Layout,
            request.MaxStaleness);
        Guard(() => shard.Initialize(settings, WireFloats.ToArray(request.Values), [.. request.Slots.Select(WireFloats.ToArray)]));
        return Task.FromResult(ToWire(shard.Status()));
    }

    public override Task<PullReply> Pull(PullRequest request, ServerCallContext context)
    {
        var read = shard.Pull(request.InitId, request.AtStep ? request.Step : null, WireFloats.ToBytes);
        return Task.FromResult(new PullReply { Status = ToWire(shard.Status()), Matched = read.Matched, Step = read.Step, Values = read.Data ?? Google.Protobuf.ByteString.Empty });
    }

    public override async Task<PushReply> Push(PushRequest request, ServerCallContext context)
    {
        var pending = Guard(() => shard.Push(request.InitId, request.Rank, request.Step, request.Session, request.Sequence, WireFloats.AsFloats(request.Gradients)));
        var result = await pending.WaitAsync(context.CancellationToken);
        return new PushReply { Outcome = ToWire(result.Outcome), Step = result.Step, Status = ToWire(shard.Status()) };
    }

    public override Task<ReadStateReply> ReadState(ReadStateRequest request, ServerCallContext context)
    {
        var read = shard.ReadState(request.InitId, (values, slots) => (Values: WireFloats.ToBytes(values), Slots: slots.Select(slot => WireFloats.ToBytes(slot)).ToArray()));
        var reply = new ReadStateReply { Status = ToWire(shard.Status()), Matched = read.Matched, Step = read.Step };
        if (read.Matched)
        {
            reply.Values = read.Data.Values;
            reply.Slots.AddRange(read.Data.Slots);
        }

        return Task.FromResult(reply);
    }

    public override Task<ShardStatus> Finish(FinishRequest request, ServerCallContext context) => Task.FromResult(ToWire(shard.Finish(request.Rank)));

    public override Task<ShutdownReply> Shutdown(ShutdownRequest request, ServerCallContext context)
    {
        log.Write($"shutting down: {request.Reason}");
        lifetime.StopApplication();
        return Task.FromResult(new ShutdownReply());
    }

    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (ArgumentException exception)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, exception.Message));
        }
        catch (InvalidOperationException exception)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, exception.Message));
        }
    }

    private static void Guard(Action action) => Guard(() =>
    {
        action();
        return true;
    });

    private static ShardStatus ToWire(ShardStatusView view)
    {
        var status = new ShardStatus { Incarnation = view.Incarnation, Initialized = view.Initialized, InitId = view.InitId, Step = view.Step, Layout = view.Layout };
        status.Finished.AddRange(view.Finished);
        return status;
    }

    private static PushOutcome ToWire(ShardPushOutcome outcome) => outcome switch
    {
        ShardPushOutcome.Applied => PushOutcome.Applied,
        ShardPushOutcome.Duplicate => PushOutcome.Duplicate,
        ShardPushOutcome.NotInitialized => PushOutcome.NotInitialized,
        ShardPushOutcome.OtherInitialization => PushOutcome.OtherInitialization,
        _ => PushOutcome.TooStale,
    };
}
