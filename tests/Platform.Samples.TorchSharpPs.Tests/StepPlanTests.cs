using Platform.Samples.TorchSharpPs.Data;
using Platform.Samples.TorchSharpPs.Training;

namespace Platform.Samples.TorchSharpPs.Tests;

public sealed class StepPlanTests
{
    private const long Samples = 60_000;

    [Fact]
    public void Synchronous_step_is_one_batch_of_every_rank()
    {
        var plan = new StepPlan(new TrainOptions { Epochs = 3, BatchSize = 64 }, ranks: 2, rank: 1, Samples);

        Assert.Equal((468, 468L, 1404L, 128L), (plan.BatchesPerEpoch, plan.StepsPerEpoch, plan.TotalSteps, plan.SamplesPerStep));
        Assert.Equal(500, plan.FirstBatch(500));
        Assert.Equal(new EpochShard(1, 1, 1, 2, Samples, 64).Batch(32).ToArray(), plan.Batch(468 + 32).ToArray());
    }

    [Fact]
    public void Asynchronous_steps_count_every_push_so_an_epoch_is_a_batch_of_each_rank()
    {
        var plan = new StepPlan(new TrainOptions { Epochs = 2, BatchSize = 64, Asynchronous = true }, ranks: 2, rank: 0, Samples);

        Assert.Equal((936L, 1872L, 64L), (plan.StepsPerEpoch, plan.TotalSteps, plan.SamplesPerStep));
        Assert.Equal(250, plan.FirstBatch(501));
    }

    [Theory]
    [InlineData(3, null, 1404)]
    [InlineData(3, 200L, 200)]
    [InlineData(1, 5000L, 468)]
    public void Max_steps_cuts_the_run_short(int epochs, long? maxSteps, long expected) =>
        Assert.Equal(expected, new StepPlan(new TrainOptions { Epochs = epochs, MaxSteps = maxSteps }, 2, 0, Samples).TotalSteps);

    [Theory]
    [InlineData(true, 0, 1f)]
    [InlineData(true, 100, 0.75f)]
    [InlineData(true, 200, 0.5f)]
    [InlineData(true, 400, 0f)]
    [InlineData(false, 0, 1f)]
    [InlineData(false, 399, 1f)]
    public void Linear_schedule_falls_from_1_to_0_over_the_run(bool linear, long step, float expected)
    {
        var plan = new StepPlan(new TrainOptions { MaxSteps = 400, LinearDecay = linear }, 2, 0, Samples);

        Assert.Equal(expected, plan.GradientScale(step), 5);
    }

    [Theory]
    [InlineData(467, 468, true)]
    [InlineData(466, 467, false)]
    [InlineData(468, 469, false)]
    [InlineData(930, 940, true)]
    public void An_epoch_ends_when_a_step_crosses_its_boundary(long before, long after, bool ends) =>
        Assert.Equal(ends, new StepPlan(new TrainOptions(), 2, 0, Samples).EndsEpoch(before, after));

    [Fact]
    public void Batch_larger_than_a_ranks_share_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new StepPlan(new TrainOptions { BatchSize = 600 }, 2, 0, 1000));
        Assert.Contains("--batch-size 600", error.Message);
    }
}
