namespace Platform.Gateway.Apis;

/// <summary>The body of <c>POST /api/session</c>.</summary>
public sealed record SignInBody(string? Token);
