using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests;

/// <summary>Job volumes with real containers: a directory of the node that outlives each attempt.</summary>
[Trait("Category", "Docker")]
public sealed class VolumeTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Checkpoint_written_by_a_failed_attempt_is_found_by_the_restarted_one_and_stays_on_the_node()
    {
        // The first attempt writes a checkpoint and fails (exit 9 if it cannot even write); the
        // second finds it, waits for a file the test drops into the node directory, and succeeds.
        var id = Id(await Platform.SubmitAsync("""
            name: resumes
            image: platform/hello-ps:1.0
            command:
              - sh
              - -c
              - |
                if [ -f /checkpoints/step.txt ]; then
                  echo "resumed from $(cat /checkpoints/step.txt)"
                  while [ ! -f /checkpoints/go ]; do sleep 0.2; done
                  exit 0
                fi
                echo step-100 > /checkpoints/step.txt || exit 9
                echo wrote checkpoint
                exit 3
            volumes:
              - { name: checkpoints, mountPath: /checkpoints }
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            restartPolicy: OnFailure
            backoffLimit: 1
            """));
        var volume = Path.Combine(Platform.DataDir, "volumes", "jobs", id, "checkpoints");

        await Platform.WaitForLineAsync(id, "worker-0", "resumed from step-100", Timeout);

        var running = await Platform.GetJobAsync(id);
        var worker = Task(running, "worker-0");
        Assert.Equal(1, worker.GetProperty("restarts").GetInt32());
        var container = await DockerEngine.Client.Containers.InspectContainerAsync(worker.GetProperty("containerId").GetString()!);
        var mount = Assert.Single(container.Mounts);
        Assert.Equal(("bind", volume, "/checkpoints", true), (mount.Type, mount.Source, mount.Destination, mount.RW));
        Assert.Equal(["ALL"], container.HostConfig!.CapDrop);

        await File.WriteAllTextAsync(Path.Combine(volume, "go"), "");
        var job = await Platform.WaitForStateAsync(id, "Succeeded", Timeout);

        Assert.Equal(1, job.GetProperty("restarts").GetInt32());
        var texts = await Platform.TextsAsync(id, "worker-0");
        Assert.True(texts.IndexOf("wrote checkpoint") is >= 0 and var wrote && texts.IndexOf("resumed from step-100") > wrote, string.Join('\n', texts));
        Assert.Equal("step-100\n", await File.ReadAllTextAsync(Path.Combine(volume, "step.txt")));
        var spec = job.GetProperty("spec").GetProperty("volumes");
        Assert.Equal(
            [("checkpoints", "/checkpoints")],
            spec.EnumerateArray().Select(v => (v.GetProperty("name").GetString(), v.GetProperty("mountPath").GetString())));

        // Checkpoints are the product: the directory outlives the job and its containers.
        await DockerEngine.WaitForNoContainersAsync(id, TimeSpan.FromSeconds(30));
        Assert.True(File.Exists(Path.Combine(volume, "step.txt")));
    }

    [Fact]
    public async Task Volume_with_a_bad_mount_path_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var response = await Platform.Http.PostAsync("api/jobs", new StringContent("""
            name: bad-volume
            image: platform/hello-ps:1.0
            volumes:
              - { name: data, mountPath: /etc/data }
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            """, Encoding.UTF8, "application/yaml"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.Equal(["volumes[0].mountPath"], errors.EnumerateObject().Select(error => error.Name));
        Assert.Contains("/etc", errors.GetProperty("volumes[0].mountPath")[0].GetString());
        Assert.DoesNotContain((await Platform.Http.GetFromJsonAsync<JsonElement>("api/jobs")).EnumerateArray(),
            job => job.GetProperty("name").GetString() == "bad-volume");
    }
}
