using Microsoft.Extensions.Logging;

namespace Platform.Worker.Cluster;

/// <summary>
/// A gateway or agent started before any silo answers (a whole cluster restarting, a silo still
/// starting) waits for one, saying why, instead of exiting.
/// </summary>
public sealed partial class ControlPlaneRetry(ILogger<ControlPlaneRetry> logger) : IClientConnectionRetryFilter
{
    /// <summary>How long a client waits before it tries the silos again.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogRetry(logger, exception.Message, Delay.TotalSeconds);
        await Task.Delay(Delay, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No silo of the control plane answered ({Reason}); trying again in {Seconds} s.")]
    private static partial void LogRetry(ILogger logger, string reason, double seconds);
}
