using Platform.Contracts.Jobs;
using Platform.Core.Jobs.ClusterSpec;

namespace Platform.Core.Tests.Jobs.ClusterSpec;

/// <summary>Short builders for specs and placed tasks in environment tables.</summary>
internal static class Specs
{
    /// <summary>A spec with one group per distinct type of <paramref name="tasks"/>.</summary>
    public static JobSpec For(IEnumerable<PlacedTask> tasks) => new()
    {
        Name = "mnist",
        Image = "platform/torchsharp:0.107-cpu",
        Replicas = tasks
            .GroupBy(t => t.Type)
            .ToDictionary(g => g.Key, g => new ReplicaSpec { Count = g.Count() }),
    };

    /// <summary>A task on <paramref name="host"/> with no GPUs.</summary>
    public static PlacedTask At(string type, int index, string host, int port) => new(type, index, host, port, []);

    public static PlacedTask Named(IEnumerable<PlacedTask> tasks, string name) => tasks.Single(t => t.Name == name);
}
