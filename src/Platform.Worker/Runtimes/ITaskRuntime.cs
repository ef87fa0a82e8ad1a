using System.Threading.Channels;
using Platform.Contracts.Logs;
using Platform.Contracts.Nodes;
using Platform.Core.Agent;

namespace Platform.Worker.Runtimes;

/// <summary>Runs task attempts on this node: Docker containers or host processes.</summary>
public interface ITaskRuntime
{
    string Name { get; }

    /// <summary>Every task attempt of this node the runtime knows, running or exited.</summary>
    Task<IReadOnlyList<ObservedTask>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Starts an attempt; returns its id. Throws <see cref="TaskStartException"/> when it cannot.</summary>
    Task<string> StartAsync(TaskAssignment assignment, CancellationToken cancellationToken);

    /// <summary>SIGTERM, then kill after the grace period.</summary>
    Task StopAsync(ObservedTask task, TimeSpan grace, CancellationToken cancellationToken);

    Task RemoveAsync(ObservedTask task, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the attempt's output lines, numbered from 1 in the order the runtime keeps them,
    /// skipping those numbered up to <paramref name="shipped"/>, until the output ends.
    /// </summary>
    Task FollowLogsAsync(ObservedTask task, long shipped, ChannelWriter<LogEntry> sink, CancellationToken cancellationToken);
}
