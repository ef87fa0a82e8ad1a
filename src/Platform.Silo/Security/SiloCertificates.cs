using System.Security.Cryptography.X509Certificates;

namespace Platform.Silo.Security;

/// <summary>What the silo shows on its ports and the CA its peers must chain to.</summary>
/// <param name="Certificate">The silo's certificate with its private key.</param>
/// <param name="Authority">The platform CA's certificate.</param>
/// <param name="Source">Where they came from, for the start-up log.</param>
public sealed record SiloCertificates(X509Certificate2 Certificate, X509Certificate2 Authority, string Source);
