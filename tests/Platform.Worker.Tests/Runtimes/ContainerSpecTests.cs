using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;
using Platform.Core.Nodes;
using Platform.Worker.Runtimes;

namespace Platform.Worker.Tests.Runtimes;

public sealed class ContainerSpecTests
{
    private const string Root = "/srv/platform/volumes";

    private static readonly IReadOnlyList<GpuInfo> RealGpus =
    [
        new(0, "GPU-aaaa", "NVIDIA A100-SXM4-40GB", 40960, Fake: false),
        new(1, "GPU-bbbb", "NVIDIA A100-SXM4-40GB", 40960, Fake: false),
        new(2, "GPU-cccc", "NVIDIA A100-SXM4-40GB", 40960, Fake: false),
    ];

    [Fact]
    public void Real_gpus_are_requested_from_the_nvidia_driver_by_uuid()
    {
        var spec = ContainerSpec.For(Assignment(gpus: [0, 2]), "node-a", RealGpus, Root);

        var request = Assert.Single(spec.HostConfig!.DeviceRequests);
        Assert.Equal("nvidia", request.Driver);
        Assert.Equal(["GPU-aaaa", "GPU-cccc"], request.DeviceIDs);
        Assert.Equal([["gpu"]], request.Capabilities.Select(set => set.ToList()));
    }

    [Fact]
    public void Fake_gpus_get_no_device_request()
    {
        var spec = ContainerSpec.For(Assignment(gpus: [0, 1]), "node-a", NvidiaSmi.Fake(4), Root);

        Assert.Null(spec.HostConfig!.DeviceRequests);
    }

    [Fact]
    public void Task_without_gpus_gets_no_device_request()
    {
        Assert.Null(ContainerSpec.For(Assignment(gpus: []), "node-a", RealGpus, Root).HostConfig!.DeviceRequests);
    }

    [Fact]
    public void Container_is_unprivileged_on_the_host_network_with_the_spec_limits_and_labels()
    {
        var spec = ContainerSpec.For(Assignment(gpus: []), "node-a", RealGpus, Root);

        Assert.Equal("platform-job-1-worker-1-a2", spec.Name);
        Assert.Equal("platform/hello-ps:1.0", spec.Image);
        Assert.Equal(["python3", "-u", "train.py"], spec.Cmd);
        Assert.Contains("RANK=2", spec.Env);
        Assert.Equal("host", spec.HostConfig!.NetworkMode);
        Assert.Equal(1_500_000_000, spec.HostConfig!.NanoCPUs);
        Assert.Equal(512L * 1024 * 1024, spec.HostConfig!.Memory);
        Assert.False(spec.HostConfig!.Privileged);
        Assert.Equal(["ALL"], spec.HostConfig!.CapDrop);
        Assert.Equal(["no-new-privileges"], spec.HostConfig!.SecurityOpt);
        Assert.Null(spec.HostConfig!.Mounts);
        Assert.Null(spec.HostConfig!.Binds);
        Assert.Null(spec.Volumes);
        Assert.Equal(new Dictionary<string, string>
        {
            ["platform.job"] = "job-1", ["platform.task"] = "worker-1", ["platform.node"] = "node-a", ["platform.attempt"] = "2", ["platform.grace"] = "30",
        }, spec.Labels);
    }

    public static TheoryData<string, int?, int, int, int> PidsCases => new()
    {
        { "node default when the job sets none", null, 4096, 32768, 4096 },
        { "the job's own limit", 100, 4096, 32768, 100 },
        { "a job's limit above the default", 10000, 4096, 32768, 10000 },
        { "a job's limit capped at the node maximum", 100000, 4096, 32768, 32768 },
        { "an operator's smaller default", null, 512, 1024, 512 },
    };

    [Theory]
    [MemberData(nameof(PidsCases))]
    public void Pids_limit_is_the_jobs_within_the_node_maximum(string because, int? requested, int nodeDefault, int nodeMaximum, int expected)
    {
        var limits = new NodeTaskLimits(DefaultPids: nodeDefault, MaxPids: nodeMaximum);

        var spec = ContainerSpec.For(Assignment(gpus: []) with { PidsLimit = requested }, "node-a", RealGpus, Root, limits);

        Assert.True(expected == spec.HostConfig!.PidsLimit, because);
    }

