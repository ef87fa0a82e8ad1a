namespace Platform.Contracts.Nodes;

/// <summary>
/// A directory a node mounts into a task: <paramref name="Key"/> is a relative path under the
/// node's volumes root (<c>jobs/{jobId}/{name}</c> for job volumes, see <see cref="VolumeKeys"/>);
/// the agent refuses a key that would leave the root. The directory is created when missing and
/// kept afterwards.
/// </summary>
/// <param name="Key">Relative path under the volumes root: '/'-separated segments, no '.' or '..'.</param>
/// <param name="MountPath">Absolute path inside the task's container.</param>
[GenerateSerializer, Immutable, Alias("platform.VolumeMount")]
public sealed record VolumeMount([property: Id(0)] string Key, [property: Id(1)] string MountPath);
