using Orleans.Concurrency;

namespace Platform.Contracts.Identity;

/// <summary>
/// Every API token of the platform (one grain, key <see cref="Key"/>): tokens are few (people and
/// automation), and every authenticated request looks one up, so they are served from memory.
/// </summary>
public interface IApiTokensGrain : IGrainWithStringKey
{
    const string Key = "tokens";

    /// <summary>Stores a new token; false when its id or hash is taken (nothing stored).</summary>
    Task<bool> AddAsync(ApiToken token);

    /// <summary>Stores the token unless one with the same id exists (the admin token of the first start).</summary>
    Task EnsureAsync(ApiToken token);

    /// <summary>The token with this hash, or null: unknown or revoked.</summary>
    [ReadOnly]
    Task<ApiToken?> FindAsync(string hash);

    [ReadOnly]
    Task<IReadOnlyList<ApiToken>> ListAsync();

    /// <summary>Removes the token; false when there was none with this id.</summary>
    Task<bool> RevokeAsync(string id);
}
