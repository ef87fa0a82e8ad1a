using Platform.Contracts.Nodes;

namespace Platform.Core.Notebooks;

/// <summary>
/// When a notebook is idle: no kernel has been busy and no request has passed the proxy for its idle
/// timeout. A kernel busy now, or a GPU of the notebook busy now (where its utilisation can be
/// read), is activity now; a kernel's last activity, the last proxied request and the moment the
/// notebook became Ready are activity then. The latest of them is the notebook's last activity.
/// A Jupyter that does not say what its kernels do may be running one, so it is not called idle on
/// that silence until the silence itself has lasted the whole timeout (a hung Jupyter still frees
/// its GPUs).
/// </summary>
public static class NotebookIdleRule
{
    /// <summary>A GPU at or above this utilisation (percent) is in use; below it, monitoring noise.</summary>
    public const double BusyGpuPercent = 5;

    /// <summary>A GPU reading older than this says nothing about now (agents read every 10 s).</summary>
    public static readonly TimeSpan GpuReadingLifetime = TimeSpan.FromMinutes(1);

    /// <summary>The percentages of the readings still recent enough to count.</summary>
    public static IReadOnlyList<double> RecentUtilisation(IEnumerable<GpuUtilisation?> readings, DateTimeOffset now) =>
        [.. readings.OfType<GpuUtilisation>().Where(reading => now - reading.At <= GpuReadingLifetime).Select(reading => reading.Percent)];

    public static DateTimeOffset LastActivity(ActivitySignals signals, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var kernels = signals.Kernels ?? [];
        if (kernels.Any(kernel => kernel.IsBusy) || signals.GpuUtilisation.Any(percent => percent >= BusyGpuPercent))
        {
            return now;
        }

        var latest = signals.ReadyAt;
        foreach (var seen in kernels.Select(kernel => kernel.LastActivity).Append(signals.LastRequest))
        {
            if (seen > latest)
            {
                latest = seen.Value;
            }
        }

        // A clock ahead of ours (Jupyter's, in a kernel's last_activity) never makes the notebook look used in the future.
        return latest > now ? now : latest;
    }

    /// <summary>True when the notebook has been idle for <paramref name="timeout"/> or longer.</summary>
    public static bool IsIdle(ActivitySignals signals, DateTimeOffset now, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return now - LastActivity(signals, now) >= timeout &&
            (signals.Kernels is not null || (signals.KernelsUnknownSince is { } since && now - since >= timeout));
    }
}
