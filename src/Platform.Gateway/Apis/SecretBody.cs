namespace Platform.Gateway.Apis;

/// <summary>The body of <c>POST /api/teams/{team}/secrets</c>, for the OpenAPI document; the parser reads it (Platform.Core SecretRequestParser).</summary>
/// <param name="Name">The secret's name: 1 to 63 characters of letters, digits, '_', '-' and '.', starting with a letter, a digit or '_'.</param>
/// <param name="Value">The secret's text, at most 64 KiB of UTF-8; never shown again.</param>
public sealed record SecretBody(string Name, string Value);
