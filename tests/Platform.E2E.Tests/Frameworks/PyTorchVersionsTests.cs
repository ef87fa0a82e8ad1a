using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Frameworks;

/// <summary>Two PyTorch versions side by side: the same DDP trainer in the 2.6 and 1.13 images, at once, on one node.</summary>
[Collection(FrameworksFixture.Collection)]
[Trait("Category", "Docker")]
public sealed class PyTorchVersionsTests(FrameworksFixture fixture)
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task PyTorch_2_6_and_1_13_jobs_train_at_the_same_time_and_every_rank_prints_the_same_all_reduced_checksum()
    {
        var current = JobJson.Id(await Platform.SubmitAsync(TrainingJobs.Sample("pytorch-ddp", "--max-steps", "40", "--log-every", "10")));
        var legacy = JobJson.Id(await Platform.SubmitAsync(TrainingJobs.Sample("pytorch-legacy", "--max-steps", "40", "--log-every", "10")));

        var currentJob = await Platform.WaitForStateAsync(current, "Succeeded", TimeSpan.FromMinutes(3));
        var legacyJob = await Platform.WaitForStateAsync(legacy, "Succeeded", TimeSpan.FromMinutes(3));

        Assert.True(Running(currentJob).Start < Running(legacyJob).End && Running(legacyJob).Start < Running(currentJob).End,
            $"the jobs did not run at the same time: 2.6 ran {Running(currentJob)}, 1.13 ran {Running(legacyJob)}");
        await AssertRanksAgreeAsync(currentJob, ["master-0", "worker-0"], "torch 2.6.");
        await AssertRanksAgreeAsync(legacyJob, ["master-0", "worker-0"], "torch 1.13.");
    }

    private async Task AssertRanksAgreeAsync(JsonElement job, string[] ranks, string version)
    {
        var id = JobJson.Id(job);
        Assert.Equal(ranks, job.GetProperty("tasks").EnumerateArray().Select(task => task.GetProperty("name").GetString()));
        var checksums = new List<(string AllReduced, string Parameters)>();
        foreach (var rank in ranks)
        {
            var task = JobJson.Task(job, rank);
            Assert.Equal("Succeeded", task.GetProperty("state").GetString());
            Assert.Equal(Platform.NodeId, task.GetProperty("node").GetString());
            var lines = await Platform.TextsAsync(id, rank);
            Assert.True(lines.Any(line => line.StartsWith(version, StringComparison.Ordinal)), $"{id} {rank} did not print '{version}...':\n{string.Join('\n', lines)}");
            Assert.Equal("True", TrainingJobs.Printed(lines, "parameters identical across ranks:", rank));
            checksums.Add((TrainingJobs.Printed(lines, "allreduce checksum:", rank), TrainingJobs.Printed(lines, "param checksum:", rank)));
            Assert.Contains("loss", await TrainingJobs.SeriesAsync(Platform, id, rank));
        }

        Assert.True(checksums.Select(checksum => checksum.AllReduced).Distinct().Count() == 1,
            $"the ranks of {id} printed different all-reduced checksums: {string.Join(", ", checksums)}");
        Assert.True(checksums.Select(checksum => checksum.Parameters).Distinct().Count() == 1,
            $"the ranks of {id} ended with different parameters: {string.Join(", ", checksums)}");
        // The all-reduced sum over identical replicas is world size times one replica's checksum.
        Assert.Equal(ranks.Length * TrainingJobs.Number(checksums[0].Parameters), TrainingJobs.Number(checksums[0].AllReduced), 3);
        Assert.Contains("test_accuracy", await TrainingJobs.SeriesAsync(Platform, id, "master-0"));
    }

    /// <summary>From the first task's start to the last task's end.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) Running(JsonElement job)
    {
        var tasks = job.GetProperty("tasks").EnumerateArray().ToList();
        return (tasks.Min(task => task.GetProperty("startedAt").GetDateTimeOffset()), tasks.Max(task => task.GetProperty("finishedAt").GetDateTimeOffset()));
    }
}
