using Platform.Training.Optimization;

namespace Platform.Training.Tests.Optimization;

public class OptimizerRuleTests
{
    public static TheoryData<OptimizerSettings, float[], float[]> Updates => new()
    {
        // settings, gradients of successive updates to a value starting at 1, expected value after each
        { OptimizerSettings.Sgd(0.1f, momentum: 0f), [0.5f, 0.5f], [0.95f, 0.9f] },
        { OptimizerSettings.Sgd(0.1f, momentum: 0.9f), [0.5f, 0.5f], [0.95f, 0.855f] },
        { OptimizerSettings.Sgd(0.1f, momentum: 0.9f, weightDecay: 0.1f), [0.5f], [0.94f] },
        { OptimizerSettings.Adam(0.01f), [0.5f, 0.5f], [0.99f, 0.98f] },
        { OptimizerSettings.Adam(0.01f), [-2f], [1.01f] },
    };

    [Theory]
    [MemberData(nameof(Updates))]
    public void Updates_follow_the_pytorch_rules(OptimizerSettings settings, float[] gradients, float[] expected)
    {
        float[] value = [1f];
        var slots = Enumerable.Range(0, OptimizerRule.SlotCount(settings.Kind)).Select(_ => new float[1]).ToArray();

        for (var update = 0; update < gradients.Length; update++)
        {
            OptimizerRule.Apply(settings, value, [gradients[update]], slots, update + 1);
            Assert.Equal(expected[update], value[0], 1e-6f);
        }
    }

    public static TheoryData<OptimizerSettings, string> Invalid => new()
    {
        { OptimizerSettings.Sgd(0f), "LearningRate" },
        { OptimizerSettings.Sgd(-1f), "LearningRate" },
        { OptimizerSettings.Sgd(0.1f, momentum: 1f), "Momentum" },
        { OptimizerSettings.Sgd(0.1f, weightDecay: -0.1f), "WeightDecay" },
        { OptimizerSettings.Adam(0.1f, beta1: 1f), "Beta1" },
        { OptimizerSettings.Adam(0.1f, beta2: -0.5f), "Beta2" },
        { OptimizerSettings.Adam(0.1f, epsilon: 0f), "Epsilon" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_settings_are_named(OptimizerSettings settings, string field)
    {
        Assert.Contains(field, OptimizerRule.Problem(settings), StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_settings_have_no_problem()
    {
        Assert.Null(OptimizerRule.Problem(OptimizerSettings.Sgd(0.05f)));
        Assert.Null(OptimizerRule.Problem(OptimizerSettings.Adam(0.001f)));
    }
}
