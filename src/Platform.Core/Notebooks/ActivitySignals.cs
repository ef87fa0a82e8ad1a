namespace Platform.Core.Notebooks;

/// <summary>
/// What the idle rule looks at, for one notebook at one moment.
/// </summary>
/// <param name="ReadyAt">When the notebook became Ready: the idle time counts from there at the earliest.</param>
/// <param name="LastRequest">The last request that passed the gateway's proxy, if any.</param>
/// <param name="Kernels">Its kernels, as Jupyter answered now; empty when it has none, null when it did not answer.</param>
/// <param name="GpuUtilisation">
/// The utilisation (percent) of each of its GPUs that could be read; empty when none could (no GPU,
/// fake GPUs, or a node that cannot read them).
/// </param>
/// <param name="KernelsUnknownSince">Since when Jupyter has not answered about its kernels (null while it answers).</param>
public sealed record ActivitySignals(
    DateTimeOffset ReadyAt,
    DateTimeOffset? LastRequest,
    IReadOnlyList<KernelActivity>? Kernels,
    IReadOnlyList<double> GpuUtilisation,
    DateTimeOffset? KernelsUnknownSince = null);
