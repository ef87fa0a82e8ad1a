using Platform.Core.Scheduling;

namespace Platform.Core.Tests.Scheduling;

/// <summary>What an allocation tells its job about each node, so the job never asks the scheduler again.</summary>
public sealed class GangPlacerIdentityTests
{
    [Fact]
    public void Placements_carry_the_ids_of_their_GPUs_and_the_node_s_interface()
    {
        var node = Cluster.Node("a", gpus: 4) with { NetworkInterface = "eth1" };

        var allocation = GangPlacer.Place(Cluster.Job(Cluster.Task("worker-0", gpus: 1), Cluster.Task("worker-1", gpus: 2)), [node], [Cluster.Held("a", 30005, [0])]).Allocation!;

        Assert.Equal(["GPU-a-1"], allocation.Tasks[0].GpuIds!);
        Assert.Equal(["GPU-a-2", "GPU-a-3"], allocation.Tasks[1].GpuIds!);
        Assert.All(allocation.Tasks, task => Assert.Equal("eth1", task.NetworkInterface));
    }

    [Fact]
    public void An_allocation_stored_without_ids_falls_back_to_the_indexes()
    {
        var stored = Cluster.Held("a", 30000, [2, 3]).Tasks[0];

        Assert.Equal(["2", "3"], stored.GpuIdsOrIndexes);
    }
}
