using Platform.Cli.Certificates;
using Platform.Core.Security;

namespace Platform.Cli.Tests.Certificates;

public sealed class AuthorityFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cert-init-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_new_CA_issues_certificates_that_its_peers_trust()
    {
        var pki = Path.Combine(_root, "pki");

        AuthorityFiles.Create(pki, "test-ca", DateTimeOffset.UtcNow);

        using var authority = PkiDirectory.LoadAuthority(pki);
        using var silo = CertificateIssuer.Issue(authority, "silo-1", CertificateRole.Silo, DateTimeOffset.UtcNow);
        using var publicAuthority = PkiDirectory.LoadCaCertificate(Path.Combine(pki, PkiDirectory.AuthorityCertificateFile));
        Assert.Equal("CN=test-ca CA", publicAuthority.Subject);
        Assert.Null(new PeerCertificatePolicy(publicAuthority).Refusal(silo, CertificateUsages.ServerAuth));
    }

    [Fact]
    public void The_key_and_the_directory_are_private_to_their_owner()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var pki = Path.Combine(_root, "pki");

        AuthorityFiles.Create(pki, "test-ca", DateTimeOffset.UtcNow);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(pki));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(pki, PkiDirectory.AuthorityKeyFile)));
    }

    [Theory]
    [InlineData(PkiDirectory.AuthorityCertificateFile)]
    [InlineData(PkiDirectory.AuthorityKeyFile)]
    public void An_existing_CA_file_is_never_overwritten(string existing)
    {
        var pki = Directory.CreateDirectory(Path.Combine(_root, "pki")).FullName;
        File.WriteAllText(Path.Combine(pki, existing), "old");

        Assert.Contains("never overwritten", AuthorityFiles.Problem(pki));
        Assert.Throws<IOException>(() => AuthorityFiles.Create(pki, "test-ca", DateTimeOffset.UtcNow));
        Assert.Equal("old", File.ReadAllText(Path.Combine(pki, existing)));
        Assert.Single(Directory.GetFiles(pki));
    }

    [Fact]
    public void A_directory_without_a_CA_may_get_one() =>
        Assert.Null(AuthorityFiles.Problem(Path.Combine(_root, "absent")));
}
