using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Platform.E2E.Tests.Identity;

/// <summary>
/// An identity provider of the tests' own: an EC P-256 key that signs ES256 JWTs. The platform is
/// given <see cref="PublicKeyPem"/> as a signing key; a second signer stands for a stranger's key.
/// </summary>
public sealed class JwtSigner : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <param name="claims">The payload besides iss, aud, iat, nbf and exp.</param>
    /// <param name="expires">When the token ends; an hour from now when null.</param>
    public string Sign(string issuer, string audience, IDictionary<string, object> claims, DateTimeOffset? expires = null)
    {
        var ends = expires ?? DateTimeOffset.UtcNow.AddHours(1);
        var issued = (ends < DateTimeOffset.UtcNow ? ends : DateTimeOffset.UtcNow).AddMinutes(-10);
        var payload = new Dictionary<string, object>(claims)
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["iat"] = issued.ToUnixTimeSeconds(),
            ["nbf"] = issued.ToUnixTimeSeconds(),
            ["exp"] = ends.ToUnixTimeSeconds(),
        };
        var signed = $"{Part(new { alg = "ES256", typ = "JWT" })}.{Part(payload)}";
        // ECDsa signs in the IEEE P1363 form (r || s), which is what JWS ES256 asks for.
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256);
        return $"{signed}.{Base64Url(signature)}";
    }

    public void Dispose() => _key.Dispose();

    private static string Part(object value) => Base64Url(JsonSerializer.SerializeToUtf8Bytes(value));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
