using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;
using Platform.Core.Security;

namespace Platform.Worker.Security;

/// <summary>
/// A standalone agent's side of mutual TLS: it shows the certificate <c>Platform:Tls:CertificatePath</c>
/// names and talks only to a silo whose certificate chains to the CA <c>Platform:Tls:CaCertificatePath</c>
/// names and may serve (a silo's, not another agent's).
/// </summary>
public static class AgentTls
{
    /// <summary>The settings' problems, each naming its key; empty when the agent can connect.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration) => Settings(configuration).AgentProblems();

    public static IClientBuilder UsePlatformTls(this IClientBuilder client, IConfiguration configuration)
    {
        var settings = Settings(configuration);
        var certificate = PkiDirectory.LoadCertificate(settings.CertificatePath!, settings.CertificatePassword);
        var policy = new PeerCertificatePolicy(PkiDirectory.LoadCaCertificate(settings.CaCertificatePath!));
        return client.UseTls(certificate, options =>
        {
            options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            options.RemoteCertificateValidation = (silo, _, _) => policy.Trusts(silo, CertificateUsages.ServerAuth);
        });
    }

    private static TlsSettings Settings(IConfiguration configuration) =>
        configuration.GetSection(TlsSettings.Section).Get<TlsSettings>() ?? new TlsSettings();
}
