using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Silo.Security;

/// <summary>Says at start where the certificates of the Orleans ports are, so an operator can find the agent's.</summary>
internal sealed class TlsAnnouncement(SiloCertificates certificates, ILogger<TlsAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Orleans silo and client ports require mutual TLS; certificates {Source}; silo certificate {Subject}, valid until {NotAfter:u}",
            certificates.Source, certificates.Certificate.Subject, certificates.Certificate.NotAfter.ToUniversalTime());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
