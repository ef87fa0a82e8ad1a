using System.Security.Cryptography;
using System.Text;

namespace Platform.Core.Jobs;

/// <summary>
/// Job ids: the job's name and 64 bits, random for a plain submit (a collision is refused and the
/// submit retried with another), or derived from the client's Idempotency-Key so that a retried
/// request finds the job its first try made.
/// </summary>
public static class JobIds
{
    /// <summary>The longest Idempotency-Key accepted.</summary>
    public const int MaxIdempotencyKeyLength = 255;

    public static string New(string name) => $"{name}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";

    public static string ForKey(string name, string idempotencyKey) =>
        $"{name}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)).AsSpan(0, 8))}";

    /// <summary>Why <paramref name="key"/> is not a usable Idempotency-Key, or null when it is.</summary>
    public static string? KeyProblem(string key) =>
        key.Length is 0 or > MaxIdempotencyKeyLength
            ? $"Idempotency-Key must be 1 to {MaxIdempotencyKeyLength} characters; it has {key.Length}."
            : key.Any(c => c is < '!' or > '~')
                ? "Idempotency-Key may hold only visible ASCII characters (no spaces or control characters)."
                : null;
}
