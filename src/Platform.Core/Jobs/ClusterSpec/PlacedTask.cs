using System.Globalization;

namespace Platform.Core.Jobs.ClusterSpec;

/// <summary>One placed task of a job, as its cluster specification sees it.</summary>
/// <param name="Type">Lower-case replica type (<c>ps</c>, <c>worker</c>, ...).</param>
/// <param name="Index">Index within its replica group, from 0.</param>
/// <param name="Host">The address the task is reached at (host networking).</param>
/// <param name="Port">The port the task listens on.</param>
/// <param name="GpuIds">The ids of the GPUs the task holds (uuids, or fake ids).</param>
public sealed record PlacedTask(string Type, int Index, string Host, int Port, IReadOnlyList<string> GpuIds)
{
    /// <summary><c>{type}-{index}</c>.</summary>
    public string Name => TaskNames.Of(Type, Index);

    /// <summary><c>host:port</c>.</summary>
    public string Address => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
