using System.Globalization;
using Platform.Contracts.Jobs;
using Platform.Contracts.Scheduling;

namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// An amount of the three resources quotas count: whole GPUs, thousandths of a CPU and MB of memory.
/// <see cref="Unbounded"/> stands for "no limit" and survives additions without overflowing.
/// </summary>
public readonly record struct Amount(long Gpus, long MilliCpus, long MemoryMb)
{
    /// <summary>The value of an unbounded resource: far above any cluster, far below overflow.</summary>
    public const long Unbounded = long.MaxValue / 8;

    /// <summary>Nothing.</summary>
    public static Amount Zero => default;

    /// <summary>No limit on any resource.</summary>
    public static Amount Unlimited => new(Unbounded, Unbounded, Unbounded);

    /// <summary>What a whole job needs.</summary>
    public static Amount Of(JobRequest job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Sum(job.Tasks.Select(task => task.Resources));
    }

    /// <summary>What an allocation holds.</summary>
    public static Amount Of(Allocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        return Sum(allocation.Tasks.Select(task => task.Resources));
    }

    private static Amount Sum(IEnumerable<Resources> resources)
    {
        long gpus = 0, milli = 0, memory = 0;
        foreach (var each in resources)
        {
            gpus += each.Gpus;
            milli += ResourceAmount.ToMilli(each.Cpus);
            memory += each.MemoryMb;
        }

        return new(gpus, milli, memory);
    }

    public static Amount operator +(Amount a, Amount b) =>
        new(Add(a.Gpus, b.Gpus), Add(a.MilliCpus, b.MilliCpus), Add(a.MemoryMb, b.MemoryMb));

    public static Amount operator -(Amount a, Amount b) =>
        new(Sub(a.Gpus, b.Gpus), Sub(a.MilliCpus, b.MilliCpus), Sub(a.MemoryMb, b.MemoryMb));

    /// <summary>Each resource at least zero.</summary>
    public Amount AtLeastZero() => new(Math.Max(0, Gpus), Math.Max(0, MilliCpus), Math.Max(0, MemoryMb));

    /// <summary>The smaller of each resource.</summary>
    public static Amount Min(Amount a, Amount b) =>
        new(Math.Min(a.Gpus, b.Gpus), Math.Min(a.MilliCpus, b.MilliCpus), Math.Min(a.MemoryMb, b.MemoryMb));

    /// <summary>True when no resource exceeds <paramref name="limit"/>'s.</summary>
    public bool FitsIn(Amount limit) => Gpus <= limit.Gpus && MilliCpus <= limit.MilliCpus && MemoryMb <= limit.MemoryMb;

    /// <summary>This amount's value of one resource.</summary>
    public long this[PolicyResource resource] => resource switch
    {
        PolicyResource.Gpus => Gpus,
        PolicyResource.Cpus => MilliCpus,
        _ => MemoryMb,
    };

    /// <summary>The value of <paramref name="resource"/> in the words of a reason: "8", "2.5" or "unlimited".</summary>
    public string Format(PolicyResource resource)
    {
        var value = this[resource];
        if (value >= Unbounded / 2)
        {
            return "unlimited";
        }

        return resource switch
        {
            PolicyResource.Cpus => (value / 1000m).ToString("0.###", CultureInfo.InvariantCulture),
            _ => value.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static long Add(long a, long b) => a >= Unbounded || b >= Unbounded ? Unbounded : a + b;

    private static long Sub(long a, long b) => a >= Unbounded ? Unbounded : b >= Unbounded ? -Unbounded : a - b;
}
