using System.Security.Cryptography.X509Certificates;

namespace Platform.Core.Security;

/// <summary>The platform's CA and the two certificates of its own machine, as <see cref="PkiDirectory"/> keeps them.</summary>
/// <param name="Directory">Where the files are.</param>
/// <param name="Authority">The CA certificate (without its key: the silo only checks peers with it).</param>
/// <param name="Silo">The silo's certificate with its key.</param>
/// <param name="Created">Whether this start made them; false when they were reused.</param>
public sealed record PlatformPki(string Directory, X509Certificate2 Authority, X509Certificate2 Silo, bool Created);
