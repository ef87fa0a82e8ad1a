using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet.Models;
using Platform.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Platform.E2E.Tests.Identity;

/// <summary>
/// Issue 11 item 5: a task holds no platform credential. A job of team-b whose command knocks on
/// every door over loopback (REST, the hub, the notebook proxy, sign-in) is refused at each, the
/// job of team-a it tried to cancel runs on, and neither its environment nor its mounts carry a
/// token or the data directory.
/// </summary>
[Trait("Category", "Docker")]
[Collection(IdentityCollection.Name)]
public sealed class TaskCredentialTests(IdentityFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Task_knocking_on_every_door_over_loopback_is_refused_and_holds_no_credential()
    {
        var victim = await fixture.SubmitAsync(Callers.MemberA, Callers.TeamA, fixture.NewName("victim"));
        await Platform.WaitForTaskStateAsync(victim, "worker-0", "Running", Timeout);
        var script = await File.ReadAllTextAsync(Path.Combine(Samples.RepositoryRoot(), "tests", "Platform.E2E.Tests", "Identity", "task_doors.py"));
        var response = await fixture.Client(Callers.MemberB).PostAsJsonAsync("api/jobs", new
        {
            name = fixture.NewName("knocker"),
            image = "platform/hello-ps:1.0",
            command = new[] { "python3", "-c", script },
            env = new Dictionary<string, string>
            {
                ["TARGET"] = Platform.BaseAddress.ToString().TrimEnd('/'),
                ["VICTIM"] = victim,
                ["NOTEBOOK"] = fixture.NotebookA,
            },
            replicas = new { worker = new { count = 1, resources = new { cpus = 0.25, memoryMb = 128 } } },
            terminationGracePeriodSeconds = 1,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"submitting the knocker answered {(int)response.StatusCode}: {body}");
        var knocker = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;

        await Platform.WaitForLineAsync(knocker, "worker-0", "doors done", Timeout);
        var lines = await Platform.TextsAsync(knocker, "worker-0");
        var doors = lines.Where(line => line.StartsWith("door ", StringComparison.Ordinal))
            .Select(line => line.Split(' ')).ToDictionary(parts => parts[1], parts => parts[2]);
        var env = await DockerEngine.EnvOfAsync(knocker);
        var container = Assert.Single(await DockerEngine.ContainersAsync("platform.job", knocker));
        var inspected = await DockerEngine.Client.Containers.InspectContainerAsync(container.ID);
        var victimState = (await fixture.JobAsync(victim)).GetProperty("state").GetString();
        var notebookState = (await fixture.NotebookAsync(fixture.NotebookA)).GetProperty("state").GetString();
        await Platform.Http.PostAsync($"api/jobs/{knocker}/cancel", null);
        await Platform.Http.PostAsync($"api/jobs/{victim}/cancel", null);
        output.WriteLine(string.Join('\n', doors.Select(door => $"{door.Key}: {door.Value}")));

        Assert.Equal(new Dictionary<string, string>
        {
            ["web-ui"] = "200", ["list-jobs"] = "401", ["cancel-victim"] = "401", ["submit"] = "401", ["me"] = "401", ["make-token"] = "401",
            ["hub-negotiate"] = "401", ["notebook-proxy"] = "401", ["notebook-stop"] = "401", ["sign-in"] = "400",
            ["admin-token-files"] = "0",
        }, doors);
        Assert.Equal("Running", victimState);
        Assert.DoesNotContain(notebookState, new[] { "Stopped", "Failed" });
        AssertHoldsNoCredential(env, lines.Where(line => line.StartsWith("env ", StringComparison.Ordinal)), inspected);
    }

    private void AssertHoldsNoCredential(IDictionary<string, string> env, IEnumerable<string> printed, ContainerInspectResponse inspected)
    {
        var secrets = fixture.Bearers.Values.OfType<string>().ToList();
        foreach (var (key, value) in env)
        {
            Assert.DoesNotContain(value, secrets);
            Assert.DoesNotContain(Platform.DataDir, value, StringComparison.Ordinal);
            Assert.DoesNotContain("plt_", value, StringComparison.Ordinal);
            Assert.DoesNotContain("admin-token", value, StringComparison.Ordinal);
            Assert.False(key.Contains("TOKEN", StringComparison.OrdinalIgnoreCase), $"the task's environment has {key}");
        }

        foreach (var line in printed)
        {
            Assert.DoesNotContain(Platform.AdminToken, line, StringComparison.Ordinal);
            Assert.DoesNotContain(Platform.DataDir, line, StringComparison.Ordinal);
        }

        Assert.All(inspected.Mounts ?? [], mount =>
        {
            Assert.False(mount.Source.StartsWith(Platform.DataDir, StringComparison.Ordinal), $"the task mounts {mount.Source} at {mount.Destination}");
            Assert.DoesNotContain("docker.sock", mount.Source, StringComparison.Ordinal);
        });
        Assert.All(inspected.HostConfig?.Binds ?? [], bind => Assert.DoesNotContain(Platform.DataDir, bind, StringComparison.Ordinal));
    }
}
