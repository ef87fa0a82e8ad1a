using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Platform.Core.Security;

namespace Platform.Core.Tests.Security;

public sealed class CertificateIssuerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly X509Certificate2 _authority = CertificateIssuer.CreateAuthority("platform-test", Now);
    private readonly X509Certificate2 _otherAuthority = CertificateIssuer.CreateAuthority("stranger", Now);

    public static TheoryData<CertificateRole, string[]> Usages => new()
    {
        { CertificateRole.Agent, [CertificateUsages.ClientAuth] },
        { CertificateRole.Silo, [CertificateUsages.ServerAuth, CertificateUsages.ClientAuth] },
    };

    [Theory]
    [MemberData(nameof(Usages))]
    public void Issued_certificate_chains_to_our_CA_for_each_usage_of_its_role(CertificateRole role, string[] usages)
    {
        using var node = CertificateIssuer.Issue(_authority, "node-1", role, Now);
        var policy = new PeerCertificatePolicy(_authority);

        Assert.All(usages, usage => Assert.Null(policy.Refusal(node, usage, Now)));
        Assert.Equal(usages.Order(), EnhancedUsages(node).Order());
        Assert.True(node.HasPrivateKey);
        Assert.Equal("CN=node-1", node.Subject);
    }

    /// <summary>Each row: who presents what, for which usage, at which time, and a word the refusal must contain.</summary>
    public static TheoryData<string, string> Refusals => new()
    {
        { "a node certificate of another CA", "chain" },
        { "an agent certificate where a silo is expected", CertificateUsages.ServerAuth },
        { "the CA certificate itself", "CA certificate" },
        { "a node certificate past its lifetime", "chain" },
        { "a node certificate before it is valid", "chain" },
        { "a self-signed certificate with client authentication", "chain" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Peer_is_refused(string peer, string reason)
    {
        var (certificate, usage, at) = Peer(peer);
        using (certificate)
        {
            var refusal = new PeerCertificatePolicy(_authority).Refusal(certificate, usage, at);

            Assert.NotNull(refusal);
            Assert.Contains(reason, refusal, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Authority_may_sign_only_end_certificates()
    {
        var constraints = _authority.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        var usage = _authority.Extensions.OfType<X509KeyUsageExtension>().Single();

        Assert.True(constraints.CertificateAuthority);
        Assert.True(constraints.HasPathLengthConstraint);
        Assert.Equal(0, constraints.PathLengthConstraint);
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, usage.KeyUsages);
        Assert.Equal(Now + CertificateIssuer.AuthorityLifetime, new DateTimeOffset(_authority.NotAfter.ToUniversalTime()));
    }

    [Fact]
    public void Node_certificate_is_no_CA_and_never_outlives_its_CA()
    {
        using var node = CertificateIssuer.Issue(_authority, "node-1", CertificateRole.Agent, Now.AddYears(8));

        Assert.False(node.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.Equal(_authority.NotAfter, node.NotAfter);
        Assert.Equal(Now.AddYears(8) - CertificateIssuer.ClockSkew, new DateTimeOffset(node.NotBefore.ToUniversalTime()));
    }

    [Fact]
    public void Node_keys_are_ECDSA_P256()
    {
        using var node = CertificateIssuer.Issue(_authority, "node-1", CertificateRole.Silo, Now);
        using var key = node.GetECDsaPublicKey()!;

        Assert.Equal(256, key.KeySize);
        Assert.Equal("1.2.840.10045.3.1.7", key.ExportParameters(false).Curve.Oid.Value ?? OidOf(key.ExportParameters(false).Curve.Oid.FriendlyName));
    }

    public static TheoryData<string?, bool> Names => new()
    {
        { "gpu-node-7", true },
        { "node.example.org", true },
        { "a", true },
        { new string('a', CertificateIssuer.MaxNameLength), true },
        { new string('a', CertificateIssuer.MaxNameLength + 1), false },
        { "", false },
        { null, false },
        { "-node", false },
        { "node-", false },
        { "node 1", false },
        { "CN=evil,O=x", false },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Certificate_names_are_DNS_like(string? name, bool allowed) =>
        Assert.Equal(allowed, CertificateIssuer.NameProblem(name) is null);

    [Fact]
    public void Issuing_without_the_CA_key_is_refused()
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(_authority.RawData);

        Assert.Throws<ArgumentException>(() => CertificateIssuer.Issue(publicOnly, "node-1", CertificateRole.Agent, Now));
    }

    private (X509Certificate2 Certificate, string Usage, DateTimeOffset At) Peer(string peer) => peer switch
    {
        "a node certificate of another CA" => (CertificateIssuer.Issue(_otherAuthority, "node-1", CertificateRole.Silo, Now), CertificateUsages.ClientAuth, Now),
        "an agent certificate where a silo is expected" => (CertificateIssuer.Issue(_authority, "node-1", CertificateRole.Agent, Now), CertificateUsages.ServerAuth, Now),
        "the CA certificate itself" => (X509CertificateLoader.LoadCertificate(_authority.RawData), CertificateUsages.ClientAuth, Now),
        "a node certificate past its lifetime" => (CertificateIssuer.Issue(_authority, "node-1", CertificateRole.Agent, Now), CertificateUsages.ClientAuth, Now + CertificateIssuer.NodeLifetime + TimeSpan.FromDays(1)),
        "a node certificate before it is valid" => (CertificateIssuer.Issue(_authority, "node-1", CertificateRole.Agent, Now), CertificateUsages.ClientAuth, Now - TimeSpan.FromDays(1)),
        "a self-signed certificate with client authentication" => (SelfSigned(), CertificateUsages.ClientAuth, Now),
        _ => throw new ArgumentOutOfRangeException(nameof(peer), peer, null),
    };

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=node-1", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(CertificateUsages.ClientAuth)], true));
        return request.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(1));
    }

    private static string? OidOf(string? friendlyName) => friendlyName is null ? null : Oid.FromFriendlyName(friendlyName, OidGroup.PublicKeyAlgorithm).Value;

    private static IEnumerable<string> EnhancedUsages(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(oid => oid.Value!);

    public void Dispose()
    {
        _authority.Dispose();
        _otherAuthority.Dispose();
    }
}
