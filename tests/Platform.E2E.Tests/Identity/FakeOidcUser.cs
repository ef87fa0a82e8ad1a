namespace Platform.E2E.Tests.Identity;

/// <summary>Who the <see cref="FakeOidcProvider"/> signs in: the claims of its id token (a null role is left out).</summary>
public sealed record FakeOidcUser(string Sub, string? Role, params string[] Groups);
