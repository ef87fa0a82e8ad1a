using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Notebooks;
using Platform.Core.Notebooks;
using Platform.Grains.Tests.Cluster;

namespace Platform.Grains.Tests.Notebooks;

/// <summary>
/// The notebook grain and its job on an in-process cluster with a node of four fake GPUs. The agent
/// is played by the test, so Jupyter never answers here: readiness and culling are covered against
/// a real Jupyter by the end-to-end tests.
/// </summary>
public sealed class NotebookGrainTests(PlatformClusterFixture cluster) : IClassFixture<PlatformClusterFixture>, IAsyncLifetime
{
    private readonly JobDriver _jobs = new(cluster.Client);
    private readonly List<string> _notebooks = [];

    [Fact]
    public async Task Notebook_runs_as_an_unlisted_one_task_job_whose_token_only_the_container_gets()
    {
        var id = await StartAsync(gpus: 2);

        var job = await _jobs.WaitForAsync(id, JobState.Running);
        var assignment = await _jobs.DesiredAsync(id, NotebookJob.Task);
        var route = await Notebook(id).GetRouteAsync();
        var listed = await cluster.Client.GetGrain<IJobIndexGrain>(GrainKeys.JobIndex).ListAsync(new JobQuery(null, null, null, 1000));

        Assert.DoesNotContain(listed.Jobs, summary => summary.Id == id);
        Assert.Equal(2, assignment.GpuIndexes.Count);
        Assert.Equal(route!.Token, assignment.SecretEnv[JupyterEnv.Token]);
        Assert.Equal(48, route.Token.Length);
        Assert.DoesNotContain(JupyterEnv.Token, assignment.Env.Keys);
        Assert.Equal($"/notebooks/{id}/", assignment.Env[JupyterEnv.BaseUrl]);
        Assert.Equal([new VolumeMount("notebooks/default/work", "/home/jovyan/work")], assignment.Volumes);
        Assert.DoesNotContain(route.Token, job.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(route.Token, (await Notebook(id).GetAsync())!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(route.Token, route.ToString(), StringComparison.Ordinal);
        Assert.Equal("default", route.User);
    }

    [Fact]
    public async Task Notebook_follows_its_job_from_pending_to_starting_with_node_and_gpus()
    {
        var id = await StartAsync(gpus: 1);
        await _jobs.WaitForAsync(id, JobState.Running);

        await _jobs.ReportAsync(id, NotebookJob.Task, TaskState.Starting);

        var notebook = await WaitForAsync(id, notebook => notebook.State == NotebookState.Starting && notebook.Node is not null);
        Assert.Equal(PlatformClusterFixture.NodeId, notebook.Node);
        Assert.Single(notebook.Gpus);
        Assert.Null(notebook.Url);
        Assert.Null(notebook.LastActivity);
    }

    [Fact]
    public async Task Notebook_that_does_not_fit_now_waits_with_the_schedulers_reason()
    {
        var holder = await _jobs.SubmitRunningAsync(Specs.Workers("holder", count: 1, gpus: PlatformClusterFixture.GpuCount));

        var id = await StartAsync(gpus: 1);

        var notebook = await WaitForAsync(id, notebook => notebook.Reason?.Contains("waiting for 1 GPU", StringComparison.Ordinal) == true);
        Assert.Equal(NotebookState.Pending, notebook.State);
        Assert.Empty(notebook.Gpus);
        await _jobs.Job(holder).CancelAsync();
        await WaitForAsync(id, notebook => notebook.State == NotebookState.Starting);
    }

    [Fact]
    public async Task Stop_ends_the_notebook_and_its_job_and_frees_the_gpus()
    {
        var id = await StartAsync(gpus: 2);
        await _jobs.WaitForAsync(id, JobState.Running);
        var gpus = (await _jobs.DesiredAsync(id, NotebookJob.Task)).GpuIndexes;

        Assert.True(await Notebook(id).StopAsync());
        Assert.False(await Notebook(id).StopAsync());

        var notebook = (await Notebook(id).GetAsync())!;
        Assert.Equal((NotebookState.Stopped, "Stopped by user"), (notebook.State, notebook.Reason));
        Assert.Empty(notebook.Gpus);
        var job = await _jobs.GetAsync(id);
        Assert.Equal((JobState.Cancelled, "Stopped by user"), (job.State, job.Reason));
        foreach (var gpu in gpus)
        {
            await _jobs.FreedAsync(gpu);
        }
    }

    [Fact]
    public async Task Jupyter_exiting_fails_the_notebook_with_the_jobs_reason()
    {
        var id = await StartAsync(gpus: 0);
        await _jobs.WaitForAsync(id, JobState.Running);

        await _jobs.ExitedAsync(id, NotebookJob.Task, exitCode: 1);

        var notebook = await WaitForAsync(id, notebook => notebook.State.IsFinished());
        Assert.Equal((NotebookState.Failed, "worker-0 exited with code 1"), (notebook.State, notebook.Reason));
    }

    [Fact]
    public async Task Index_lists_notebooks_newest_first_with_their_state()
    {
        var first = await StartAsync(gpus: 0);
        var second = await StartAsync(gpus: 0);
        await Notebook(first).StopAsync();

        var listed = await cluster.Client.GetGrain<INotebookIndexGrain>(INotebookIndexGrain.Key).ListAsync();

        var ours = listed.Where(summary => summary.Id == first || summary.Id == second).ToList();
        Assert.Equal([second, first], ours.Select(summary => summary.Id));
        Assert.Equal(NotebookState.Stopped, ours[1].State);
    }

    [Fact]
    public async Task Starting_the_same_notebook_twice_keeps_the_first()
    {
        var id = await StartAsync(gpus: 0);
        var token = (await Notebook(id).GetRouteAsync())!.Token;

        var again = await Notebook(id).StartAsync(Start(gpus: 3));

        Assert.Equal(token, (await Notebook(id).GetRouteAsync())!.Token);
        Assert.Equal(0, (await _jobs.GetAsync(id)).Spec.Replicas[ReplicaTypes.Worker].Resources.Gpus);
        Assert.Equal(id, again.Id);
    }

    [Fact]
    public async Task Node_keeps_the_latest_utilisation_of_each_of_its_gpus()
    {
        var node = cluster.Client.GetGrain<INodeGrain>(PlatformClusterFixture.NodeId);
        var at = DateTimeOffset.UtcNow;

        await node.ReportUtilisationAsync([new GpuUtilisation(0, 40, at), new GpuUtilisation(1, 0, at), new GpuUtilisation(9, 99, at)]);
        await node.ReportUtilisationAsync([new GpuUtilisation(0, 95, at.AddSeconds(10))]);

        var slots = (await node.GetViewAsync())!.Gpus;
        Assert.Equal(new GpuUtilisation(0, 95, at.AddSeconds(10)), slots[0].Utilisation);
        Assert.Equal(new GpuUtilisation(1, 0, at), slots[1].Utilisation);
        Assert.Equal(PlatformClusterFixture.GpuCount, slots.Count);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var id in _notebooks)
        {
            await Notebook(id).StopAsync();
        }

        await _jobs.DisposeAsync();
    }

    private INotebookGrain Notebook(string id) => cluster.Client.GetGrain<INotebookGrain>(id);

    private async Task<string> StartAsync(int gpus)
    {
        var id = $"nb-{Guid.NewGuid():N}";
        _notebooks.Add(id);
        await Notebook(id).StartAsync(Start(gpus));
        return id;
    }

    private static NotebookStart Start(int gpus) => new()
    {
        Image = "platform/jupyter:4.0-cpu", Gpus = gpus, Cpus = 1, MemoryMb = 1024, IdleTimeoutMinutes = 60, User = "default",
    };

    private async Task<NotebookView> WaitForAsync(string id, Func<NotebookView, bool> done) =>
        (await Eventually.UntilAsync(() => Notebook(id).GetAsync(), notebook => notebook is not null && done(notebook), $"notebook {id}"))!;
}
