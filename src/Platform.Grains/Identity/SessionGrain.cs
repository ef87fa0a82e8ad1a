using Platform.Contracts.Identity;
using Platform.Grains.Storage;

namespace Platform.Grains.Identity;

/// <summary>A web UI session; only its end is stored (a session never signed out has no row).</summary>
public sealed class SessionGrain(
    [PersistentState("session", StorageNames.Platform)] IPersistentState<SessionState> state) : Grain, ISessionGrain
{
    public async Task EndAsync()
    {
        if (state.State.Ended)
        {
            return;
        }

        state.State.Ended = true;
        await state.WriteStateAsync();
    }

    public Task<bool> IsEndedAsync() => Task.FromResult(state.State.Ended);
}
