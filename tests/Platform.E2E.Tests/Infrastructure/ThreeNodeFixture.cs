namespace Platform.E2E.Tests.Infrastructure;

/// <summary>
/// A control plane without an agent of its own, and three agent processes with 2, 4 and 8 fake
/// GPUs. A node silent for 8 s is Lost.
/// </summary>
public sealed class ThreeNodeFixture : IAsyncLifetime
{
    public const double LostAfterSeconds = 8;

    public PlatformProcess Platform { get; } = new(fakeGpus: null, extra: new Dictionary<string, string>
    {
        ["Platform__Nodes__LostAfterSeconds"] = LostAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public WorkerProcess Small { get; private set; } = null!;

    public WorkerProcess Medium { get; private set; } = null!;

    public WorkerProcess Large { get; private set; } = null!;

    public IEnumerable<WorkerProcess> Workers => [Small, Medium, Large];

    public async Task InitializeAsync()
    {
        await DockerEngine.RequireAsync();
        await Platform.StartAsync();
        Small = new WorkerProcess(Platform, "gpu2", fakeGpus: 2);
        Medium = new WorkerProcess(Platform, "gpu4", fakeGpus: 4);
        Large = new WorkerProcess(Platform, "gpu8", fakeGpus: 8);
        await Task.WhenAll(Workers.Select(worker => worker.StartAsync()));
    }

    public async Task DisposeAsync()
    {
        foreach (var worker in Workers.Where(worker => worker is not null))
        {
            await worker.DisposeAsync();
        }

        await Platform.DisposeAsync();
    }
}
