using System.Security.Cryptography.X509Certificates;

namespace Platform.Core.Security;

/// <summary>
/// Whether a peer on an Orleans port holds a certificate of the platform's own CA: its chain must
/// end at that CA alone (never the machine's trust store), it must be an end certificate, and it
/// must carry the key usage its side of the connection needs.
/// </summary>
public sealed class PeerCertificatePolicy(X509Certificate2 authority)
{
    /// <summary>Why <paramref name="peer"/> is refused for <paramref name="usage"/> (an OID of <see cref="CertificateUsages"/>), or null when it is trusted.</summary>
    /// <param name="at">The time to check validity at; now when null.</param>
    public string? Refusal(X509Certificate2 peer, string usage, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (peer.Extensions.OfType<X509BasicConstraintsExtension>().Any(constraints => constraints.CertificateAuthority))
        {
            return $"'{peer.Subject}' is a CA certificate, not a node's.";
        }

        if (!peer.Extensions.OfType<X509EnhancedKeyUsageExtension>()
                .Any(usages => usages.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Any(oid => oid.Value == usage)))
        {
            return $"'{peer.Subject}' does not carry the key usage {usage}.";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(usage));
        chain.ChainPolicy.VerificationTime = (at ?? DateTimeOffset.UtcNow).UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        if (!chain.Build(peer))
        {
            var status = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Distinct());
            return $"'{peer.Subject}' does not chain to the platform's CA: {status}";
        }

        var root = chain.ChainElements[^1].Certificate;
        return root.RawDataMemory.Span.SequenceEqual(authority.RawDataMemory.Span)
            ? null
            : $"'{peer.Subject}' chains to '{root.Subject}', not to the platform's CA.";
    }

    /// <summary>Whether <paramref name="peer"/> is trusted for <paramref name="usage"/>.</summary>
    public bool Trusts(X509Certificate2 peer, string usage) => Refusal(peer, usage) is null;
}
