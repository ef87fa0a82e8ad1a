using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Frameworks;

/// <summary>The ML.NET image: a single-task trainer on the same Fashion-MNIST data.</summary>
[Collection(FrameworksFixture.Collection)]
[Trait("Category", "Docker")]
public sealed class MlNetTests(FrameworksFixture fixture)
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task MlNet_job_trains_on_fashion_mnist_and_reports_its_test_accuracy()
    {
        var id = JobJson.Id(await Platform.SubmitAsync(TrainingJobs.Sample("mlnet", "--train-limit", "3000", "--max-iterations", "10")));

        await Platform.WaitForStateAsync(id, "Succeeded", TimeSpan.FromMinutes(2));

        var lines = await Platform.TextsAsync(id, "worker-0");
        Assert.Equal("5.0.1", TrainingJobs.Printed(lines, "ml.net", "worker-0"));
        var accuracy = TrainingJobs.Number(TrainingJobs.Printed(lines, "test accuracy:", "worker-0"));
        Assert.True(accuracy is > 0.7 and <= 1, $"test accuracy {accuracy} is not above 0.7:\n{string.Join('\n', lines)}");
        Assert.Contains("test_accuracy", await TrainingJobs.SeriesAsync(Platform, id, "worker-0"));
    }
}
