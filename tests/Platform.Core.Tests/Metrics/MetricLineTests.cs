using Platform.Core.Metrics;

namespace Platform.Core.Tests.Metrics;

public sealed class MetricLineTests
{
    public static TheoryData<string, long?, string> MetricLines => new()
    {
        { """@metric {"step": 12, "loss": 0.41}""", 12, "loss=0.41" },
        { """@metric {"loss": 0.41, "accuracy": 0.9}""", null, "loss=0.41;accuracy=0.9" },
        { """@metric {"step": 3, "samples_per_s": 1200}""", 3, "samples_per_s=1200" },
        { """@metric   {"step": 1, "lr": 1e-3}""", 1, "lr=0.001" },
    };

    [Theory]
    [MemberData(nameof(MetricLines))]
    public void Metric_line_gives_a_value_per_field_and_its_step(string text, long? step, string values)
    {
        Assert.True(MetricLine.TryParse(text, out var parsedStep, out var parsed));

        Assert.Equal(step, parsedStep);
        Assert.Equal(values, string.Join(';', parsed.Select(v => $"{v.Name}={v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}")));
    }

    [Theory]
    [InlineData("loss 0.41")]
    [InlineData("@metric")]
    [InlineData("@metric not json")]
    [InlineData("@metric [1, 2]")]
    [InlineData("""@metric {"step": 1}""")]
    [InlineData("""@metric {"step": 1.5, "loss": 1}""")]
    [InlineData("""@metric {"loss": "low"}""")]
    [InlineData("""@metrics {"loss": 1}""")]
    [InlineData(""" @metric {"loss": 1}""")]
    public void Other_lines_are_not_metrics(string text) =>
        Assert.False(MetricLine.TryParse(text, out _, out _));
}
