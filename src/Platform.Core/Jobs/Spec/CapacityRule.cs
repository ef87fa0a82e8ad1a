using System.Globalization;
using Platform.Contracts.Jobs;
using Platform.Contracts.Scheduling;

namespace Platform.Core.Jobs.Spec;

/// <summary>
/// Refuses a replica group whose tasks no node could ever hold, so such a job fails at submit
/// instead of waiting in the queue forever. Only per-task sizes are checked: a whole job bigger
/// than the free cluster just waits.
/// </summary>
internal static class CapacityRule
{
    public static void Check(JobSpec spec, IReadOnlyList<NodeCapacity> nodes, List<SpecError> errors)
    {
        var largestCpus = nodes.Max(n => n.Cpus);
        var largestMemoryMb = nodes.Max(n => n.MemoryMb);
        var largestGpus = nodes.Max(n => n.Gpus.Count);
        foreach (var (type, group) in spec.Replicas)
        {
            var asked = group.Resources;
            if (nodes.Any(n => Fits(asked, n)))
            {
                continue;
            }

            List<string> tooLarge = [];
            if (asked.Cpus > largestCpus)
            {
                tooLarge.Add($"asks for {Count(asked.Cpus, "CPU")} per task, but the largest node has {Number(largestCpus)}");
            }

            if (asked.MemoryMb > largestMemoryMb)
            {
                tooLarge.Add($"asks for {asked.MemoryMb} MB of memory per task, but the largest node has {largestMemoryMb} MB");
            }

            if (asked.Gpus > largestGpus)
            {
                tooLarge.Add($"asks for {Count(asked.Gpus, "GPU")} per task, but the largest node has {largestGpus}");
            }

            var message = tooLarge.Count > 0
                ? string.Join("; ", tooLarge)
                : $"asks for {Count(asked.Cpus, "CPU")}, {asked.MemoryMb} MB of memory and {Count(asked.Gpus, "GPU")} "
                    + "per task; each fits on some node, but no single node has all of them";
            errors.Add(new SpecError($"replicas.{type}.resources", message));
        }
    }

    private static bool Fits(Resources asked, NodeCapacity node) =>
        asked.Cpus <= node.Cpus && asked.MemoryMb <= node.MemoryMb && asked.Gpus <= node.Gpus.Count;

    private static string Count(double amount, string unit) => $"{Number(amount)} {unit}{(amount == 1 ? "" : "s")}";

    private static string Number(double amount) => amount.ToString(CultureInfo.InvariantCulture);
}
