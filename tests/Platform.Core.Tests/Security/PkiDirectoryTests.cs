using System.Security.Cryptography.X509Certificates;
using Platform.Core.Security;

namespace Platform.Core.Tests.Security;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PkiDirectoryTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private readonly string _dataDir = Directory.CreateTempSubdirectory("pki-test-").FullName;

    private string Pki => PkiDirectory.In(_dataDir);

    [Fact]
    public void First_start_makes_a_CA_a_silo_and_an_agent_certificate_with_private_modes()
    {
        var pki = PkiDirectory.LoadOrCreate(Pki, Now);

        Assert.True(pki.Created);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Pki));
        foreach (var secret in new[] { PkiDirectory.AuthorityKeyFile, PkiDirectory.SiloCertificateFile, PkiDirectory.AgentCertificateFile })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(Pki, secret)));
        }

        var policy = new PeerCertificatePolicy(pki.Authority);
        using var agent = PkiDirectory.LoadCertificate(Path.Combine(Pki, PkiDirectory.AgentCertificateFile), null);
        Assert.Null(policy.Refusal(pki.Silo, CertificateUsages.ServerAuth));
        Assert.Null(policy.Refusal(agent, CertificateUsages.ClientAuth));
        Assert.NotNull(policy.Refusal(agent, CertificateUsages.ServerAuth));
        Assert.False(pki.Authority.HasPrivateKey);
        Assert.Empty(Directory.GetDirectories(_dataDir, "*partial*"));
    }

    [Fact]
    public void Later_starts_reuse_the_files()
    {
        var first = PkiDirectory.LoadOrCreate(Pki, Now);
        var written = File.GetLastWriteTimeUtc(Path.Combine(Pki, PkiDirectory.AuthorityKeyFile));

        var second = PkiDirectory.LoadOrCreate(Pki, Now);

        Assert.False(second.Created);
        Assert.Equal(first.Authority.Thumbprint, second.Authority.Thumbprint);
        Assert.Equal(first.Silo.Thumbprint, second.Silo.Thumbprint);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(Pki, PkiDirectory.AuthorityKeyFile)));
    }

    [Theory]
    [InlineData(PkiDirectory.AuthorityCertificateFile)]
    [InlineData(PkiDirectory.AuthorityKeyFile)]
    [InlineData(PkiDirectory.SiloCertificateFile)]
    [InlineData(PkiDirectory.AgentCertificateFile)]
    public void A_half_written_set_is_an_error_naming_what_is_missing_and_nothing_is_regenerated(string lost)
    {
        var first = PkiDirectory.LoadOrCreate(Pki, Now);
        File.Delete(Path.Combine(Pki, lost));

        var error = Assert.Throws<InvalidOperationException>(() => PkiDirectory.LoadOrCreate(Pki, Now));

        Assert.Contains(lost, error.Message, StringComparison.Ordinal);
        Assert.Contains(Pki, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Pki, lost)));
        if (lost != PkiDirectory.AuthorityCertificateFile)
        {
            Assert.Equal(first.Authority.Thumbprint, PkiDirectory.LoadCaCertificate(Path.Combine(Pki, PkiDirectory.AuthorityCertificateFile)).Thumbprint);
        }
    }

    [Fact]
    public void An_empty_directory_gets_a_new_set()
    {
        Directory.CreateDirectory(Pki);

        Assert.True(PkiDirectory.LoadOrCreate(Pki, Now).Created);
    }

    [Fact]
    public void A_certificate_issued_from_the_directory_is_trusted_by_the_silo()
    {
        var pki = PkiDirectory.LoadOrCreate(Pki, Now);
        var path = Path.Combine(_dataDir, "gpu-7.pfx");

        using (var authority = PkiDirectory.LoadAuthority(Pki))
        using (var node = CertificateIssuer.Issue(authority, "gpu-7", CertificateRole.Agent, Now))
        {
            PkiDirectory.WritePfx(node, path, "secret");
        }

        using var loaded = PkiDirectory.LoadCertificate(path, "secret");
        Assert.True(loaded.HasPrivateKey);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Null(new PeerCertificatePolicy(pki.Authority).Refusal(loaded, CertificateUsages.ClientAuth));
        Assert.Throws<IOException>(() => PkiDirectory.WritePfx(loaded, path));
    }

    [Fact]
    public void Issuing_from_a_directory_without_the_CA_names_the_missing_file()
    {
        var error = Assert.Throws<FileNotFoundException>(() => PkiDirectory.LoadAuthority(_dataDir));

        Assert.Contains(PkiDirectory.AuthorityCertificateFile, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);
}
