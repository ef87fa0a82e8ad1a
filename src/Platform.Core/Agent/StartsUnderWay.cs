using System.Collections.Concurrent;
using Platform.Contracts.Nodes;

namespace Platform.Core.Agent;

/// <summary>
/// The starts an agent has begun, which its heartbeat reports as Starting until a listing of the
/// runtimes shows what they made. A start finished between a listing and the heartbeat, or begun
/// rounds ago and still going, is not in the listing: without this it would be reported as
/// nothing, and its retired job's GPUs freed for the next job while its task comes up.
/// </summary>
public sealed class StartsUnderWay
{
    private readonly ConcurrentDictionary<string, TaskAssignment> _starts = new();

    public void Begun(TaskAssignment assignment) => _starts[assignment.Key] = assignment;

    /// <summary>
    /// Call before listing the runtimes: forgets the starts already finished, whose result (a task,
    /// or a failure reported to its job) the listing will show.
    /// </summary>
    public void ForgetFinished(Func<string, bool> finished)
    {
        foreach (var key in _starts.Keys.Where(finished).ToList())
        {
            _starts.TryRemove(key, out _);
        }
    }

    /// <summary>The starts the listing does not show yet.</summary>
    public IEnumerable<TaskAssignment> Unlisted(IReadOnlyList<ObservedTask> listed) =>
        _starts.Values.Where(start => !listed.Any(task => task.Key == start.Key && task.Attempt == start.Attempt));
}
