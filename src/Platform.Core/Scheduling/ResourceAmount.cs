using Platform.Contracts.Jobs;

namespace Platform.Core.Scheduling;

/// <summary>
/// An amount of node resources — what tasks need, or what a node has free. CPUs are counted in
/// thousandths so that sums of fractional requests compare exactly.
/// </summary>
internal readonly record struct ResourceAmount(long MilliCpus, long MemoryMb, int Gpus, int Ports)
{
    /// <summary>What one task needs: its resources and one port.</summary>
    public static ResourceAmount Of(Resources resources) =>
        new(ToMilli(resources.Cpus), resources.MemoryMb, resources.Gpus, 1);

    public static ResourceAmount Sum(IEnumerable<ResourceAmount> amounts) =>
        amounts.Aggregate(default(ResourceAmount), (sum, amount) => sum + amount);

    public static ResourceAmount operator +(ResourceAmount a, ResourceAmount b) =>
        new(a.MilliCpus + b.MilliCpus, a.MemoryMb + b.MemoryMb, a.Gpus + b.Gpus, a.Ports + b.Ports);

    public bool FitsIn(ResourceAmount free) =>
        MilliCpus <= free.MilliCpus && MemoryMb <= free.MemoryMb && Gpus <= free.Gpus && Ports <= free.Ports;

    public static long ToMilli(double cpus) => (long)Math.Round(cpus * 1000, MidpointRounding.AwayFromZero);
}
