using Platform.Contracts.Nodes;
using Platform.Core.Jobs.ClusterSpec;
using Platform.Core.Secrets;

namespace Platform.Core.Jobs.Assignments;

/// <summary>
/// Builds the desired state of one task on its node from its job's placement: what runs (image,
/// command, resources), where (port, GPUs), with which environment, and for which attempt and
/// generation — the generation is what retiring the job on its nodes keys on. The job's secret goes
/// into the secret environment only, which no view shows.
/// </summary>
public static class AssignmentBuilder
{
    public static TaskAssignment Build(AssignmentContext job, TaskToAssign task)
    {
        var self = job.Cluster.SingleOrDefault(placed => placed.Type == task.Type && placed.Index == task.Index)
            ?? throw new ArgumentException($"{TaskNames.Of(task.Type, task.Index)} is not placed in job {job.JobId}.", nameof(task));
        return new TaskAssignment
        {
            JobId = job.JobId,
            Task = self.Name,
            Attempt = task.Attempt,
            Generation = job.Generation,
            Runtime = job.Spec.Runtime,
            Image = GroupDefaults.ImageOf(job.Spec, task.Type),
            Command = GroupDefaults.CommandOf(job.Spec, task.Type),
            Env = TaskEnvironment.Build(job.JobId, job.Spec, job.Cluster, self),
            Resources = job.Spec.Replicas[task.Type].Resources,
            GpuIndexes = [.. task.GpuIndexes],
            Port = self.Port,
            TerminationGracePeriodSeconds = job.Spec.TerminationGracePeriodSeconds,
            PidsLimit = job.Spec.PidsLimit,
            Volumes = [.. job.Spec.Volumes.Select(volume => new VolumeMount(VolumeKeys.ForJob(job.JobId, volume.Name), volume.MountPath)),
                .. job.Owner?.Volumes ?? []],
            SecretEnv = SecretEnvOf(job, task.Type),
        };
    }

    /// <summary>
    /// The owner's secrets (a notebook's token), the team secrets the spec's <c>secretEnv</c> names for
    /// this group, and the job's secret, which nothing else may set.
    /// </summary>
    private static Dictionary<string, string> SecretEnvOf(AssignmentContext job, string type)
    {
        var secrets = new Dictionary<string, string>(job.Owner?.SecretEnv ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (variable, name) in SecretReferences.ForGroup(job.Spec, type))
        {
            secrets[variable] = job.TeamSecrets?.GetValueOrDefault(name)
                ?? throw new ArgumentException($"The value of secret '{name}' ({variable}) of job {job.JobId} was not resolved.", nameof(job));
        }

        if (job.JobSecret is { } secret)
        {
            secrets[PlatformEnv.JobSecret] = secret;
        }

        return secrets;
    }
}
