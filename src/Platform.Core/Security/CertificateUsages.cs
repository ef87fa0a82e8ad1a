namespace Platform.Core.Security;

/// <summary>The extended key usages (OIDs) the platform's certificates carry and its peers are checked for.</summary>
public static class CertificateUsages
{
    public const string ServerAuth = "1.3.6.1.5.5.7.3.1";

    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    /// <summary>The usages a certificate of <paramref name="role"/> carries.</summary>
    public static IReadOnlyList<string> Of(CertificateRole role) => role switch
    {
        CertificateRole.Silo => [ServerAuth, ClientAuth],
        _ => [ClientAuth],
    };
}
