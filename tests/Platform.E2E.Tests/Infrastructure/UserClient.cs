namespace Platform.E2E.Tests.Infrastructure;

/// <summary>A user of the platform: their API token (id and text) and a client that sends it.</summary>
public sealed record UserClient(string User, string TokenId, string Token, HttpClient Http) : IDisposable
{
    public void Dispose() => Http.Dispose();
}
