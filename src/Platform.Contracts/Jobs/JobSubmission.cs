namespace Platform.Contracts.Jobs;

/// <summary>What a submit under one job id did.</summary>
/// <param name="Outcome">Whether the job was created, an earlier identical submission was answered again, or the id is taken.</param>
/// <param name="Job">The job; null when the id is taken by another submission (whose job is not the caller's to see).</param>
[GenerateSerializer, Immutable, Alias("platform.JobSubmission")]
public sealed record JobSubmission([property: Id(0)] SubmitOutcome Outcome, [property: Id(1)] JobView? Job);

[GenerateSerializer]
public enum SubmitOutcome
{
    /// <summary>A new job was stored and queued.</summary>
    Created,

    /// <summary>The same spec under the same idempotency key was submitted before: that job, unchanged.</summary>
    Replayed,

    /// <summary>Another submission holds the id: nothing was stored.</summary>
    Taken,
}
