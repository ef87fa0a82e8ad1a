using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Orleans.Runtime;
using Platform.Core.Security;

namespace Platform.E2E.Tests.Infrastructure;

/// <summary>
/// An Orleans client of a platform's client port, as a node agent or a stranger would start one:
/// without TLS, or with a certificate and the CA it trusts for the silo.
/// </summary>
public static class OrleansProbe
{
    /// <summary>How long a refused client may take to fail: far above a handshake, far below forever.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>Connects and asks the management grain for the silos; throws when either fails.</summary>
    /// <param name="certificate">What the client shows; null shows nothing.</param>
    /// <param name="trustedCa">The CA the client checks the silo against; null speaks plain TCP, without TLS.</param>
    public static async Task<Dictionary<SiloAddress, SiloStatus>> SilosAsync(int clientPort, X509Certificate2? certificate, X509Certificate2? trustedCa)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering(clientPort, serviceId: "platform", clusterId: "platform");
            client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(20));
            // An agent retries forever; a probe reports the first refusal instead.
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
            if (trustedCa is not null)
            {
                var policy = new PeerCertificatePolicy(trustedCa);
                client.UseTls(options =>
                {
                    options.LocalCertificate = certificate;
                    options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
                    options.ClientCertificateMode = certificate is null ? RemoteCertificateMode.AllowCertificate : RemoteCertificateMode.RequireCertificate;
                    options.RemoteCertificateValidation = (silo, _, _) => policy.Trusts(silo, CertificateUsages.ServerAuth);
                });
            }
        });
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            await host.StartAsync(timeout.Token);
            var management = host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
            return await management.GetHosts(onlyActive: true).WaitAsync(timeout.Token);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).WaitAsync(Bound).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
