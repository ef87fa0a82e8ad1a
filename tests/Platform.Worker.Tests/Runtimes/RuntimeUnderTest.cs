using System.Globalization;
using System.Runtime.Versioning;
using Platform.Worker.Runtimes;

namespace Platform.Worker.Tests.Runtimes;

/// <summary>A node of its own for one test: a state directory and cgroups no other test touches, removed afterwards.</summary>
[SupportedOSPlatform("linux")]
internal sealed class RuntimeUnderTest : IDisposable
{
    private readonly List<ProcessRuntime> _runtimes = [];
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("platform-process-runtime-");

    public RuntimeUnderTest() => Runtime = NewRuntime();

    public string NodeId { get; } = $"test-{Guid.NewGuid():N}";

    public string StateDirectory => Path.Combine(_data.FullName, "processes", NodeId);

    public ProcessRuntime Runtime { get; }

    /// <summary>Another agent's runtime on the same node: it takes over what the earlier ones left.</summary>
    public ProcessRuntime NewRuntime(NodeTaskLimits? limits = null)
    {
        var runtime = new ProcessRuntime(StateDirectory, TaskCgroups.Detect(NodeId), limits);
        _runtimes.Add(runtime);
        return runtime;
    }

    public bool Owns(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cgroup").Contains($"/platform-{NodeId}/", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _runtimes.ForEach(runtime => runtime.Dispose());
        // A last runtime clears what the tests left, then the node's parent groups go.
        using (new ProcessRuntime(StateDirectory, TaskCgroups.Detect(NodeId)))
        {
        }

        foreach (var hierarchy in new[] { "pids", "memory", "" })
        {
            var parent = Path.Combine(TaskCgroups.DefaultRoot, hierarchy, $"platform-{NodeId}");
            if (Directory.Exists(parent))
            {
                try
                {
                    Directory.Delete(parent);
                }
                catch (IOException)
                {
                }
            }
        }

        _data.Delete(recursive: true);
    }
}
