using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace Platform.Core.Security;

/// <summary>
/// What the platform's small CA issues: an ECDSA P-256 authority that may sign only end
/// certificates, and node certificates with the key usages of their <see cref="CertificateRole"/>.
/// </summary>
public static partial class CertificateIssuer
{
    /// <summary>How long the CA is valid: 10 years.</summary>
    public static readonly TimeSpan AuthorityLifetime = TimeSpan.FromDays(3650);

    /// <summary>How long a node certificate is valid: 5 years, never past its CA.</summary>
    public static readonly TimeSpan NodeLifetime = TimeSpan.FromDays(1826);

    /// <summary>Certificates are valid from this long before they are made, so a peer whose clock is a little behind accepts them.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The longest node name: a DNS label's 63 characters.</summary>
    public const int MaxNameLength = 63;

    /// <summary>A new CA with its private key; its subject names <paramref name="name"/>.</summary>
    public static X509Certificate2 CreateAuthority(string name, DateTimeOffset now)
    {
        CheckName(name);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(Subject($"{name} CA"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now - ClockSkew, now + AuthorityLifetime);
    }

    /// <summary>A certificate for the node <paramref name="name"/>, signed by <paramref name="authority"/>, with its private key.</summary>
    public static X509Certificate2 Issue(X509Certificate2 authority, string name, CertificateRole role, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(authority);
        CheckName(name);
        if (!authority.HasPrivateKey)
        {
            throw new ArgumentException("The CA certificate has no private key to sign with.", nameof(authority));
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(Subject(name), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var usages = new OidCollection();
        foreach (var usage in CertificateUsages.Of(role))
        {
            usages.Add(new Oid(usage));
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build());

        var notAfter = Min(now + NodeLifetime, authority.NotAfter.ToUniversalTime());
        using var issued = request.Create(authority, now - ClockSkew, notAfter, SerialNumber());
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>Why <paramref name="name"/> cannot name a certificate, or null when it can.</summary>
    public static string? NameProblem(string? name) =>
        name is not null && NamePattern().IsMatch(name)
            ? null
            : $"A certificate name is 1 to {MaxNameLength} letters, digits, '-' or '.', starting and ending with a letter or digit; got '{name}'.";

    private static void CheckName(string name)
    {
        if (NameProblem(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }
    }

    private static X500DistinguishedName Subject(string commonName)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        return builder.Build();
    }

    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // positive, as RFC 5280 asks
        return serial;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [GeneratedRegex("^[A-Za-z0-9]([-.A-Za-z0-9]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex NamePattern();
}
