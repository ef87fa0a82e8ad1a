using Platform.Bench.Simulator;

namespace Platform.Simulator.Tests;

/// <summary>The command line: every bad value refused with a message naming the option and its range.</summary>
public sealed class SimulatorOptionsTests
{
    public static TheoryData<string, string, string> BadLines => new()
    {
        { "no trace", "--nodes 4", "the trace file is missing" },
        { "an option without its value", "t.csv --nodes", "--nodes needs a value" },
        { "an unknown option", "t.csv --speed 3", "unknown option --speed" },
        { "no nodes", "t.csv --nodes 0", "--nodes: '0' is not a whole number from 1 to 10,000" },
        { "too many GPUs per node", "t.csv --gpus-per-node 65", "--gpus-per-node: '65' is not a whole number from 1 to 64" },
        { "a quota without GPUs", "t.csv --quota vision", "--quota: 'vision' is not team=GPUs" },
        { "a negative grace period", "t.csv --grace -1", "--grace: '-1' is not a number from 0" },
        { "a step over an hour", "t.csv --step 3601", "--step: '3601' is not a number from 0 to 3,600" },
        { "an unknown policy", "t.csv --policies fifo,drf", "--policies: 'fifo,drf' is not a list of fifo, platform and sjf" },
        { "an unknown reclaim setting", "t.csv --reclaim sometimes", "--reclaim: 'sometimes' is not any, lower-priority or never" },
        { "a deadline shorter than the work", "t.csv --deadline-factor 0.5", "--deadline-factor: '0.5' is not a number from 1" },
    };

    [Theory, MemberData(nameof(BadLines))]
    public void Bad_options_are_refused_naming_the_option(string why, string line, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => SimulatorOptions.Parse(line.Split(' ')));

        Assert.True(error.Message.StartsWith(message, StringComparison.Ordinal), $"{why}: {error.Message}");
    }

    [Fact]
    public void Options_are_read_and_the_rest_keep_their_defaults()
    {
        var options = SimulatorOptions.Parse("t.csv --nodes 4 --gpus-per-node 2 --quota a=3 --quota b=1 --limit 10 --step 60 --policies sjf".Split(' '));

        Assert.Equal(8, options.Shape.TotalGpus);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 3, ["b"] = 1 }, options.Quotas);
        Assert.Equal((10, 60.0, 30.0, 60.0), (options.Limit, options.StepSeconds, options.GraceSeconds, options.HalfLifeMinutes));
        Assert.Equal(["sjf"], options.Policies);
        Assert.Null(options.DeadlineFactor);
    }
}
