using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Platform.Core.Security;

namespace Platform.E2E.Tests.Infrastructure.Cluster;

/// <summary>
/// A test CA in a temporary directory, as an operator makes one for a cluster: <c>ca.crt</c>, a
/// silo certificate, an agent certificate (gateways and agents), and a server certificate with its
/// key in PEM for Redis's TLS port (name <see cref="RedisName"/>).
/// </summary>
public sealed class ClusterPki : IDisposable
{
    public const string RedisName = "redis";

    public ClusterPki()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("platform-pki-").FullName;
        var now = DateTimeOffset.UtcNow;
        using var authority = CertificateIssuer.CreateAuthority("e2e-cluster", now);
        File.WriteAllText(AuthorityPath, authority.ExportCertificatePem());
        using var silo = CertificateIssuer.Issue(authority, "silo", CertificateRole.Silo, now);
        PkiDirectory.WritePfx(silo, SiloCertificatePath);
        using var agent = CertificateIssuer.Issue(authority, "agent", CertificateRole.Agent, now);
        PkiDirectory.WritePfx(agent, AgentCertificatePath);
        using var redis = CertificateIssuer.Issue(authority, RedisName, CertificateRole.Silo, now);
        File.WriteAllText(RedisCertificatePath, redis.ExportCertificatePem());
        using var key = redis.GetECDsaPrivateKey()!;
        File.WriteAllText(RedisKeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public string Directory { get; }

    public string AuthorityPath => Path.Combine(Directory, "ca.crt");

    public string SiloCertificatePath => Path.Combine(Directory, "silo.pfx");

    public string AgentCertificatePath => Path.Combine(Directory, "agent.pfx");

    public string RedisCertificatePath => Path.Combine(Directory, "redis.crt");

    public string RedisKeyPath => Path.Combine(Directory, "redis.key");

    public (string Certificate, string Key, string Authority) RedisTls => (RedisCertificatePath, RedisKeyPath, AuthorityPath);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
