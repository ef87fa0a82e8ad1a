using Platform.Contracts.Jobs;
using Platform.Core.Jobs;
using Platform.Core.Jobs.ClusterSpec;
using static Platform.Core.Tests.Jobs.ClusterSpec.Specs;

namespace Platform.Core.Tests.Jobs.ClusterSpec;

public class TaskEnvironmentVariablesTests
{
    private static readonly PlacedTask[] Tasks =
    [
        At("ps", 0, "node-a", 30000),
        At("worker", 0, "node-a", 30001),
        new("worker", 1, "node-b", 30007, ["GPU-1b7a", "GPU-9c2d"]),
    ];

    public static TheoryData<string, string, string> PlatformVariables => new()
    {
        { "worker-1", PlatformEnv.JobId, "job-42" },
        { "worker-1", PlatformEnv.JobName, "mnist" },
        { "worker-1", PlatformEnv.TaskType, "worker" },
        { "worker-1", PlatformEnv.TaskIndex, "1" },
        { "worker-1", PlatformEnv.TaskName, "worker-1" },
        { "worker-1", PlatformEnv.TaskPort, "30007" },
        { "worker-1", PlatformEnv.NvidiaVisibleDevices, "GPU-1b7a,GPU-9c2d" },
        { "worker-1", PlatformEnv.PythonUnbuffered, "1" },
        { "ps-0", PlatformEnv.TaskName, "ps-0" },
        { "ps-0", PlatformEnv.TaskPort, "30000" },
        { "ps-0", PlatformEnv.NvidiaVisibleDevices, "void" },
    };

    [Theory]
    [MemberData(nameof(PlatformVariables))]
    public void Every_task_gets_the_platform_variables(string self, string name, string value)
    {
        var env = TaskEnvironment.Build("job-42", For(Tasks), Tasks, Named(Tasks, self));

        Assert.Equal(value, env[name]);
    }

    /// <summary>Self, variable, expected value: job env {A, B, PYTHONUNBUFFERED}, worker env {B, C}.</summary>
    public static TheoryData<string, string, string?> SpecEnv => new()
    {
        { "worker-1", "A", "job" },
        { "worker-1", "B", "worker group" },
        { "worker-1", "C", "worker group" },
        { "ps-0", "A", "job" },
        { "ps-0", "B", "job" },
        { "ps-0", "C", null },
        { "worker-1", PlatformEnv.PythonUnbuffered, "1" },
    };

    [Theory]
    [MemberData(nameof(SpecEnv))]
    public void Group_env_overrides_job_env_and_platform_variables_win(string self, string name, string? value)
    {
        var spec = For(Tasks) with
        {
            Env = new Dictionary<string, string> { ["A"] = "job", ["B"] = "job", [PlatformEnv.PythonUnbuffered] = "0" },
            Replicas = new Dictionary<string, ReplicaSpec>
            {
                ["ps"] = new(),
                ["worker"] = new() { Count = 2, Env = new Dictionary<string, string> { ["B"] = "worker group", ["C"] = "worker group" } },
            },
        };

        var env = TaskEnvironment.Build("job-42", spec, Tasks, Named(Tasks, self));

        Assert.Equal(value, env.GetValueOrDefault(name));
    }
}
