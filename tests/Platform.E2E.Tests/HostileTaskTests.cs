using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;
using Xunit.Abstractions;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests;

/// <summary>
/// Tasks that try to take the node down: a fork bomb, a gigabyte without a newline, a task that
/// ignores SIGTERM. The platform keeps answering REST (p99 under one second, sampled every
/// 100 ms), the job ends as its policy says, and the containers carry the node's limits.
/// </summary>
[Trait("Category", "Docker")]
[Collection(HostileTaskFixture.Collection)]
public sealed class HostileTaskTests(HostileTaskFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan P99Bound = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Fork_bomb_stops_at_the_pids_limit_while_the_platform_keeps_answering_and_cancel_ends_it()
    {
        var id = Id(await Platform.SubmitAsync("""
            name: fork-bomb
            image: platform/hello-ps:1.0
            command: ["bash", "-c", "bomb() { bomb | bomb & }; bomb; echo bombed; exec sleep infinity"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.5, memoryMb: 512 } }
            terminationGracePeriodSeconds: 2
            """));
        await using var probe = RestLatencyProbe.Start(Platform, id);
        var containerId = (await Platform.WaitForTaskStateAsync(id, "worker-0", "Running", Timeout)).GetProperty("containerId").GetString()!;

        await Eventually.HoldsAsync(() =>
        {
            var events = File.ReadAllText(HostProcesses.ContainerPidsFile(containerId, "pids.events"));
            Assert.True(MaxEvents(events) > 0, $"pids.events: {events.Trim()}, pids.current: {File.ReadAllText(HostProcesses.ContainerPidsFile(containerId, "pids.current")).Trim()}");
            return System.Threading.Tasks.Task.CompletedTask;
        }, Timeout, "the fork bomb to hit its pids limit");
        var atLimit = long.Parse(File.ReadAllText(HostProcesses.ContainerPidsFile(containerId, "pids.current")), CultureInfo.InvariantCulture);
        // The bomb keeps forking against its limit: the platform is measured under it for 150 more requests (about 10 s).
        var before = probe.Requests;
        await Eventually.HoldsAsync(() =>
        {
            Assert.True(probe.Requests >= before + 150, $"{probe.Requests - before} requests under the bomb");
            return System.Threading.Tasks.Task.CompletedTask;
        }, Timeout, "150 requests answered while the fork bomb runs");
        var cancel = await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null);
        var job = await Platform.WaitForStateAsync(id, "Cancelled", Timeout);
        await DockerEngine.WaitForNoContainersAsync(id, Timeout);
        var latency = await probe.StopAsync();

        output.WriteLine($"fork bomb: {atLimit} pids at the limit; REST {latency}");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.InRange(atLimit, 1, HostileTaskFixture.PidsLimit);
        Assert.Equal("Killed", Task(job, "worker-0").GetProperty("state").GetString());
        Assert.Empty(latency.Failures);
        Assert.True(latency.P99 < P99Bound, $"REST during the fork bomb: {latency}");
    }

    [Fact]
    public async Task Gigabyte_without_a_newline_is_stored_in_64_KiB_lines_while_memory_and_answers_stay_bounded()
    {
        const long gigabyte = 1L << 30;
        var pid = HostProcesses.PlatformPid(Platform.DataDir);
        var id = Id(await Platform.SubmitAsync($$"""
            name: no-newline
            image: platform/hello-ps:1.0
            command: ["bash", "-c", "head -c {{gigabyte}} /dev/zero | tr '\\0' a; echo; echo done"]
            replicas:
              worker: { count: 1, resources: { cpus: 1, memoryMb: 256 } }
            """));
        await using var probe = RestLatencyProbe.Start(Platform, id);
        long peakRss = 0;
        var clock = Stopwatch.StartNew();

        await Eventually.HoldsAsync(async () =>
        {
            peakRss = Math.Max(peakRss, HostProcesses.ResidentBytes(pid));
            var job = await Platform.GetJobAsync(id);
            if (job.GetProperty("state").GetString() is "Failed" or "Cancelled")
            {
                throw new GaveUpException($"The job printing a gigabyte ended {job.GetProperty("state")}: {job}");
            }

            Assert.Equal("Succeeded", job.GetProperty("state").GetString());
        }, TimeSpan.FromMinutes(5), "the job printing a gigabyte to succeed");
        // The agent reports the exit after at most 30 s of shipping; the rest of the output follows.
        var stored = new LongLineTally();
        await Eventually.HoldsAsync(async () =>
        {
            peakRss = Math.Max(peakRss, HostProcesses.ResidentBytes(pid));
            await ReadNewLinesAsync(id, "worker-0", stored);
            Assert.Equal("done", stored.Last);
        }, TimeSpan.FromMinutes(2), "the last line, done, to be stored");
        var latency = await probe.StopAsync();

        output.WriteLine($"1 GiB line: succeeded after {clock.Elapsed.TotalSeconds:F0} s, {stored.Count} lines stored ({stored.Bytes:N0} bytes, " +
            $"{stored.Full} of exactly 64 KiB), platform peak RSS {peakRss / (1024 * 1024)} MiB; REST {latency}");
        Assert.True(peakRss < 1536L * 1024 * 1024, $"the platform's RSS reached {peakRss / (1024 * 1024)} MiB");
        Assert.Empty(latency.Failures);
        Assert.True(latency.P99 < P99Bound, $"REST during the gigabyte: {latency}");
        Assert.Equal(0, stored.Longer);
        Assert.True(stored.Full > 100, $"only {stored.Full} lines of 64 KiB were stored");
        // Every full part goes on in the next line; a gigabyte is a whole number of parts, so the last one ends the line.
        Assert.InRange(stored.Continued, stored.Full - 1, stored.Full);
        // Only the task's bytes: no engine timestamp (the engine splits lines at 16 KiB) inside a stored line.
        Assert.Equal(0, stored.Foreign);
    }

    /// <summary>
    /// Reads the lines stored since the last call, 50 at a time (a page of the usual 10,000 lines of
    /// 64 KiB would be over a gigabyte of JSON), keeping counts rather than the text.
    /// </summary>
    private async Task ReadNewLinesAsync(string id, string task, LongLineTally stored)
    {
        while (true)
        {
            var page = await Platform.Http.GetFromJsonAsync<JsonElement>($"api/jobs/{id}/logs?task={task}&after={stored.After}&limit=50");
            var lines = page.GetProperty("lines").EnumerateArray().ToList();
            if (lines.Count == 0)
            {
                return;
            }

            foreach (var line in lines)
            {
                stored.Add(line.GetProperty("text").GetString()!, line.GetProperty("continued").GetBoolean());
            }

            stored.After = page.GetProperty("next").GetInt64();
        }
    }

    [Fact]
    public async Task Task_ignoring_SIGTERM_is_cancelled_at_once_and_killed_when_its_grace_expires()
    {
        var id = Id(await Platform.SubmitAsync("""
            name: ignores-term
            image: platform/hello-ps:1.0
            command: ["bash", "-c", "trap '' TERM; echo ready; while true; do sleep 0.1; done"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            terminationGracePeriodSeconds: 20
            """));
        await Platform.WaitForLineAsync(id, "worker-0", "ready", Timeout);
        var containerId = (await Platform.WaitForTaskStateAsync(id, "worker-0", "Running", Timeout)).GetProperty("containerId").GetString()!;
        await using var probe = RestLatencyProbe.Start(Platform, id);

        var clock = Stopwatch.StartNew();
        var cancel = await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null);
        await Platform.WaitForStateAsync(id, "Cancelled", TimeSpan.FromSeconds(8));
        var cancelledAfter = clock.Elapsed;
        await Eventually.HoldsAsync(() =>
        {
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(10));
            return System.Threading.Tasks.Task.CompletedTask;
        }, TimeSpan.FromSeconds(15), "10 s into the grace period");
        var runningAt10 = (await DockerEngine.Client.Containers.InspectContainerAsync(containerId)).State?.Running;
        await DockerEngine.WaitForNoContainersAsync(id, TimeSpan.FromSeconds(40) - clock.Elapsed);
        var goneAfter = clock.Elapsed;
        var latency = await probe.StopAsync();

        output.WriteLine($"SIGTERM ignored, grace 20 s: Cancelled after {cancelledAfter.TotalSeconds:F1} s, container gone after {goneAfter.TotalSeconds:F1} s; REST {latency}");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.True(runningAt10, "the container was no longer running 10 s into its 20 s grace period");
        Assert.InRange(goneAfter, TimeSpan.FromSeconds(19), TimeSpan.FromSeconds(40));
        Assert.Empty(latency.Failures);
        Assert.True(latency.P99 < P99Bound, $"REST during the grace period: {latency}");
    }

    [Fact]
    public async Task Container_carries_the_nodes_pids_files_log_and_user_limits_and_volumes_are_the_task_users()
    {
        var id = Id(await Platform.SubmitAsync("""
            name: limits
            image: platform/hello-ps:1.0
            command: ["bash", "-c", "id -u; id -g; ulimit -n; touch /data/written && echo wrote; sleep 60"]
            volumes: [{ name: data, mountPath: /data }]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            terminationGracePeriodSeconds: 1
            """));
        await Platform.WaitForLineAsync(id, "worker-0", "wrote", Timeout);
        var containerId = (await Platform.WaitForTaskStateAsync(id, "worker-0", "Running", Timeout)).GetProperty("containerId").GetString()!;

        var container = await DockerEngine.Client.Containers.InspectContainerAsync(containerId);

        var host = container.HostConfig!;
        Assert.Equal(HostileTaskFixture.PidsLimit, host.PidsLimit);
        var nofile = Assert.Single(host.Ulimits);
        var expectedNofile = ExpectedNofile();
        Assert.Equal(("nofile", expectedNofile, expectedNofile), (nofile.Name, nofile.Soft, nofile.Hard));
        Assert.Equal("json-file", host.LogConfig.Type);
        Assert.Equal("50m", host.LogConfig.Config["max-size"]);
        Assert.Equal("3", host.LogConfig.Config["max-file"]);
        Assert.Equal(HostileTaskFixture.TaskUser, container.Config!.User);
        Assert.Equal(["ALL"], host.CapDrop);
        Assert.Equal(["no-new-privileges"], host.SecurityOpt);
        Assert.Equal(["1000", "1000", expectedNofile.ToString(CultureInfo.InvariantCulture), "wrote"], await Platform.TextsAsync(id, "worker-0"));
        var volume = Assert.Single(container.Mounts!).Source;
        Assert.Equal("1000:1000", Stat(volume));
        await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null);
        await DockerEngine.WaitForNoContainersAsync(id, Timeout);
    }

    [Theory]
    [InlineData(64, 64)]
    [InlineData(1_000_000, 32_768)]
    public async Task A_job_s_pids_limit_is_its_containers_within_the_node_s_maximum(int asked, int expected)
    {
        var id = Id(await Platform.SubmitAsync($$"""
            name: own-pids
            image: platform/hello-ps:1.0
            command: ["sleep", "60"]
            pidsLimit: {{asked}}
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            terminationGracePeriodSeconds: 1
            """));
        var containerId = (await Platform.WaitForTaskStateAsync(id, "worker-0", "Running", Timeout)).GetProperty("containerId").GetString()!;

        var container = await DockerEngine.Client.Containers.InspectContainerAsync(containerId);

        Assert.Equal(expected, container.HostConfig!.PidsLimit);
        await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null);
        await DockerEngine.WaitForNoContainersAsync(id, Timeout);
    }

    [Fact]
    public async Task Anonymous_volume_of_the_image_is_removed_with_the_container()
    {
        await using var image = await ScratchImage.BuildAsync("platform/e2e-anonymous-volume:1", "FROM platform/hello-ps:1.0\nVOLUME /scratch\n");
        var id = Id(await Platform.SubmitAsync($$"""
            name: anonymous-volume
            image: {{image.Name}}
            command: ["bash", "-c", "ls -d /scratch && echo ready && sleep 60"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            terminationGracePeriodSeconds: 1
            """));
        await Platform.WaitForLineAsync(id, "worker-0", "ready", Timeout);
        var containerId = (await Platform.WaitForTaskStateAsync(id, "worker-0", "Running", Timeout)).GetProperty("containerId").GetString()!;
        var mount = Assert.Single((await DockerEngine.Client.Containers.InspectContainerAsync(containerId)).Mounts!);
        Assert.Equal(("volume", "/scratch"), (mount.Type, mount.Destination));
        var volume = mount.Name ?? throw new InvalidOperationException("The anonymous volume has no name.");
        await DockerEngine.Client.Volumes.InspectAsync(volume);

        await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null);
        await DockerEngine.WaitForNoContainersAsync(id, Timeout);

        await Assert.ThrowsAsync<Docker.DotNet.DockerApiException>(() => DockerEngine.Client.Volumes.InspectAsync(volume));
    }

    [Fact]
    public async Task Spec_asking_for_the_process_runtime_is_refused_where_no_node_enables_it()
    {
        var response = await Platform.Http.PostAsync("api/jobs", new StringContent("""
            name: on-the-host
            command: ["sh", "-c", "id"]
            runtime: process
            replicas:
              worker: { count: 1 }
            """, System.Text.Encoding.UTF8, "application/yaml"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("runtime", body, StringComparison.Ordinal);
        Assert.Contains("process", body, StringComparison.Ordinal);
    }

    /// <summary>65,536, or this machine's lower hard limit (the engine cannot grant more than it has: 20,000 on the test machines).</summary>
    private static long ExpectedNofile()
    {
        var line = File.ReadLines("/proc/self/limits").Single(line => line.StartsWith("Max open files", StringComparison.Ordinal));
        var hard = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return hard == "unlimited" ? 65536 : Math.Min(65536, long.Parse(hard, CultureInfo.InvariantCulture));
    }

    private static long MaxEvents(string events) =>
        long.Parse(events.Split('\n').Single(line => line.StartsWith("max ", StringComparison.Ordinal))["max ".Length..], CultureInfo.InvariantCulture);

    private static string Stat(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%u:%g", path]) { RedirectStandardOutput = true })!;
        var owner = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return owner;
    }
}
