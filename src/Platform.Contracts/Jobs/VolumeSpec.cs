namespace Platform.Contracts.Jobs;

/// <summary>
/// A job volume: a directory of the node, named <paramref name="Name"/>, that every task of the
/// job sees at <paramref name="MountPath"/>. It lives at <c>{volumes root}/jobs/{jobId}/{name}</c>,
/// so restarts and re-placements of the same job find what earlier attempts wrote.
/// </summary>
/// <param name="Name">Lowercase DNS label, unique within the job.</param>
/// <param name="MountPath">Absolute, normalized path inside the container.</param>
[GenerateSerializer, Immutable, Alias("platform.VolumeSpec")]
public sealed record VolumeSpec([property: Id(0)] string Name, [property: Id(1)] string MountPath);
