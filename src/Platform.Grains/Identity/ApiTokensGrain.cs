using Platform.Contracts.Identity;
using Platform.Grains.Storage;

namespace Platform.Grains.Identity;

/// <summary>
/// Every API token, by id, with a map by hash for the lookup each request makes. Revoking removes
/// the token: a revoked token and one never issued look the same.
/// </summary>
public sealed class ApiTokensGrain(
    [PersistentState("tokens", StorageNames.Platform)] IPersistentState<ApiTokensState> state) : Grain, IApiTokensGrain
{
    private Dictionary<string, ApiToken> _byHash = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _byHash = state.State.Tokens.Values.ToDictionary(token => token.Hash, StringComparer.Ordinal);
        return Task.CompletedTask;
    }

    public async Task<bool> AddAsync(ApiToken token)
    {
        if (state.State.Tokens.ContainsKey(token.Id) || _byHash.ContainsKey(token.Hash))
        {
            return false;
        }

        state.State.Tokens[token.Id] = token;
        await WriteAsync();
        return true;
    }

    public async Task EnsureAsync(ApiToken token)
    {
        if (state.State.Tokens.TryGetValue(token.Id, out var stored) && stored.Hash == token.Hash)
        {
            return;
        }

        state.State.Tokens[token.Id] = token;
        await WriteAsync();
    }

    public Task<ApiToken?> FindAsync(string hash) => Task.FromResult(_byHash.GetValueOrDefault(hash));

    public Task<IReadOnlyList<ApiToken>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ApiToken>>([.. state.State.Tokens.Values.OrderBy(token => token.CreatedAt).ThenBy(token => token.Id, StringComparer.Ordinal)]);

    public async Task<bool> RevokeAsync(string id)
    {
        if (!state.State.Tokens.Remove(id))
        {
            return false;
        }

        await WriteAsync();
        return true;
    }

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteOrReloadAsync(GrainContext);
        }
        finally
        {
            _byHash = state.State.Tokens.Values.ToDictionary(token => token.Hash, StringComparer.Ordinal);
        }
    }
}
