using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Frameworks;

/// <summary>
/// A user's DDP script that sets nothing itself (gloo_allreduce.py) runs as it is on both PyTorch
/// images and the Jupyter image (whose PyTorch a notebook's script uses): what PyTorch needs on this
/// platform comes from the image (<c>USE_LIBUV=0</c>) and the platform (<c>GLOO_SOCKET_IFNAME</c>),
/// not from the script.
/// </summary>
[Collection(FrameworksFixture.Collection)]
[Trait("Category", "Docker")]
public sealed class UnmodifiedScriptTests(FrameworksFixture fixture)
{
    private static readonly string[] Ranks = ["master-0", "worker-0"];

    private PlatformProcess Platform => fixture.Platform;

    public static TheoryData<string, string> Images => new()
    {
        { "platform/pytorch:2.6-cpu", "2.6." },
        { "platform/pytorch:1.13-cpu", "1.13." },
        { "platform/jupyter:4.0-cpu", "2.6." },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public async Task A_gloo_all_reduce_script_that_sets_nothing_succeeds_and_every_rank_prints_the_sum(string image, string version)
    {
        await DockerEngine.RequireImagesAsync(image);
        var id = JobJson.Id(await Platform.SubmitAsync(Spec(image), "application/json"));

        var job = await Platform.WaitForStateAsync(id, "Succeeded", TimeSpan.FromMinutes(3));

        for (var rank = 0; rank < Ranks.Length; rank++)
        {
            var task = Ranks[rank];
            Assert.Equal("Succeeded", JobJson.Task(job, task).GetProperty("state").GetString());
            var lines = await Platform.TextsAsync(id, task);
            Assert.StartsWith(version, TrainingJobs.Printed(lines, "torch ", task), StringComparison.Ordinal);
            // Every task of the job is on the platform's one node, so gloo is told to stay on loopback.
            Assert.Equal("lo", TrainingJobs.Printed(lines, "gloo interface:", task));
            // Rank r contributes r + 1: the sum over a world of two is 1 + 2.
            Assert.Equal("3.0", TrainingJobs.Printed(lines, $"rank {rank} of {Ranks.Length} all_reduce sum:", task));
        }
    }

    private static string Spec(string image)
    {
        var script = File.ReadAllText(Path.Combine(Samples.RepositoryRoot(), "tests", "Platform.E2E.Tests", "Frameworks", "gloo_allreduce.py"));
        var resources = new { cpus = 0.5, memoryMb = 1024, gpus = 0 };
        return JsonSerializer.Serialize(new
        {
            name = "gloo-allreduce",
            image,
            command = new[] { "python3", "-c", script },
            replicas = new
            {
                master = new { count = 1, resources },
                worker = new { count = 1, resources },
            },
            successPolicy = "AllWorkers",
            restartPolicy = "Never",
        });
    }
}
