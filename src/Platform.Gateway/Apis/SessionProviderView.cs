namespace Platform.Gateway.Apis;

/// <summary>
/// <c>GET /api/session/providers</c>: an identity provider the web UI may sign in at
/// (<c>GET /api/session/{Name}</c>), and the name its button shows.
/// </summary>
public sealed record SessionProviderView(string Name, string DisplayName);
