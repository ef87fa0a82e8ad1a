using System.Globalization;

namespace Platform.Core.Jobs.ClusterSpec;

/// <summary>One placed task of a job, as its cluster specification sees it.</summary>
/// <param name="Type">Lower-case replica type (<c>ps</c>, <c>worker</c>, ...).</param>
/// <param name="Index">Index within its replica group, from 0.</param>
/// <param name="Host">The address the task is reached at (host networking).</param>
/// <param name="Port">The port the task listens on.</param>
/// <param name="GpuIds">The ids of the GPUs the task holds (uuids, or fake ids).</param>
/// <param name="NodeId">
/// The node the task runs on; null compares tasks by <paramref name="Host"/> instead when deciding
/// whether a job is on one machine.
/// </param>
/// <param name="NetworkInterface">
/// The interface the task's node reaches other nodes through (<c>NodeCapacity.NetworkInterface</c>):
/// the task's <c>GLOO_SOCKET_IFNAME</c>/<c>NCCL_SOCKET_IFNAME</c> when its job spans several nodes.
/// </param>
public sealed record PlacedTask(
    string Type, int Index, string Host, int Port, IReadOnlyList<string> GpuIds, string? NodeId = null, string NetworkInterface = "lo")
{
    /// <summary><c>{type}-{index}</c>.</summary>
    public string Name => TaskNames.Of(Type, Index);

    /// <summary><c>host:port</c>.</summary>
    public string Address => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>What tells machines apart: the node, else the host.</summary>
    public string Machine => NodeId ?? Host;
}
