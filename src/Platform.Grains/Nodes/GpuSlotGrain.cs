using Platform.Contracts.Nodes;
using Platform.Grains.Storage;

namespace Platform.Grains.Nodes;

/// <summary>Records which task holds one GPU, and since when.</summary>
public sealed class GpuSlotGrain(
    [PersistentState("gpu", StorageNames.Platform)] IPersistentState<GpuSlotState> state) : Grain, IGpuSlotGrain
{
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
}
