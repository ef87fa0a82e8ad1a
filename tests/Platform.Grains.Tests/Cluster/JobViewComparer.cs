using Platform.Contracts.Jobs;

namespace Platform.Grains.Tests.Cluster;

/// <summary>Compares job views by what they show (records compare their lists by reference).</summary>
internal sealed class JobViewComparer : IEqualityComparer<JobView>
{
    public static readonly JobViewComparer Instance = new();

    public bool Equals(JobView? x, JobView? y) => Text(x) == Text(y);

    public int GetHashCode(JobView obj) => Text(obj).GetHashCode(StringComparison.Ordinal);

    private static string Text(JobView? view) => System.Text.Json.JsonSerializer.Serialize(view);
}
