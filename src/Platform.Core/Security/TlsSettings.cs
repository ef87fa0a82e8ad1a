namespace Platform.Core.Security;

/// <summary>
/// The <c>Platform:Tls</c> section: the certificate a process shows on the Orleans ports and the CA
/// its peers must chain to. The embedded platform leaves both empty and uses
/// <c>{Platform:DataDir}/pki</c>; a standalone agent must name both.
/// </summary>
public sealed class TlsSettings : Settings.ICheckedSettings
{
    public const string Section = "Platform:Tls";

    /// <summary>A pfx file with this process's certificate and private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>; empty when it has none (the platform's own are protected by mode 0600).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The platform CA's certificate (PEM), <c>{Platform:DataDir}/pki/ca.crt</c> on the platform's machine.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>Whether neither path is given, so the embedded platform uses its own PKI directory.</summary>
    public bool UsesDataDir => string.IsNullOrWhiteSpace(CertificatePath) && string.IsNullOrWhiteSpace(CaCertificatePath);

    /// <inheritdoc/>
    public IReadOnlyList<string> Problems() => UsesDataDir ? [] : AgentProblems();

    /// <summary>What a standalone agent (or a silo given either path) lacks: with no data directory to fall back on, both paths must name files.</summary>
    public IReadOnlyList<string> AgentProblems()
    {
        var problems = new List<string>();
        File(problems, nameof(CertificatePath), CertificatePath,
            $"this process's certificate (a pfx issued by the platform's CA: for an agent on the platform's machine {{Platform:DataDir}}/{PkiDirectory.Name}/{PkiDirectory.AgentCertificateFile}, else one made with 'platform cert issue')");
        File(problems, nameof(CaCertificatePath), CaCertificatePath,
            $"the platform CA's certificate ({{Platform:DataDir}}/{PkiDirectory.Name}/{PkiDirectory.AuthorityCertificateFile} on the platform's machine)");
        return problems;
    }

    private static void File(List<string> problems, string key, string? path, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add($"{Section}:{key} must name {what}; the Orleans ports accept only mutual TLS.");
        }
        else if (!System.IO.File.Exists(path))
        {
            problems.Add($"{Section}:{key} names {path}, which does not exist; it must name {what}.");
        }
    }
}
