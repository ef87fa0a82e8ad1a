namespace Platform.Core.Tests.Scheduling;

/// <summary>
/// Placement cases by description. Theories take the description, so each row is its own test
/// case with a readable name (the records themselves are not serializable by xunit).
/// </summary>
internal sealed class PlacementTable : Dictionary<string, PlacementCase>
{
    public TheoryData<string> Names => [.. Keys];

    public void AssertPlaced(string because)
    {
        var row = this[because];

        var result = row.Place();

        Assert.True(result.Allocation is not null, $"{because}: {result.Reason}");
        Assert.Null(result.Reason);
        Assert.Equal(row.Job.JobId, result.Allocation.JobId);
        Assert.Equal(row.Expected, Cluster.Layout(result.Allocation));
    }

    public void AssertWaiting(string because)
    {
        var row = this[because];

        var result = row.Place();

        Assert.True(result.Allocation is null, because);
        Assert.False(result.IsPlaced);
        Assert.Equal(row.Expected, result.Reason);
    }
}
