using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests;

/// <summary>
/// GPUs found through <c>nvidia-smi</c> (a fake one that prints two A100s) are real to the
/// platform: a task that holds one gets a device request for the nvidia driver with the GPU's uuid.
/// This engine has no nvidia runtime, so the container is created but cannot start; it is kept
/// (ttlSecondsAfterFinished) and inspected.
/// </summary>
[Trait("Category", "Docker")]
public sealed class GpuContainerTests(FakeNvidiaSmiFixture fixture) : IClassFixture<FakeNvidiaSmiFixture>
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Node_offers_the_GPUs_nvidia_smi_reports_with_their_uuids_and_model()
    {
        var nodes = await Platform.Http.GetFromJsonAsync<JsonElement>("api/nodes");

        var node = nodes.EnumerateArray().Single(n => n.GetProperty("id").GetString() == Platform.NodeId);
        var gpus = node.GetProperty("gpus").EnumerateArray().ToList();
        Assert.Equal(FakeNvidiaSmiFixture.Gpus.Count, gpus.Count);
        foreach (var (gpu, expected) in gpus.OrderBy(g => g.GetProperty("index").GetInt32()).Zip(FakeNvidiaSmiFixture.Gpus))
        {
            Assert.Equal(expected.Index, gpu.GetProperty("index").GetInt32());
            Assert.Equal(expected.Uuid, gpu.GetProperty("id").GetString());
            Assert.Equal(expected.Model, gpu.GetProperty("model").GetString());
            Assert.Equal(expected.MemoryMb, gpu.GetProperty("memoryMb").GetInt32());
            Assert.False(gpu.GetProperty("fake").GetBoolean());
        }
    }

    [Fact]
    public async Task Node_reports_its_GPUs_utilisation_as_nvidia_smi_reads_it()
    {
        await Eventually.HoldsAsync(async () =>
        {
            var node = await Platform.NodeAsync(Platform.NodeId);
            var utilisation = node!.Value.GetProperty("gpus").EnumerateArray()
                .OrderBy(gpu => gpu.GetProperty("index").GetInt32())
                .Select(gpu => gpu.GetProperty("utilisation").ValueKind == JsonValueKind.Object
                    ? gpu.GetProperty("utilisation").GetProperty("percent").GetDouble()
                    : -1)
                .ToList();
            Assert.Equal(FakeNvidiaSmiFixture.Utilisation.Select(percent => (double)percent), utilisation);
        }, TimeSpan.FromSeconds(30), "the GPUs' utilisation in GET /api/nodes");
    }

    [Fact]
    public async Task Task_with_a_real_GPU_gets_an_nvidia_device_request_and_fails_to_start_on_an_engine_without_the_runtime()
    {
        var id = Id(await Platform.SubmitAsync("""
            name: wants-a-gpu
            image: platform/hello-ps:1.0
            command: ["sh", "-c", "echo should not run"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.5, memoryMb: 256, gpus: 1 } }
            restartPolicy: Never
            ttlSecondsAfterFinished: 120
            """));

        var job = await Platform.WaitForStateAsync(id, "Failed", TimeSpan.FromSeconds(45));

        var worker = Task(job, "worker-0");
        var uuid = Assert.Single(worker.GetProperty("gpus").EnumerateArray()).GetString()!;
        Assert.Contains(uuid, FakeNvidiaSmiFixture.Gpus.Select(gpu => gpu.Uuid));
        var reason = job.GetProperty("reason").GetString()!;
        Assert.Contains("worker-0", reason);
        Assert.Contains("StartFailed", reason);
        Assert.Contains("could not start", reason);
        Assert.Equal("Failed", worker.GetProperty("state").GetString());
        Assert.Null(OptionalInt(worker, "exitCode"));
        Assert.StartsWith("StartFailed", OptionalString(worker, "reason"));
        Assert.Equal(0, job.GetProperty("restarts").GetInt32());

        var listed = Assert.Single(await DockerEngine.ContainersAsync("platform.job", id));
        Assert.Equal("created", listed.State);
        var container = await DockerEngine.Client.Containers.InspectContainerAsync(listed.ID);
        Assert.NotNull(container.HostConfig);
        Assert.NotNull(container.Config);
        var request = Assert.Single(container.HostConfig.DeviceRequests);
        Assert.Equal("nvidia", request.Driver);
        Assert.Equal([uuid], request.DeviceIDs);
        var capabilities = Assert.Single(request.Capabilities);
        Assert.Equal(["gpu"], capabilities);
        Assert.Contains("ALL", container.HostConfig.CapDrop);
        Assert.Contains("no-new-privileges", container.HostConfig.SecurityOpt);
        Assert.False(container.HostConfig.Privileged);
        Assert.Equal("host", container.HostConfig.NetworkMode);
        Assert.Equal(500_000_000, container.HostConfig.NanoCPUs);
        Assert.Equal(256L * 1024 * 1024, container.HostConfig.Memory);
        Assert.Equal(container.HostConfig.Memory, container.HostConfig.MemorySwap);
        Assert.Equal(id, container.Config.Labels["platform.job"]);
        Assert.Equal("worker-0", container.Config.Labels["platform.task"]);
        Assert.Equal(Platform.NodeId, container.Config.Labels["platform.node"]);
        Assert.Equal("0", container.Config.Labels["platform.attempt"]);
        Assert.Contains($"NVIDIA_VISIBLE_DEVICES={uuid}", container.Config.Env);
        Assert.Equal(listed.ID, OptionalString(worker, "containerId") ?? listed.ID);
        Assert.Empty(await Platform.LogsAsync(id));
    }
}
