using Platform.Contracts.Nodes;

namespace Platform.Gateway.Apis;

/// <summary>
/// Every signed-in user sees every node and which GPUs are taken, but not the names of other
/// teams' jobs: a GPU held by one of those shows <see cref="Hidden"/> as its holder, and their tasks
/// are left out of the node's list.
/// </summary>
public static class NodeViewMask
{
    public const string Hidden = "(another team)";

    /// <summary>The job ids a view names, so the caller's access to each can be asked once.</summary>
    public static IEnumerable<string> JobIds(IEnumerable<NodeView> nodes) => nodes
        .SelectMany(node => node.Gpus.Select(gpu => gpu.Holder?.JobId).Concat(node.Tasks.Select(JobOf)))
        .OfType<string>()
        .Distinct(StringComparer.Ordinal);

    public static NodeView Apply(NodeView node, Func<string, bool> visible) => node with
    {
        Gpus = [.. node.Gpus.Select(gpu => gpu.Holder is { } holder && !visible(holder.JobId)
            ? gpu with { Holder = holder with { JobId = Hidden, Task = Hidden } }
            : gpu)],
        Tasks = [.. node.Tasks.Where(task => visible(JobOf(task)))],
    };

    private static string JobOf(string taskKey) => taskKey[..Math.Max(0, taskKey.LastIndexOf('/'))];
}
