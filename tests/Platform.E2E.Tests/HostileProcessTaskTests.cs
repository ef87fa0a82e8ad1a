using System.Globalization;
using Platform.E2E.Tests.Infrastructure;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests;

/// <summary>
/// Host processes (the <c>process</c> runtime, enabled by the operator) are held like containers:
/// a clean environment, a cgroup with the node's pids limit and the task's memory, nothing left
/// running after the task ends, and pid files in the node's data directory.
/// </summary>
[Trait("Category", "Docker")]
public sealed class HostileProcessTaskTests(ProcessLimitsFixture fixture) : IClassFixture<ProcessLimitsFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Process_task_gets_none_of_the_platforms_environment()
    {
        var id = Id(await Platform.SubmitAsync("""
            name: host-env
            runtime: process
            command: ["env"]
            env: { MINE: "yes" }
            replicas:
              worker: { count: 1, resources: { cpus: 0.1, memoryMb: 64 } }
            """));

        await Platform.WaitForStateAsync(id, "Succeeded", Timeout);

        var names = (await Platform.TextsAsync(id, "worker-0")).Select(text => text.Split('=')[0]).ToList();
        Assert.Contains("MINE", names);
        Assert.Contains("PLATFORM_TASK_NAME", names);
        Assert.Equal(["HOME", "LANG", "PATH", "PWD"], names.Where(name => !name.StartsWith("PLATFORM_", StringComparison.Ordinal)
            && name is not ("MINE" or "TF_CONFIG" or "MASTER_ADDR" or "MASTER_PORT" or "WORLD_SIZE" or "RANK" or "NVIDIA_VISIBLE_DEVICES" or "PYTHONUNBUFFERED" or "GLOO_SOCKET_IFNAME" or "NCCL_SOCKET_IFNAME"))
            .Order(StringComparer.Ordinal));
        Assert.DoesNotContain(names, name => name.StartsWith("Platform__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Process_fork_bomb_stops_at_the_pids_limit_fails_the_job_and_leaves_nothing_running()
    {
        var id = Id(await Platform.SubmitAsync("""
            name: host-forks
            runtime: process
            command: ["sh", "-c", "cat /proc/self/cgroup; g=$(grep :pids: /proc/self/cgroup | cut -d: -f3); echo pids.max=$(cat /sys/fs/cgroup/pids$g/pids.max); i=0; while [ $i -lt 500 ]; do sleep 300 & i=$((i+1)); done; echo forked all"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.1, memoryMb: 64 } }
            """));

        var job = await Platform.WaitForStateAsync(id, "Failed", Timeout);

        var texts = await Platform.TextsAsync(id, "worker-0");
        Assert.DoesNotContain("forked all", texts);
        Assert.Contains(texts, text => text.Contains("fork", StringComparison.OrdinalIgnoreCase));
        var pidsGroup = texts.Select(text => text.Split(':')).Single(parts => parts.Length == 3 && parts[1] == "pids")[2];
        Assert.Contains($"/platform-{Platform.NodeId}/", pidsGroup, StringComparison.Ordinal);
        Assert.Contains($"pids.max={ProcessLimitsFixture.PidsLimit}", texts);
        Assert.NotEqual(0, OptionalInt(Task(job, "worker-0"), "exitCode"));
        await Eventually.HoldsAsync(() =>
        {
            Assert.Empty(ProcessesIn(pidsGroup));
            return System.Threading.Tasks.Task.CompletedTask;
        }, Timeout, "the forked sleeps to be killed with the task");
        Assert.True(Directory.Exists(Path.Combine(Platform.DataDir, "processes", Platform.NodeId, "pids")));
    }

    /// <summary>Processes of the host in the given pids cgroup (v1, as on the test machines).</summary>
    private static List<int> ProcessesIn(string pidsGroup) => [.. Directory.GetDirectories("/proc")
        .Select(Path.GetFileName)
        .Where(name => name!.All(char.IsAsciiDigit))
        .Where(name =>
        {
            try
            {
                return File.ReadAllText($"/proc/{name}/cgroup").Contains($"pids:{pidsGroup}\n", StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
        })
        .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))];
}
