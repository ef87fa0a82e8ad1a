using Platform.Contracts.Jobs;
using Platform.Core.Jobs.ClusterSpec;

namespace Platform.Core.Jobs.Assignments;

/// <summary>What every assignment of one job placement shares.</summary>
/// <param name="JobId">The job's id.</param>
/// <param name="Spec">The job's spec.</param>
/// <param name="Generation">The placement the assignments belong to; it grows when the job is placed again.</param>
/// <param name="Cluster">Every placed task of the job: the cluster specification each task is given.</param>
/// <param name="Owner">The platform feature that runs the job (a notebook), with its secrets and volumes; null for a user's job.</param>
/// <param name="JobSecret">The job's secret (<see cref="JobSecrets"/>), put in every task's secret environment; null for none.</param>
/// <param name="TeamSecrets">
/// The decrypted values of the team secrets the spec's <c>secretEnv</c> refers to, by secret name; every one it names must be here.
/// </param>
public sealed record AssignmentContext(
    string JobId, JobSpec Spec, int Generation, IReadOnlyList<PlacedTask> Cluster, JobOwner? Owner = null, string? JobSecret = null,
    IReadOnlyDictionary<string, string>? TeamSecrets = null)
{
    /// <summary>Keeps the job's secret out of any accidental ToString (logs, exception messages).</summary>
    public override string ToString() => $"AssignmentContext {{ JobId = {JobId}, Generation = {Generation} }}";
}
