using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Silo.Security;

/// <summary>
/// Says at start where the certificates of the Orleans ports are, so an operator can find the agent's,
/// and warns when the silo's certificate runs out within <see cref="ExpiryWarning"/>.
/// </summary>
internal sealed class TlsAnnouncement(SiloCertificates certificates, TimeProvider time, ILogger<TlsAnnouncement> logger) : IHostedService
{
    /// <summary>30 days: how early the start-up log warns of the silo certificate's end.</summary>
    public static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(30);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var notAfter = new DateTimeOffset(certificates.Certificate.NotAfter.ToUniversalTime());
        logger.LogInformation("Orleans silo and client ports require mutual TLS; certificates {Source}; silo certificate {Subject}, valid until {NotAfter:u}",
            certificates.Source, certificates.Certificate.Subject, notAfter);
        if (notAfter - time.GetUtcNow() < ExpiryWarning)
        {
            logger.LogWarning("The silo certificate {Subject} ends {NotAfter:u}: issue a new one with 'platform cert issue --role silo' and name it in Platform:Tls:CertificatePath (with ca.crt in Platform:Tls:CaCertificatePath)",
                certificates.Certificate.Subject, notAfter);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
