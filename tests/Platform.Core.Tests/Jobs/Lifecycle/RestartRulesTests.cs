using Platform.Contracts.Jobs;
using Platform.Core.Jobs.Lifecycle;

namespace Platform.Core.Tests.Jobs.Lifecycle;

public class RestartRulesTests
{
    /// <summary>Policy, exit code, whether the task restarts (restarts so far 0 of 3), failure reason.</summary>
    public static TheoryData<RestartPolicy, int, bool, string?> WithinBackoffLimit => new()
    {
        { RestartPolicy.Never, 0, false, null },
        { RestartPolicy.Never, 3, false, "worker-1 exited with code 3" },
        { RestartPolicy.Never, 137, false, "worker-1 exited with code 137" },
        { RestartPolicy.OnFailure, 0, false, null },
        { RestartPolicy.OnFailure, 1, true, null },
        { RestartPolicy.OnFailure, 137, true, null },
        { RestartPolicy.Always, 0, true, null },
        { RestartPolicy.Always, 1, true, null },
        { RestartPolicy.Always, 143, true, null },
        { RestartPolicy.ExitCode, 0, false, null },
        { RestartPolicy.ExitCode, 1, false, "worker-1 exited with code 1, which is permanent under restartPolicy ExitCode (only codes >= 128 are retried)" },
        { RestartPolicy.ExitCode, 127, false, "worker-1 exited with code 127, which is permanent under restartPolicy ExitCode (only codes >= 128 are retried)" },
        { RestartPolicy.ExitCode, 128, true, null },
        { RestartPolicy.ExitCode, 137, true, null },
        { RestartPolicy.ExitCode, 255, true, null },
    };

    [Theory]
    [MemberData(nameof(WithinBackoffLimit))]
    public void Policy_decides_by_exit_code_class(RestartPolicy policy, int exitCode, bool restart, string? reason)
    {
        var decision = RestartRules.Decide(policy, "worker-1", exitCode, jobRestartsSoFar: 0, backoffLimit: 3);

        Assert.Equal(new RestartDecision(restart, reason), decision);
    }

    /// <summary>Policy, exit code, restarts so far, backoff limit, whether the task restarts.</summary>
    public static TheoryData<RestartPolicy, int, int, int, bool> AtTheLimit => new()
    {
        { RestartPolicy.OnFailure, 1, 2, 3, true },
        { RestartPolicy.OnFailure, 1, 3, 3, false },
        { RestartPolicy.OnFailure, 1, 5, 3, false },
        { RestartPolicy.OnFailure, 1, 0, 0, false },
        { RestartPolicy.Always, 0, 3, 3, false },
        { RestartPolicy.ExitCode, 137, 3, 3, false },
        { RestartPolicy.ExitCode, 137, 1, 3, true },
    };

    [Theory]
    [MemberData(nameof(AtTheLimit))]
    public void Restart_past_the_backoff_limit_fails_the_job_instead(
        RestartPolicy policy, int exitCode, int restartsSoFar, int backoffLimit, bool restart)
    {
        var decision = RestartRules.Decide(policy, "worker-1", exitCode, restartsSoFar, backoffLimit);

        Assert.Equal(restart, decision.Restart);
        if (restart)
        {
            Assert.Null(decision.FailureReason);
        }
        else
        {
            Assert.StartsWith("BackoffLimitExceeded: ", decision.FailureReason);
            Assert.Contains($"worker-1 exited with code {exitCode}", decision.FailureReason);
        }
    }

    [Fact]
    public void Backoff_reason_says_how_many_restarts_the_job_had()
    {
        var decision = RestartRules.Decide(RestartPolicy.OnFailure, "ps-0", 2, jobRestartsSoFar: 3, backoffLimit: 3);

        Assert.Equal("BackoffLimitExceeded: ps-0 exited with code 2 after 3 restarts of the job (backoffLimit 3)", decision.FailureReason);
    }

    public static TheoryData<RestartPolicy, int> PermanentExitsUnderLimit => new()
    {
        { RestartPolicy.Never, 1 },
        { RestartPolicy.ExitCode, 2 },
    };

    [Theory]
    [MemberData(nameof(PermanentExitsUnderLimit))]
    public void Permanent_failure_is_not_reported_as_backoff_even_at_the_limit(RestartPolicy policy, int exitCode)
    {
        var decision = RestartRules.Decide(policy, "worker-0", exitCode, jobRestartsSoFar: 3, backoffLimit: 3);

        Assert.False(decision.Restart);
        Assert.DoesNotContain("BackoffLimitExceeded", decision.FailureReason);
    }
}
