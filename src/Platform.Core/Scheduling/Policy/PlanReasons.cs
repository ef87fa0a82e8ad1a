using System.Globalization;

namespace Platform.Core.Scheduling.Policy;

/// <summary>Why a queued job waits, in words a user can act on.</summary>
internal static class PlanReasons
{
    public static string NoNodes(string pool) => $"pool {pool} has no ready node";

    public static string Reserved(string pool, IReadOnlyList<NodeSlot> nodes, DateTimeOffset? start) =>
        $"first in pool {pool} to wait for room: {Nodes(nodes)} reserved for it; "
        + (start is { } at
            ? $"estimated start {Time(at)}"
            : "no start can be estimated, as jobs without activeDeadlineSeconds run there");

    public static string NeverFits(string pool) =>
        $"no set of ready nodes of pool {pool} can hold the job's tasks, even empty";

    public static string StoppingFor(IEnumerable<string> victims) =>
        $"waiting for preempted {Jobs(victims)} to stop within their grace period";

    public static string BehindReservation(string holder, int priority, DateTimeOffset? until) =>
        $"it would fit, but on nodes reserved for job {holder} (priority {priority.ToString(CultureInfo.InvariantCulture)}), which is ahead of it; "
        + (until is { } at
            ? $"a job may use them only if its activeDeadlineSeconds ends by {Time(at)}"
            : "nothing may start there until that job does");

    public static string Waiting(string pool, Amount need, ResourceAmount free, ResourceAmount capacity)
    {
        if (need.Gpus > free.Gpus)
        {
            return $"waiting for {Count(need.Gpus, "GPU")} in pool {pool}: {free.Gpus} free of {capacity.Gpus}";
        }

        if (need.MilliCpus > free.MilliCpus)
        {
            return $"waiting for {Cpus(need.MilliCpus)} CPUs in pool {pool}: {Cpus(free.MilliCpus)} free of {Cpus(capacity.MilliCpus)}";
        }

        if (need.MemoryMb > free.MemoryMb)
        {
            return $"waiting for {need.MemoryMb} MB of memory in pool {pool}: {free.MemoryMb} MB free of {capacity.MemoryMb} MB";
        }

        return $"the free resources of pool {pool} are fragmented: enough is free in total ({free.Gpus} GPUs, {Cpus(free.MilliCpus)} CPUs), "
            + "but no set of nodes has room for the job's tasks";
    }

    private static string Nodes(IReadOnlyList<NodeSlot> nodes) =>
        $"node{(nodes.Count == 1 ? "" : "s")} {string.Join(", ", nodes.Select(n => n.Id))} {(nodes.Count == 1 ? "is" : "are")}";

    private static string Jobs(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return $"job{(list.Count == 1 ? "" : "s")} {string.Join(", ", list)}";
    }

    private static string Count(long count, string noun) => $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";

    private static string Cpus(long milli) => (milli / 1000m).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
