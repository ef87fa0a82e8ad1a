namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// A team's recent usage: the average of what it held, weighted so that what it held one
/// half-life ago counts half as much as what it holds now. An accumulator of pure math: time is
/// passed in, and the scheduler keeps one per team, updating it whenever the team's usage changes.
/// </summary>
/// <param name="Gpus">Average GPUs held.</param>
/// <param name="MilliCpus">Average thousandths of a CPU held.</param>
/// <param name="MemoryMb">Average MB of memory held.</param>
/// <param name="At">The time the averages are as of.</param>
public readonly record struct DecayedUsage(double Gpus, double MilliCpus, double MemoryMb, DateTimeOffset At)
{
    /// <summary>No usage, as of <paramref name="at"/>.</summary>
    public static DecayedUsage None(DateTimeOffset at) => new(0, 0, 0, at);

    /// <summary>
    /// The averages as of <paramref name="now"/>, given the team held <paramref name="level"/> from
    /// <see cref="At"/> until then. Call it with the level that held before a change, then keep the result.
    /// A <paramref name="now"/> before <see cref="At"/> (a clock that went back) changes nothing but the time.
    /// </summary>
    public DecayedUsage Update(DateTimeOffset now, Amount level, TimeSpan halfLife)
    {
        if (now <= At || halfLife <= TimeSpan.Zero)
        {
            return this with { At = now > At ? now : At };
        }

        var keep = Math.Pow(0.5, (now - At).TotalSeconds / halfLife.TotalSeconds);
        return new(
            (Gpus * keep) + (level.Gpus * (1 - keep)),
            (MilliCpus * keep) + (level.MilliCpus * (1 - keep)),
            (MemoryMb * keep) + (level.MemoryMb * (1 - keep)),
            now);
    }
}
