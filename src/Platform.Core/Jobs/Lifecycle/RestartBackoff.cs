namespace Platform.Core.Jobs.Lifecycle;

/// <summary>
/// How long a task waits before it is started again (the kubelet's CrashLoopBackOff): <see cref="Initial"/>
/// before its first restart, doubling with each restart that follows a short run, up to
/// <see cref="Max"/>; an attempt that ran at least <see cref="ResetAfter"/> starts the count again.
/// </summary>
public sealed record RestartBackoff(TimeSpan Initial, TimeSpan Max, TimeSpan ResetAfter)
{
    public static readonly RestartBackoff Default = new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10));

    /// <summary>The step of the restart after an attempt that ran <paramref name="ranFor"/> (null: it never ran); 1 is the first.</summary>
    public int NextStep(int previousStep, TimeSpan? ranFor) => ranFor >= ResetAfter ? 1 : Math.Max(previousStep, 0) + 1;

    /// <summary>The wait before restart number <paramref name="step"/>.</summary>
    public TimeSpan DelayBefore(int step)
    {
        if (step <= 0 || Initial <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        // Past 2^30 every sane Max is reached; the cap keeps the arithmetic finite.
        var delay = Initial.TotalMilliseconds * Math.Pow(2, Math.Min(step - 1, 30));
        return delay >= Max.TotalMilliseconds ? Max : TimeSpan.FromMilliseconds(delay);
    }

    /// <summary>The error in these settings, or null.</summary>
    public string? Problem() =>
        Initial < TimeSpan.Zero || Initial > TimeSpan.FromHours(1) ? $"Initial must be between 0 and 1 hour; it is {Initial}."
        : Max < Initial || Max > TimeSpan.FromHours(1) ? $"Max must be between Initial ({Initial}) and 1 hour; it is {Max}."
        : ResetAfter < TimeSpan.Zero || ResetAfter > TimeSpan.FromDays(1) ? $"ResetAfter must be between 0 and 1 day; it is {ResetAfter}."
        : null;
}
