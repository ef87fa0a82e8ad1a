using Orleans.Concurrency;

namespace Platform.Contracts.Identity;

/// <summary>
/// One web UI session (key: the random id the session cookie carries). Signing out ends it for
/// good, so the cookie, if it was copied before, is refused when replayed: the cookie alone cannot
/// say it was signed out.
/// </summary>
public interface ISessionGrain : IGrainWithStringKey
{
    Task EndAsync();

    [ReadOnly]
    Task<bool> IsEndedAsync();
}
