namespace Platform.Gateway.Apis;

/// <summary>The antiforgery token of a session and the header to send it in.</summary>
public sealed record AntiforgeryView(string Header, string Token);
