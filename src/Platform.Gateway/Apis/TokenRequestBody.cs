namespace Platform.Gateway.Apis;

/// <summary>The body of <c>POST /api/tokens</c>, for the OpenAPI document; the platform reads it with <c>TokenRequestParser</c>.</summary>
public sealed record TokenRequestBody(string User, string Role, IReadOnlyList<string> Teams, DateTimeOffset? ExpiresAt);
