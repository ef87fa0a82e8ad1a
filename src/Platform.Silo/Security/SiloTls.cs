using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Platform.Core.Security;

namespace Platform.Silo.Security;

public static class SiloTls
{
    /// <summary>
    /// Mutual TLS on the silo port and the client port, with certificates of the platform's CA: the
    /// set in <c>{Platform:DataDir}/pki</c> (made at first start), or the files <c>Platform:Tls</c> names.
    /// The silo port and connections to other silos accept only silo certificates (server authentication),
    /// so an agent's certificate opens the client port and nothing else. With <paramref name="requireFiles"/>
    /// (cluster mode) the files must be named: silos on several machines cannot each make their own CA.
    /// </summary>
    public static ISiloBuilder UsePlatformTls(this ISiloBuilder silo, IConfiguration configuration, string dataDir, bool requireFiles = false)
    {
        var certificates = Load(configuration, dataDir, requireFiles);
        silo.Services.AddSingleton(certificates);
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddHostedService<TlsAnnouncement>();
        return silo.Configure<SiloConnectionOptions>(options =>
        {
            options.ConfigureSiloInboundConnection(connection =>
                connection.UseServerTls(PeerTls.Options(certificates, CertificateUsages.ServerAuth, Logger(connection))));
            options.ConfigureSiloOutboundConnection(connection =>
                connection.UseClientTls(PeerTls.Options(certificates, CertificateUsages.ServerAuth, Logger(connection))));
            options.ConfigureGatewayInboundConnection(connection =>
                connection.UseServerTls(PeerTls.Options(certificates, CertificateUsages.ClientAuth, Logger(connection))));
        });
    }

    /// <summary>The silo's certificates; bad settings or a half-written PKI directory stop start-up with a message naming what to fix.</summary>
    public static SiloCertificates Load(IConfiguration configuration, string dataDir, bool requireFiles = false)
    {
        var settings = configuration.GetSection(TlsSettings.Section).Get<TlsSettings>() ?? new TlsSettings();
        var problems = requireFiles ? settings.AgentProblems() : settings.Problems();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        if (settings.UsesDataDir)
        {
            var pki = PkiDirectory.LoadOrCreate(PkiDirectory.In(dataDir), DateTimeOffset.UtcNow);
            return new SiloCertificates(pki.Silo, pki.Authority,
                $"{(pki.Created ? "made now" : "reused")} in {pki.Directory} (standalone agents on this machine use "
                + $"{Path.Combine(pki.Directory, PkiDirectory.AgentCertificateFile)} and {Path.Combine(pki.Directory, PkiDirectory.AuthorityCertificateFile)})");
        }

        return new SiloCertificates(
            PkiDirectory.LoadCertificate(settings.CertificatePath!, settings.CertificatePassword),
            PkiDirectory.LoadCaCertificate(settings.CaCertificatePath!),
            $"from {settings.CertificatePath} with the CA {settings.CaCertificatePath}");
    }

    private static ILogger Logger(IConnectionBuilder connection) =>
        connection.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SiloTls).FullName!);
}
