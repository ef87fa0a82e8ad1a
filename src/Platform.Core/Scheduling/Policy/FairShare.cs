namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// Dominant-resource fair share: a team's usage of each resource divided by what it is due (its
/// nominal quota summed over pools, or the cluster's capacity where it has none or an unbounded
/// one), the largest of those, divided by its weight. Lower is further behind, so served first.
/// </summary>
public static class FairShare
{
    /// <param name="usage">The team's (decayed) usage.</param>
    /// <param name="due">The team's nominal quota, summed over pools.</param>
    /// <param name="capacity">The cluster's capacity: the measure of a resource the team has no bounded nominal of.</param>
    /// <param name="weight">The team's weight, above 0.</param>
    public static double Of(DecayedUsage usage, Amount due, Amount capacity, double weight) =>
        Of(usage.Gpus, usage.MilliCpus, usage.MemoryMb, due, capacity, weight);

    /// <summary>The share of a usage given resource by resource.</summary>
    public static double Of(double gpus, double milliCpus, double memoryMb, Amount due, Amount capacity, double weight)
    {
        var dominant = Math.Max(
            Ratio(gpus, due.Gpus, capacity.Gpus),
            Math.Max(Ratio(milliCpus, due.MilliCpus, capacity.MilliCpus), Ratio(memoryMb, due.MemoryMb, capacity.MemoryMb)));
        return dominant / (weight > 0 ? weight : TeamQuotaSettings.DefaultWeight);
    }

    private static double Ratio(double used, long due, long capacity)
    {
        var measure = due > 0 && due < Amount.Unbounded / 2 ? due : capacity;
        return used <= 0 || measure <= 0 || measure >= Amount.Unbounded / 2 ? 0 : used / measure;
    }
}
