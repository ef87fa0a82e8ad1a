namespace Platform.Gateway.Apis;

/// <summary><c>GET /api/me</c>: who the platform takes the caller for.</summary>
public sealed record MeView(string User, string Role, IReadOnlyList<string> Teams);
