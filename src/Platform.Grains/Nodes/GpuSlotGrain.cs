using Platform.Contracts.Nodes;
using Platform.Grains.Storage;

namespace Platform.Grains.Nodes;

/// <summary>Records which task holds one GPU, and since when, and how busy it was when last read.</summary>
public sealed class GpuSlotGrain(
    [PersistentState("gpu", StorageNames.Platform)] IPersistentState<GpuSlotState> state) : Grain, IGpuSlotGrain
{
    private GpuUtilisation? _utilisation;

    public async Task HoldAsync(GpuHolder holder)
    {
        state.State.Holder = holder;
        await state.WriteStateAsync();
    }

    public async Task ReleaseAsync(string jobId)
    {
        if (state.State.Holder?.JobId == jobId)
        {
            state.State.Holder = null;
            await state.WriteStateAsync();
        }
    }

    public Task<GpuHolder?> GetHolderAsync() => Task.FromResult(state.State.Holder);

    public Task RecordUtilisationAsync(GpuUtilisation utilisation)
    {
        _utilisation = utilisation;
        return Task.CompletedTask;
    }

    public Task<GpuUtilisation?> GetUtilisationAsync() => Task.FromResult(_utilisation);
}
