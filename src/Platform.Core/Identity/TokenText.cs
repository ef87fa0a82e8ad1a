using System.Security.Cryptography;
using System.Text;

namespace Platform.Core.Identity;

/// <summary>
/// API tokens: 256 random bits, shown once, kept only as their SHA-256. A fast hash is enough for
/// a secret of that size (nothing to guess), and lets every request find its token by hash.
/// </summary>
public static class TokenText
{
    /// <summary>Every token starts so, which lets secret scanners and people recognise one.</summary>
    public const string Prefix = "plt_";

    /// <summary>Room for a JWT with many groups; a longer bearer value is refused unread.</summary>
    public const int MaxLength = 16 * 1024;

    public static string New() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewId() => "tok-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A JWT is three base64url parts joined by dots; a platform token has none.</summary>
    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
