using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet.Models;
using Platform.E2E.Tests.Frameworks;
using Platform.E2E.Tests.Infrastructure;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests.Training;

/// <summary>
/// The torchsharp-ps sample as users run it: real TorchSharp training in containers, one parameter
/// server and two workers talking gRPC at the addresses the platform injects, cut short with
/// <c>--max-steps</c>. In the frameworks collection: one training job at a time on the 2 cores.
/// </summary>
[Collection(FrameworksFixture.Collection)]
[Trait("Category", "Docker")]
public sealed class TorchSharpPsTests(FrameworksFixture fixture)
{
    private const string Sample = "torchsharp-ps";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Sample_job_trains_succeeds_prints_its_test_accuracy_and_reports_metrics()
    {
        var id = Id(await Platform.SubmitAsync(TrainingJobs.Sample(Sample, "--max-steps", "150", "--log-every", "25")));

        var job = await Platform.WaitForStateAsync(id, "Succeeded", Timeout);

        var chief = await Platform.TextsAsync(id, "worker-0");
        var accuracy = TrainingJobs.Number(TrainingJobs.Printed(chief, "test accuracy:", "worker-0"));
        // Ten classes: an untrained net scores about 0.1; 150 steps of 128 images reach about 0.8.
        Assert.True(accuracy is > 0.5 and <= 1, $"test accuracy {accuracy} after 150 steps:\n{string.Join('\n', chief)}");
        Assert.Contains(await Platform.TextsAsync(id, "worker-1"), text => text.Contains("joined training at step 0"));
        Assert.Equal(0, job.GetProperty("restarts").GetInt32());

        var series = await MetricPointsAsync(id, "worker-0");
        Assert.True(series.ContainsKey("loss") && series.ContainsKey("samples_per_sec"), $"worker-0's series: {string.Join(", ", series.Keys)}");
        Assert.Equal([25, 50, 75, 100, 125, 150], series["loss"].Select(point => point.Step));
        var final = Assert.Single(series["accuracy"]);
        Assert.Equal((150, accuracy), (final.Step, Math.Round(final.Value, 4)));
    }

    [Fact]
    public async Task Killed_chief_worker_is_restarted_resumes_from_the_last_checkpoint_and_the_job_succeeds()
    {
        var id = Id(await Platform.SubmitAsync(TrainingJobs.Sample(Sample, "--max-steps", "300", "--checkpoint-every", "40")));
        await Eventually.HoldsAsync(async () =>
            Assert.Contains(await Platform.TextsAsync(id, "worker-0"), text => text.Contains("checkpoint at step 80 written")),
            Timeout, $"worker-0 of job {id} to write the checkpoint of step 80");

        // worker-0 is the chief (the job has no chief replica): it initializes the ps from the
        // newest checkpoint when it starts again, and worker-1 rolls back to that step with it.
        await KillAsync(id, "worker-0");

        var job = await Platform.WaitForStateAsync(id, "Succeeded", Timeout);
        Assert.Equal(1, job.GetProperty("restarts").GetInt32());
        Assert.Contains(await Platform.EventsAsync(id), e => e.GetProperty("type").GetString() == "Restarting" && OptionalString(e, "task") == "worker-0");
        var chief = await Platform.TextsAsync(id, "worker-0");
        var resumed = long.Parse(TrainingJobs.Printed(chief, "worker-0: resumed from checkpoint at step", "worker-0").Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.True(resumed >= 80, $"resumed at step {resumed}, though killed after the checkpoint of step 80:\n{string.Join('\n', chief)}");
        Assert.Contains(chief, text => text.Contains($"starting at step {resumed}"));
        Assert.True(TrainingJobs.Number(TrainingJobs.Printed(chief, "test accuracy:", "worker-0")) > 0.5, string.Join('\n', chief));
    }

    private static async Task KillAsync(string jobId, string task)
    {
        var running = (await DockerEngine.ContainersAsync("platform.job", jobId))
            .Where(container => container.Labels["platform.task"] == task && container.State == "running").ToList();
        var container = Assert.Single(running);
        await DockerEngine.Client.Containers.KillContainerAsync(container.ID, new ContainerKillParameters { Signal = "KILL" });
    }

    private async Task<Dictionary<string, List<(long Step, double Value)>>> MetricPointsAsync(string id, string task) =>
        (await Platform.Http.GetFromJsonAsync<JsonElement>($"api/jobs/{id}/metrics"))
            .GetProperty("series").EnumerateArray()
            .Where(series => series.GetProperty("task").GetString() == task)
            .ToDictionary(
                series => series.GetProperty("name").GetString()!,
                series => series.GetProperty("points").EnumerateArray()
                    .Select(point => (point.GetProperty("step").GetInt64(), point.GetProperty("value").GetDouble())).ToList());
}
