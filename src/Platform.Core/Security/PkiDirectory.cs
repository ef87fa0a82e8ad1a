using System.Security.Cryptography.X509Certificates;

namespace Platform.Core.Security;

/// <summary>
/// The files of the platform's small CA in <c>{Platform:DataDir}/pki</c>: made once at first start,
/// reused ever after. The directory is mode 0700, keys and pfx files 0600.
/// </summary>
public static class PkiDirectory
{
    public const string Name = "pki";
    public const string AuthorityCertificateFile = "ca.crt";
    public const string AuthorityKeyFile = "ca.key";
    public const string SiloCertificateFile = "silo.pfx";
    public const string AgentCertificateFile = "agent.pfx";

    /// <summary>The name in the silo's certificate.</summary>
    public const string SiloName = "silo";

    /// <summary>The name in the certificate for standalone agents on the platform's machine.</summary>
    public const string AgentName = "agent";

    private static readonly string[] Files = [AuthorityCertificateFile, AuthorityKeyFile, SiloCertificateFile, AgentCertificateFile];

    /// <summary>The PKI directory of a data directory.</summary>
    public static string In(string dataDir) => Path.Combine(dataDir, Name);

    /// <summary>
    /// Loads the CA and the silo's certificate from <paramref name="directory"/>, making the whole set
    /// first when the directory is absent or empty. A set with files missing is an error: making a new CA
    /// then would silently lock out every node holding a certificate of the old one.
    /// </summary>
    public static PlatformPki LoadOrCreate(string directory, DateTimeOffset now)
    {
        directory = Path.GetFullPath(directory);
        var created = false;
        if (!Directory.Exists(directory) || !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Create(directory, now);
            created = true;
        }

        var missing = Files.Where(file => !File.Exists(Path.Combine(directory, file))).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The platform's PKI directory {directory} is incomplete: {string.Join(", ", missing)} missing. "
                + "Restore the files, or move the directory away so that a new CA is made at the next start "
                + "(every certificate issued for other nodes must then be issued again).");
        }

        return new PlatformPki(directory, LoadCaCertificate(Path.Combine(directory, AuthorityCertificateFile)),
            LoadCertificate(Path.Combine(directory, SiloCertificateFile), null), created);
    }

    /// <summary>The CA certificate with its private key, to issue certificates with.</summary>
    public static X509Certificate2 LoadAuthority(string directory)
    {
        var certificate = Path.Combine(directory, AuthorityCertificateFile);
        var key = Path.Combine(directory, AuthorityKeyFile);
        foreach (var file in new[] { certificate, key }.Where(file => !File.Exists(file)))
        {
            throw new FileNotFoundException($"{file} does not exist: is {directory} the platform's PKI directory ({{Platform:DataDir}}/{Name})?", file);
        }

        return X509Certificate2.CreateFromPemFile(certificate, key);
    }

    /// <summary>A CA certificate (PEM or DER), without key.</summary>
    public static X509Certificate2 LoadCaCertificate(string path) => X509CertificateLoader.LoadCertificateFromFile(path);

    /// <summary>A certificate with its private key from a pfx file.</summary>
    public static X509Certificate2 LoadCertificate(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password);

    /// <summary>Writes <paramref name="certificate"/> with its key as a new pfx file, mode 0600; never overwrites.</summary>
    public static void WritePfx(X509Certificate2 certificate, string path, string? password = null) =>
        WriteSecret(path, certificate.Export(X509ContentType.Pkcs12, string.IsNullOrEmpty(password) ? null : password));

    private static void Create(string directory, DateTimeOffset now)
    {
        var parent = Path.GetDirectoryName(directory)!;
        Directory.CreateDirectory(parent);
        // Written beside the final directory and moved in one rename, so a crash never leaves a half set under the real name.
        var partial = Path.Combine(parent, $"{Path.GetFileName(directory)}.partial-{Guid.NewGuid():N}");
        CreatePrivateDirectory(partial);
        using (var authority = CertificateIssuer.CreateAuthority($"platform-{Guid.NewGuid().ToString("N")[..8]}", now))
        using (var silo = CertificateIssuer.Issue(authority, SiloName, CertificateRole.Silo, now))
        using (var agent = CertificateIssuer.Issue(authority, AgentName, CertificateRole.Agent, now))
        {
            File.WriteAllText(Path.Combine(partial, AuthorityCertificateFile), authority.ExportCertificatePem());
            WriteSecret(Path.Combine(partial, AuthorityKeyFile), System.Text.Encoding.ASCII.GetBytes(
                authority.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem()));
            WritePfx(silo, Path.Combine(partial, SiloCertificateFile));
            WritePfx(agent, Path.Combine(partial, AgentCertificateFile));
        }

        if (Directory.Exists(directory))
        {
            Directory.Delete(directory);
        }

        Directory.Move(partial, directory);
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void WriteSecret(string path, byte[] content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(content);
    }
}
