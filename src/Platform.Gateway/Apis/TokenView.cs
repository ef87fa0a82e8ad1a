using Platform.Contracts.Identity;
using Platform.Core.Identity;

namespace Platform.Gateway.Apis;

/// <summary>An API token as <c>/api/tokens</c> shows it: never its hash; its text only in the answer that made it.</summary>
public sealed record TokenView(
    string Id, string User, string Role, IReadOnlyList<string> Teams, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string? CreatedBy)
{
    /// <summary>The token itself: shown once, when it is made; null everywhere else.</summary>
    public string? Token { get; init; }

    public static TokenView Of(ApiToken token) =>
        new(token.Id, token.User, Roles.Name(token.Role), token.Teams, token.CreatedAt, token.ExpiresAt, token.CreatedBy);
}
