namespace Platform.Cli.Jobs;

/// <summary>A stored log line; <see cref="Seq"/> numbers the lines of a job from 1, in order.</summary>
public sealed record LogLine(long Seq, string Task, string Stream, DateTimeOffset Time, string Text)
{
    public bool IsStderr => Stream == "stderr";
}
