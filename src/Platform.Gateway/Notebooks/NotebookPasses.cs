using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Platform.Gateway.Notebooks;

/// <summary>
/// Seals and opens <see cref="NotebookPass"/>es with ASP.NET Core Data Protection: a ticket lasts
/// <see cref="TicketLifetime"/> and is good for one step of the sign-in; the cookie made from it
/// lasts <see cref="CookieLifetime"/>. Each has its own purpose, so a cookie is no ticket and the
/// other way round.
/// </summary>
public sealed class NotebookPasses(IDataProtectionProvider protection)
{
    /// <summary>How long a ticket from the gateway's origin may take to reach the notebook's.</summary>
    public static readonly TimeSpan TicketLifetime = TimeSpan.FromSeconds(60);

    /// <summary>How long a notebook's cookie lasts: as long as a web UI session.</summary>
    public static readonly TimeSpan CookieLifetime = Identity.IdentityExtensions.SessionIdle;

    /// <summary>The notebook's host-only cookie.</summary>
    public const string CookieName = "platform.notebook";

    private readonly ITimeLimitedDataProtector _tickets = protection.CreateProtector("Platform.Notebooks.Origin", "ticket").ToTimeLimitedDataProtector();
    private readonly ITimeLimitedDataProtector _cookies = protection.CreateProtector("Platform.Notebooks.Origin", "cookie").ToTimeLimitedDataProtector();

    public string Ticket(NotebookPass pass) => Seal(_tickets, pass, TicketLifetime);

    public string Cookie(NotebookPass pass) => Seal(_cookies, pass, CookieLifetime);

    /// <summary>The pass a ticket carries for <paramref name="notebookId"/>; null when it is forged, expired or another notebook's.</summary>
    public NotebookPass? OpenTicket(string? ticket, string notebookId) => Open(_tickets, ticket, notebookId);

    public NotebookPass? OpenCookie(string? cookie, string notebookId) => Open(_cookies, cookie, notebookId);

    private static string Seal(ITimeLimitedDataProtector protector, NotebookPass pass, TimeSpan lifetime) =>
        protector.Protect(JsonSerializer.Serialize(pass), lifetime);

    private static NotebookPass? Open(ITimeLimitedDataProtector protector, string? sealedPass, string notebookId)
    {
        if (string.IsNullOrEmpty(sealedPass) || sealedPass.Length > MaxSealedLength)
        {
            return null;
        }

        try
        {
            var pass = JsonSerializer.Deserialize<NotebookPass>(protector.Unprotect(sealedPass));
            return pass?.NotebookId == notebookId ? pass : null;
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Longest sealed pass opened: a pass with the most teams a caller may have seals to well under this.</summary>
    public const int MaxSealedLength = 8 * 1024;
}
