using System.Globalization;
using Platform.Contracts.Jobs;

namespace Platform.Core.Jobs.Lifecycle;

/// <summary>The job's restart policy applied to one task's exit.</summary>
public static class RestartRules
{
    /// <summary>The first exit code <see cref="RestartPolicy.ExitCode"/> retries (signals: 128 + n).</summary>
    public const int FirstRetryableExitCode = 128;

    /// <summary>Decides whether <paramref name="task"/> restarts after exiting with <paramref name="exitCode"/>.</summary>
    /// <param name="policy">The job's restart policy.</param>
    /// <param name="task">The task's name, for the reason: <c>worker-1</c>.</param>
    /// <param name="exitCode">The task's exit code.</param>
    /// <param name="jobRestartsSoFar">Restarts the whole job has had so far.</param>
    /// <param name="backoffLimit">Restarts allowed for the whole job.</param>
    public static RestartDecision Decide(
        RestartPolicy policy, string task, int exitCode, int jobRestartsSoFar, int backoffLimit)
    {
        var exited = $"{task} exited with code {exitCode.ToString(CultureInfo.InvariantCulture)}";
        if (WantsRestart(policy, exitCode))
        {
            return jobRestartsSoFar < backoffLimit
                ? new RestartDecision(true, null)
                : new RestartDecision(false,
                    $"BackoffLimitExceeded: {exited} after {Count(jobRestartsSoFar, "restart")} of the job "
                    + $"(backoffLimit {backoffLimit.ToString(CultureInfo.InvariantCulture)})");
        }

        if (exitCode == 0)
        {
            return new RestartDecision(false, null);
        }

        return policy == RestartPolicy.ExitCode
            ? new RestartDecision(false,
                $"{exited}, which is permanent under restartPolicy ExitCode "
                + $"(only codes >= {FirstRetryableExitCode.ToString(CultureInfo.InvariantCulture)} are retried)")
            : new RestartDecision(false, exited);
    }

    private static bool WantsRestart(RestartPolicy policy, int exitCode) => policy switch
    {
        RestartPolicy.Never => false,
        RestartPolicy.OnFailure => exitCode != 0,
        RestartPolicy.Always => true,
        RestartPolicy.ExitCode => exitCode >= FirstRetryableExitCode,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown restart policy."),
    };

    private static string Count(int count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";
}
