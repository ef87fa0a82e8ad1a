using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Core.Jobs;
using Platform.Core.Jobs.Assignments;
using Platform.Core.Jobs.ClusterSpec;

namespace Platform.Core.Tests.Jobs.Assignments;

public sealed class AssignmentBuilderTests
{
    private static readonly IReadOnlyList<PlacedTask> Cluster =
    [
        new("ps", 0, "127.0.0.2", 28000, []),
        new("worker", 0, "127.0.0.2", 28001, ["GPU-a"]),
        new("worker", 1, "127.0.0.3", 29000, ["GPU-b", "GPU-c"]),
    ];

    private static readonly JobSpec Spec = new()
    {
        Name = "mnist",
        Image = "platform/torchsharp:0.107-cpu",
        Command = ["/app/train"],
        Env = new Dictionary<string, string> { ["LR"] = "0.1" },
        Replicas = new Dictionary<string, ReplicaSpec>
        {
            ["ps"] = new() { Count = 1, Command = ["/app/ps"], Resources = new() { Cpus = 0.5, MemoryMb = 512 } },
            ["worker"] = new() { Count = 2, Image = "platform/pytorch:2.6-cpu", Resources = new() { Cpus = 2, MemoryMb = 4096, Gpus = 1 } },
        },
        TerminationGracePeriodSeconds = 45,
        PidsLimit = 512,
        Volumes = [new VolumeSpec("checkpoints", "/checkpoints")],
    };

    public static TheoryData<string, TaskToAssign, int, Func<TaskAssignment, object?>, object?> Fields => new()
    {
        { "the generation of the placement", new("worker", 1, 0, [1, 2]), 3, a => a.Generation, 3 },
        { "generation 0 for a first placement", new("ps", 0, 0, []), 0, a => a.Generation, 0 },
        { "the attempt", new("worker", 0, 4, [0]), 0, a => a.Attempt, 4 },
        { "the task name", new("worker", 1, 0, [1, 2]), 0, a => a.Task, "worker-1" },
        { "the GPU indexes on the node", new("worker", 1, 0, [1, 2]), 0, a => string.Join(",", a.GpuIndexes), "1,2" },
        { "the GPU ids in the environment", new("worker", 1, 0, [1, 2]), 0, a => a.Env[PlatformEnv.NvidiaVisibleDevices], "GPU-b,GPU-c" },
        { "void without GPUs", new("ps", 0, 0, []), 0, a => a.Env[PlatformEnv.NvidiaVisibleDevices], "void" },
        { "the task's port", new("worker", 1, 0, [1, 2]), 0, a => a.Port, 29000 },
        { "the port in the environment", new("worker", 1, 0, [1, 2]), 0, a => a.Env[PlatformEnv.TaskPort], "29000" },
        { "the group's image over the job's", new("worker", 0, 0, [0]), 0, a => a.Image, "platform/pytorch:2.6-cpu" },
        { "the job's image by default", new("ps", 0, 0, []), 0, a => a.Image, "platform/torchsharp:0.107-cpu" },
        { "the group's command over the job's", new("ps", 0, 0, []), 0, a => string.Join(" ", a.Command), "/app/ps" },
        { "the job's command by default", new("worker", 0, 0, [0]), 0, a => string.Join(" ", a.Command), "/app/train" },
        { "the group's resources", new("worker", 0, 0, [0]), 0, a => a.Resources.MemoryMb, 4096 },
        { "the grace period", new("ps", 0, 0, []), 0, a => a.TerminationGracePeriodSeconds, 45 },
        { "the pids limit", new("ps", 0, 0, []), 0, a => a.PidsLimit, 512 },
        { "the spec's env", new("ps", 0, 0, []), 0, a => a.Env["LR"], "0.1" },
        { "the cluster spec", new("worker", 1, 0, [1, 2]), 0, a => a.Env[PlatformEnv.TfConfig].Contains("\"127.0.0.3:29000\"", StringComparison.Ordinal), true },
        { "the job's volumes under the job's key", new("ps", 0, 0, []), 0, a => a.Volumes.Single().Key, "jobs/j-1/checkpoints" },
        { "no secrets for a user's job", new("ps", 0, 0, []), 0, a => a.SecretEnv.Count, 0 },
        { "running, not stopped", new("ps", 0, 0, []), 0, a => a.Stopped, false },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Assignment_carries(string what, TaskToAssign task, int generation, Func<TaskAssignment, object?> field, object? expected)
    {
        var assignment = AssignmentBuilder.Build(new AssignmentContext("j-1", Spec, generation, Cluster), task);

        Assert.True(Equals(expected, field(assignment)), $"{what}: expected {expected}, got {field(assignment)}");
    }

    [Fact]
    public void An_owned_job_adds_its_owner_s_secrets_and_volumes()
    {
        var owner = new JobOwner
        {
            NotebookId = "nb-1",
            SecretEnv = new Dictionary<string, string> { ["JUPYTER_TOKEN"] = "t" },
            Volumes = [new VolumeMount("notebooks/ann/work", "/home/jovyan/work")],
        };

        var assignment = AssignmentBuilder.Build(new AssignmentContext("j-1", Spec, 0, Cluster, owner), new("ps", 0, 0, []));

        Assert.Equal("t", assignment.SecretEnv["JUPYTER_TOKEN"]);
        Assert.False(assignment.Env.ContainsKey("JUPYTER_TOKEN"));
        Assert.Equal(["jobs/j-1/checkpoints", "notebooks/ann/work"], assignment.Volumes.Select(volume => volume.Key));
    }

    [Fact]
    public void The_job_s_secret_goes_into_the_secret_environment_of_every_task_beside_the_owner_s()
    {
        var owner = new JobOwner { NotebookId = "nb-1", SecretEnv = new Dictionary<string, string> { ["JUPYTER_TOKEN"] = "t" } };
        var job = new AssignmentContext("j-1", Spec, 0, Cluster, owner, "s3cret");

        var assignments = Cluster.Select(task => AssignmentBuilder.Build(job, new(task.Type, task.Index, 0, []))).ToList();

        Assert.All(assignments, assignment =>
        {
            Assert.Equal("s3cret", assignment.SecretEnv[PlatformEnv.JobSecret]);
            Assert.Equal("t", assignment.SecretEnv["JUPYTER_TOKEN"]);
            Assert.DoesNotContain(assignment.Env, variable => variable.Key == PlatformEnv.JobSecret || variable.Value.Contains("s3cret", StringComparison.Ordinal));
        });
        Assert.Contains(new KeyValuePair<string, string>(PlatformEnv.JobSecret, "s3cret"), assignments[0].RuntimeEnvironment());
        Assert.DoesNotContain("s3cret", job.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_that_is_not_placed_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            AssignmentBuilder.Build(new AssignmentContext("j-1", Spec, 0, Cluster), new("evaluator", 0, 0, [])));

        Assert.Contains("evaluator-0", error.Message, StringComparison.Ordinal);
    }
}
