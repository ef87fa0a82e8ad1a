using Microsoft.Extensions.Logging;
using Orleans.Connections.Security;
using Platform.Core.Security;

namespace Platform.Silo.Security;

/// <summary>
/// The TLS options of one side of an Orleans connection: show <see cref="SiloCertificates.Certificate"/>,
/// demand the peer's, and accept it only when <see cref="PeerCertificatePolicy"/> trusts it for
/// <c>peerUsage</c>. The machine's trust store plays no part.
/// </summary>
internal static class PeerTls
{
    public static TlsOptions Options(SiloCertificates certificates, string peerUsage, ILogger logger)
    {
        var policy = new PeerCertificatePolicy(certificates.Authority);
        return new TlsOptions
        {
            LocalCertificate = certificates.Certificate,
            RemoteCertificateMode = RemoteCertificateMode.RequireCertificate,
            ClientCertificateMode = RemoteCertificateMode.RequireCertificate,
            RemoteCertificateValidation = (peer, _, _) =>
            {
                if (policy.Refusal(peer, peerUsage) is not { } refusal)
                {
                    return true;
                }

                logger.LogWarning("Refused a TLS peer on an Orleans port: {Refusal}", refusal);
                return false;
            },
        };
    }
}
