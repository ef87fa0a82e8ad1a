using Platform.Core.Jobs;

namespace Platform.Grains.Jobs;

// The job's secret: made at submission and stored sealed (Data Protection, as the node's stored
// assignments); a job stored before secrets existed, or whose sealed secret the key ring can no
// longer open, gets a new one, saved, the first time it is assigned.
public sealed partial class JobGrain
{
    private string NewSealedJobSecret() => sealer.Seal(JobSecrets.Create());

    private async Task<string> JobSecretAsync()
    {
        if (Job.JobSecret is { } stored && sealer.TryOpen(stored) is { } secret)
        {
            return secret;
        }

        Job.JobSecret = NewSealedJobSecret();
        await SaveAsync();
        return sealer.TryOpen(Job.JobSecret)!;
    }
}
