using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Notebooks;
using Platform.Core.Notebooks;

namespace Platform.Core.Tests.Notebooks;

public class NotebookJobTests
{
    private static readonly NotebookStart Start = new()
    {
        Image = "platform/jupyter:4.0-cpu", Gpus = 1, Cpus = 2, MemoryMb = 4096, IdleTimeoutMinutes = 60, User = "default",
    };

    [Fact]
    public void Notebook_is_a_one_task_job_that_never_restarts_and_serves_under_its_proxied_path()
    {
        var spec = NotebookJob.SpecFor("nb-1a2b3c4d", Start, stopGraceSeconds: 10);

        var (type, group) = Assert.Single(spec.Replicas);
        Assert.Equal(ReplicaTypes.Worker, type);
        Assert.Equal(1, group.Count);
        Assert.Equal(new Resources { Gpus = 1, Cpus = 2, MemoryMb = 4096 }, group.Resources);
        Assert.Equal("platform/jupyter:4.0-cpu", spec.Image);
        Assert.Null(spec.Command);
        Assert.Equal(RestartPolicy.Never, spec.RestartPolicy);
        Assert.Equal(10, spec.TerminationGracePeriodSeconds);
        Assert.Equal(new Dictionary<string, string> { ["JUPYTER_BASE_URL"] = "/notebooks/nb-1a2b3c4d/" }, spec.Env);
    }

    [Fact]
    public void Work_directory_is_the_users_volume()
    {
        Assert.Equal([new VolumeMount("notebooks/default/work", "/home/jovyan/work")], NotebookJob.Volumes(Start));
        Assert.Equal([new VolumeMount("notebooks/alice/work", "/home/jovyan/work")], NotebookJob.Volumes(Start with { User = "alice" }));
    }

    [Fact]
    public void Token_travels_only_as_secret_env()
    {
        var spec = NotebookJob.SpecFor("nb-1a2b3c4d", Start, stopGraceSeconds: 10);

        Assert.Equal(new Dictionary<string, string> { ["JUPYTER_TOKEN"] = "t0ken" }, NotebookJob.SecretEnv("t0ken"));
        Assert.DoesNotContain("JUPYTER_TOKEN", spec.Env.Keys);
    }
}
