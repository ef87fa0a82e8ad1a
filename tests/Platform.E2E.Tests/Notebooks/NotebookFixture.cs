using System.Globalization;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Notebooks;

/// <summary>
/// One embedded platform per test class with a node of two fake GPUs and the notebook image
/// allowed. Its notebooks' activity is checked every second.
/// </summary>
public class NotebookFixture : IAsyncLifetime
{
    /// <summary>How long one minute of idleTimeoutMinutes lasts here.</summary>
    public virtual double MinuteSeconds => 60;

    /// <summary><c>Platform:Notebooks:OriginDomain</c>; none (notebooks under the gateway's origin) unless a fixture says.</summary>
    public virtual string? OriginDomain => null;

    public PlatformProcess Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await DockerEngine.RequireAsync();
        await DockerEngine.RequireImageAsync(JupyterImage.Name, "jupyter/Dockerfile");
        var settings = new Dictionary<string, string>
        {
            ["Platform__Images__Allowed__1"] = JupyterImage.Name,
            ["Platform__Notebooks__Image"] = JupyterImage.Name,
            ["Platform__Notebooks__MinuteSeconds"] = MinuteSeconds.ToString(CultureInfo.InvariantCulture),
            ["Platform__Notebooks__CheckSeconds"] = "1",
        };
        if (OriginDomain is not null)
        {
            settings["Platform__Notebooks__OriginDomain"] = OriginDomain;
        }

        Platform = new PlatformProcess(fakeGpus: 2, extra: settings);
        await Platform.StartAsync();
    }

    public async Task DisposeAsync() => await Platform.DisposeAsync();
}

/// <summary>A platform whose idle minutes last ten seconds, so culling is seen within a test.</summary>
public sealed class ShortMinuteFixture : NotebookFixture
{
    public override double MinuteSeconds => 10;
}

/// <summary>A platform that serves each notebook on its own origin, <c>{id}.localhost</c>.</summary>
public sealed class OwnOriginFixture : NotebookFixture
{
    public override string? OriginDomain => "localhost";
}
