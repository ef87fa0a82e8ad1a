using System.Globalization;
using Platform.Contracts.Jobs;
using Platform.Contracts.Scheduling;
using TaskRequest = Platform.Contracts.Scheduling.TaskRequest;

namespace Platform.Core.Scheduling;

/// <summary>Says, in words a user can act on, why a job cannot be placed yet.</summary>
internal static class PendingReasons
{
    public static string NoReadyNode(string runtime) =>
        runtime == TaskRuntimes.Docker ? "no ready node" : $"no ready node offers the {runtime} runtime";

    /// <summary>Adds to <paramref name="reason"/> the nodes that offer the job's runtime but are draining.</summary>
    public static string Draining(string reason, IReadOnlyList<string> nodes) =>
        $"{reason}; {string.Join(", ", nodes)} {(nodes.Count == 1 ? "is" : "are")} draining: nothing new is placed there";

    /// <summary>
    /// Names every resource the eligible nodes lack in total; when the totals suffice, says the
    /// free resources are fragmented and which task found no room.
    /// </summary>
    public static string Explain(JobRequest job, IReadOnlyList<NodeFree> nodes, TaskRequest unplaced)
    {
        var need = ResourceAmount.Sum(job.Tasks.Select(t => ResourceAmount.Of(t.Resources)));
        var free = ResourceAmount.Sum(nodes.Select(n => n.Free));
        var shortages = new List<string>();
        if (need.Gpus > free.Gpus)
        {
            shortages.Add(Shortage(nodes, Count(need.Gpus, "GPU"), a => a.Gpus.ToString(CultureInfo.InvariantCulture)));
        }

        if (need.MilliCpus > free.MilliCpus)
        {
            shortages.Add(Shortage(nodes, Count(need.MilliCpus, "CPU"), a => Cpus(a.MilliCpus)));
        }

        if (need.MemoryMb > free.MemoryMb)
        {
            shortages.Add(Shortage(nodes, $"{Mb(need.MemoryMb)} of memory", a => Mb(a.MemoryMb)));
        }

        if (need.Ports > free.Ports)
        {
            shortages.Add(Shortage(nodes, Count(need.Ports, "port"), a => a.Ports.ToString(CultureInfo.InvariantCulture)));
        }

        return shortages.Count > 0 ? string.Join("; ", shortages) : Fragmented(job, nodes, unplaced);
    }

    private static string Shortage(IReadOnlyList<NodeFree> nodes, string wanted, Func<ResourceAmount, string> amount)
    {
        var free = ResourceAmount.Sum(nodes.Select(n => n.Free));
        var capacity = ResourceAmount.Sum(nodes.Select(n => n.Capacity));
        var perNode = nodes.Select(n => $"{n.Node.NodeId}: {amount(n.Free)} free of {amount(n.Capacity)}");
        return $"waiting for {wanted}: {amount(free)} free of {amount(capacity)} ({string.Join(", ", perNode)})";
    }

    private static string Fragmented(JobRequest job, IReadOnlyList<NodeFree> nodes, TaskRequest unplaced)
    {
        var perNode = nodes.Select(n => $"{n.Node.NodeId}: {Describe(n.Free)} free");
        var alongside = job.Tasks.Count > 1 ? " next to the job's other tasks" : "";
        return $"the free resources are fragmented across nodes: enough is free in total, but no node has room "
            + $"for {unplaced.Name} ({Describe(ResourceAmount.Of(unplaced.Resources))}){alongside} "
            + $"({string.Join("; ", perNode)})";
    }

    private static string Describe(ResourceAmount amount)
    {
        var parts = new List<string>();
        if (amount.Gpus > 0)
        {
            parts.Add(Count(amount.Gpus, "GPU"));
        }

        parts.Add(Count(amount.MilliCpus, "CPU"));
        parts.Add(Mb(amount.MemoryMb));
        return string.Join(", ", parts);
    }

    private static string Count(int count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";

    private static string Count(long milliCpus, string noun) =>
        $"{Cpus(milliCpus)} {noun}{(milliCpus == 1000 ? "" : "s")}";

    private static string Cpus(long milliCpus) =>
        (milliCpus / 1000m).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Mb(long memoryMb) => $"{memoryMb.ToString(CultureInfo.InvariantCulture)} MB";
}
