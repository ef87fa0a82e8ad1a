using Platform.Bench.Simulator;
using Platform.Bench.Simulator.Cluster;
using Platform.Bench.Simulator.Policies;
using Platform.Core.Scheduling;

namespace Platform.Simulator.Tests;

/// <summary>The FIFO order is the platform's old one; jobs split into equal tasks; default quotas follow demand.</summary>
public sealed class OrderAndLayoutTests
{
    [Fact]
    public void Fifo_order_is_the_platforms_queue_order()
    {
        var shape = new ClusterShape(2, 8);
        var sim = new Simulation(shape, new Dictionary<string, int>(), new(0, 0, 60), 60);
        var jobs = sim.Fresh(Traces.Parse("5/1/1 0/1/1 5/1/2 3/1/4 0/1/1"))
            .Select((j, i) => i == 3 ? new Platform.Bench.Simulator.Replay.SimJob(j.Trace, j.Request with { PriorityValue = 10 }, j.Tasks, j.GpusPerTask) : j)
            .ToList();

        var ours = jobs.Order(FifoOrder.Instance).Select(j => j.Id);
        var platforms = QueueOrder.Sort(jobs.Select(j => j.Request)).Select(r => r.JobId);

        Assert.Equal(platforms, ours);
    }

    public static TheoryData<int, int, int, int> Layouts => new()
    {
        { 1, 8, 1, 1 },
        { 8, 8, 1, 8 },
        { 12, 8, 2, 6 },
        { 16, 8, 2, 8 },
        { 24, 8, 3, 8 },
        { 128, 8, 16, 8 },
        { 7, 4, 7, 1 },
        { 9, 4, 3, 3 },
    };

    [Theory, MemberData(nameof(Layouts))]
    public void A_job_splits_into_the_fewest_equal_tasks_that_fit_a_node(int gpus, int perNode, int tasks, int each) =>
        Assert.Equal((tasks, each), new ClusterShape(4, perNode).Layout(gpus));

    [Fact]
    public void Default_quotas_follow_each_teams_gpu_hours_and_add_up_to_the_cluster()
    {
        // a: 600 GPU-s, b: 300, c: 100 of 1,000; 16 GPUs: 9.6, 4.8, 1.6 -> 9, 4, 1 and the 2 left to the largest remainders (b .8, c .6).
        var quotas = Quotas.Proportional(Traces.Parse("0/600/1/a 0/150/2/b 0/100/1/c"), 16);

        Assert.Equal(new Dictionary<string, int> { ["a"] = 9, ["b"] = 5, ["c"] = 2 }, quotas);
    }
}
