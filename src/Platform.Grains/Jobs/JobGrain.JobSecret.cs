using Platform.Core.Jobs;

namespace Platform.Grains.Jobs;

// The job's secret: made at submission; a job stored before secrets existed gets one, saved, the first time it is assigned.
public sealed partial class JobGrain
{
    private static string NewJobSecret() => JobSecrets.Create();

    private async Task<string> JobSecretAsync()
    {
        if (Job.JobSecret is null)
        {
            Job.JobSecret = NewJobSecret();
            await SaveAsync();
        }

        return Job.JobSecret;
    }
}
