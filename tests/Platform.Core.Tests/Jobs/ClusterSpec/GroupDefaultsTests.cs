using Platform.Contracts.Jobs;
using Platform.Core.Jobs.ClusterSpec;

namespace Platform.Core.Tests.Jobs.ClusterSpec;

public class GroupDefaultsTests
{
    public static TheoryData<string?, string?, string?> Images => new()
    {
        { "job:1", null, "job:1" },
        { "job:1", "group:2", "group:2" },
        { null, "group:2", "group:2" },
        { null, null, null },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Group_image_overrides_the_jobs(string? jobImage, string? groupImage, string? expected)
    {
        var spec = Spec() with { Image = jobImage, Replicas = Group(new ReplicaSpec { Image = groupImage }) };

        Assert.Equal(expected, GroupDefaults.ImageOf(spec, "worker"));
    }

    public static TheoryData<string[]?, string[]?, string[]> Commands => new()
    {
        { ["python", "train.py"], null, ["python", "train.py"] },
        { ["python", "train.py"], ["python", "eval.py"], ["python", "eval.py"] },
        { null, ["python", "eval.py"], ["python", "eval.py"] },
        { null, null, [] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Group_command_overrides_the_jobs_and_is_empty_when_neither_is_set(
        string[]? jobCommand, string[]? groupCommand, string[] expected)
    {
        var spec = Spec() with { Command = jobCommand, Replicas = Group(new ReplicaSpec { Command = groupCommand }) };

        Assert.Equal(expected, GroupDefaults.CommandOf(spec, "worker"));
    }

    [Fact]
    public void Type_without_a_group_gets_the_jobs_image_and_command()
    {
        var spec = Spec() with { Image = "job:1", Command = ["run"] };

        Assert.Equal("job:1", GroupDefaults.ImageOf(spec, "ps"));
        Assert.Equal(["run"], GroupDefaults.CommandOf(spec, "ps"));
    }

    private static JobSpec Spec() => new() { Name = "job", Replicas = Group(new ReplicaSpec()) };

    private static Dictionary<string, ReplicaSpec> Group(ReplicaSpec worker) => new() { ["worker"] = worker };
}
