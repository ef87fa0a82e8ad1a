using Platform.Contracts.Jobs;
using Platform.Grains.Storage;

namespace Platform.Grains.Jobs;

/// <summary>The list of every job and its current state, kept by the jobs themselves.</summary>
public sealed class JobIndexGrain(
    [PersistentState("jobs", StorageNames.Platform)] IPersistentState<JobIndexState> state) : Grain, IJobIndexGrain
{
    public async Task UpsertAsync(JobSummary summary)
    {
        if (state.State.Jobs.GetValueOrDefault(summary.Id) == summary)
        {
            return;
        }

        state.State.Jobs[summary.Id] = summary;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<JobSummary>> ListAsync(JobState? jobState, string? team) =>
        Task.FromResult<IReadOnlyList<JobSummary>>([.. state.State.Jobs.Values
            .Where(job => jobState is null || job.State == jobState)
            .Where(job => team is null || job.Team == team)
            .OrderByDescending(job => job.CreatedAt)]);
}