    [Fact]
    public void Every_container_gets_the_nofile_ulimit_and_a_rotated_json_file_log()
    {
        var limits = new NodeTaskLimits(LogMaxSize: "20m", LogMaxFiles: 2, Nofile: 4096);

        var spec = ContainerSpec.For(Assignment(gpus: []), "node-a", RealGpus, Root, limits);

        var nofile = Assert.Single(spec.HostConfig!.Ulimits);
        Assert.Equal(("nofile", 4096L, 4096L), (nofile.Name, nofile.Soft, nofile.Hard));
        Assert.Equal("json-file", spec.HostConfig!.LogConfig.Type);
        Assert.Equal(new Dictionary<string, string> { ["max-size"] = "20m", ["max-file"] = "2" }, spec.HostConfig!.LogConfig.Config);
    }

    [Fact]
    public void Defaults_are_4096_pids_65536_open_files_and_three_logs_of_50_megabytes()
    {
        var spec = ContainerSpec.For(Assignment(gpus: []), "node-a", RealGpus, Root);

        Assert.Equal(4096, spec.HostConfig!.PidsLimit);
        Assert.Equal(65536L, Assert.Single(spec.HostConfig!.Ulimits).Hard);
        Assert.Equal(new Dictionary<string, string> { ["max-size"] = "50m", ["max-file"] = "3" }, spec.HostConfig!.LogConfig.Config);
    }

    [Fact]
    public void Task_user_runs_the_container_as_that_uid_and_gid()
    {
        var spec = ContainerSpec.For(Assignment(gpus: []), "node-a", RealGpus, Root, new NodeTaskLimits(User: new TaskUser(1000, 1000)));

        Assert.Equal("1000:1000", spec.User);
    }

    [Fact]
    public void Without_a_task_user_the_image_user_is_kept() =>
        Assert.Null(ContainerSpec.For(Assignment(gpus: []), "node-a", RealGpus, Root).User);

    [Fact]
    public void Task_without_a_command_keeps_the_image_default()
    {
        Assert.Null(ContainerSpec.For(Assignment(gpus: []) with { Command = [] }, "node-a", RealGpus, Root).Cmd);
    }

    [Fact]
    public void Task_without_an_image_cannot_start()
    {
        Assert.Throws<TaskStartException>(() => ContainerSpec.For(Assignment(gpus: []) with { Image = null }, "node-a", RealGpus, Root));
    }

    [Fact]
    public void Volumes_are_the_only_mounts_read_write_binds_of_their_directories_under_the_root()
    {
        var assignment = Assignment(gpus: []) with
        {
            Volumes = [new VolumeMount("jobs/job-1/checkpoints", "/checkpoints"), new VolumeMount("jobs/job-1/data", "/work/data")],
        };

        var spec = ContainerSpec.For(assignment, "node-a", RealGpus, Root + "/");

        Assert.Equal(
            [("bind", "/srv/platform/volumes/jobs/job-1/checkpoints", "/checkpoints", false), ("bind", "/srv/platform/volumes/jobs/job-1/data", "/work/data", false)],
            spec.HostConfig!.Mounts!.Select(mount => (mount.Type, mount.Source, mount.Target, mount.ReadOnly)));
        Assert.Null(spec.HostConfig!.Binds);
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("jobs/../../etc")]
    [InlineData("/etc")]
    [InlineData("jobs/./x")]
    [InlineData("")]
    public void Volume_key_leaving_the_root_cannot_start(string key)
    {
        var assignment = Assignment(gpus: []) with { Volumes = [new VolumeMount(key, "/data")] };

        Assert.Throws<TaskStartException>(() => ContainerSpec.For(assignment, "node-a", RealGpus, Root));
    }

    [Fact]
    public void Secret_env_reaches_the_container_but_not_the_assignment_env()
    {
        var assignment = Assignment(gpus: []) with { SecretEnv = new Dictionary<string, string> { ["JUPYTER_TOKEN"] = "s3cret" } };

        var spec = ContainerSpec.For(assignment, "node-a", RealGpus, Root);

        Assert.Contains("JUPYTER_TOKEN=s3cret", spec.Env);
        Assert.Contains("RANK=2", spec.Env);
        Assert.DoesNotContain("JUPYTER_TOKEN", assignment.Env.Keys);
        Assert.DoesNotContain("s3cret", assignment.ToString(), StringComparison.Ordinal);
    }

    private static TaskAssignment Assignment(int[] gpus) => new()
    {
        JobId = "job-1",
        Task = "worker-1",
        Attempt = 2,
        Image = "platform/hello-ps:1.0",
        Command = ["python3", "-u", "train.py"],
        Env = new Dictionary<string, string> { ["RANK"] = "2" },
        Resources = new Resources { Cpus = 1.5, MemoryMb = 512, Gpus = gpus.Length },
        GpuIndexes = gpus,
        Port = 41001,
    };
}
