using Orleans.Concurrency;
using Platform.Contracts.Jobs;

namespace Platform.Grains.Jobs;

/// <summary>Reads the job index table; holds nothing, so any number of activations may answer.</summary>
[StatelessWorker]
public sealed class JobIndexGrain(IJobIndex index) : Grain, IJobIndexGrain
{
    public Task<JobPage> ListAsync(JobQuery query) => index.ListAsync(query);

    public Task<IReadOnlyDictionary<JobState, long>> CountByStateAsync() => index.CountByStateAsync();
}
