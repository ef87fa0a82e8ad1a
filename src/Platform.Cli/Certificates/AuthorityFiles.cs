using System.Security.Cryptography.X509Certificates;
using System.Text;
using Platform.Core.Security;

namespace Platform.Cli.Certificates;

/// <summary>
/// Makes a new platform CA as the two files a PKI directory holds: <c>ca.crt</c> (PEM, public) and
/// <c>ca.key</c> (PKCS#8 PEM, mode 0600), in a directory of mode 0700. Used where an operator issues the
/// certificates of a cluster before any process starts, instead of the embedded platform's
/// <see cref="PkiDirectory.LoadOrCreate"/>.
/// </summary>
public static class AuthorityFiles
{
    /// <summary>Why a new CA cannot be made in <paramref name="directory"/>, or null when it can.</summary>
    public static string? Problem(string directory)
    {
        var (certificate, key) = Paths(directory);
        var existing = new[] { certificate, key }.Where(File.Exists).ToList();
        return existing.Count == 0
            ? null
            : $"{string.Join(" and ", existing)} exist already; a CA is never overwritten: every certificate it issued would stop being trusted.";
    }

    /// <summary>Writes a new CA named <paramref name="name"/> into <paramref name="directory"/> (made when absent) and returns its certificate's path.</summary>
    /// <exception cref="IOException">A CA file exists already.</exception>
    public static string Create(string directory, string name, DateTimeOffset now)
    {
        directory = Path.GetFullPath(directory);
        if (Problem(directory) is { } problem)
        {
            throw new IOException(problem);
        }

        CreatePrivateDirectory(directory);
        using var authority = CertificateIssuer.CreateAuthority(name, now);
        var (certificate, key) = Paths(directory);
        // The key first, with CreateNew: two runs at once cannot both write a CA, and a crash leaves no certificate without its key.
        WriteNew(key, Encoding.ASCII.GetBytes(authority.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem()), secret: true);
        WriteNew(certificate, Encoding.ASCII.GetBytes(authority.ExportCertificatePem()), secret: false);
        return certificate;
    }

    /// <summary>A CA name unique enough to tell two platforms' CAs apart: <c>platform-</c> and 8 hex digits.</summary>
    public static string NewName() => $"platform-{Guid.NewGuid().ToString("N")[..8]}";

    private static (string Certificate, string Key) Paths(string directory) =>
        (Path.Combine(directory, PkiDirectory.AuthorityCertificateFile), Path.Combine(directory, PkiDirectory.AuthorityKeyFile));

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

    private static void WriteNew(string path, byte[] content, bool secret)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = secret
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }

        using var stream = new FileStream(path, options);
        stream.Write(content);
    }
}
