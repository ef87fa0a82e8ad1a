using System.Globalization;
using Platform.Contracts.Jobs;
using Platform.Core.Jobs.ClusterSpec;

namespace Platform.Core.Tests.Jobs.ClusterSpec;

public class TaskNamesTests
{
    public static TheoryData<string, int, string> Names => new()
    {
        { "worker", 0, "worker-0" },
        { "ps", 1, "ps-1" },
        { "evaluator", 12, "evaluator-12" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Task_name_is_type_dash_index(string type, int index, string name) =>
        Assert.Equal(name, TaskNames.Of(type, index));

    /// <summary>Groups as "type:count" in the order the spec lists them, then the expanded task names.</summary>
    public static TheoryData<string, string> Expansions => new()
    {
        { "worker:2 ps:1", "ps-0 worker-0 worker-1" },
        { "evaluator:1 worker:2 ps:2 chief:1", "chief-0 ps-0 ps-1 worker-0 worker-1 evaluator-0" },
        { "worker:1 master:1", "master-0 worker-0" },
        { "worker:1", "worker-0" },
    };

    [Theory]
    [MemberData(nameof(Expansions))]
    public void Expand_lists_tasks_in_replica_type_order_then_index(string groups, string names)
    {
        var spec = new JobSpec
        {
            Name = "job",
            Replicas = groups.Split(' ').Select(g => g.Split(':')).ToDictionary(
                g => g[0], g => new ReplicaSpec { Count = int.Parse(g[1], CultureInfo.InvariantCulture) }),
        };

        var tasks = TaskNames.Expand(spec);

        Assert.Equal(names, string.Join(' ', tasks.Select(t => TaskNames.Of(t.Type, t.Index))));
        Assert.All(tasks, t => Assert.Same(spec.Replicas[t.Type], t.Group));
    }
}
