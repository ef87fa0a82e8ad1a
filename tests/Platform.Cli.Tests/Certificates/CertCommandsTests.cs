using System.Diagnostics;
using Platform.Cli.Certificates;
using Platform.Core.Security;

namespace Platform.Cli.Tests.Certificates;

/// <summary>The <c>platform cert</c> commands as a script runs them: the real CLI program, its exit codes and files.</summary>
public sealed class CertCommandsTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private readonly string _root = Directory.CreateTempSubdirectory("cert-cli-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Init_makes_a_CA_that_issue_then_uses()
    {
        var pki = Path.Combine(_root, "pki");
        var pfx = Path.Combine(_root, "silo-1.pfx");

        var init = await PlatformAsync("cert", "init", "--pki", pki, "--name", "cluster-test");
        var issue = await PlatformAsync("cert", "issue", "--pki", pki, "--name", "silo-1", "--role", "silo", "--out", pfx);

        Assert.True(init.ExitCode == ExitCodes.Success, init.Output);
        Assert.True(issue.ExitCode == ExitCodes.Success, issue.Output);
        using var authority = PkiDirectory.LoadCaCertificate(Path.Combine(pki, PkiDirectory.AuthorityCertificateFile));
        using var silo = PkiDirectory.LoadCertificate(pfx, null);
        Assert.Equal("CN=cluster-test CA", authority.Subject);
        Assert.Null(new PeerCertificatePolicy(authority).Refusal(silo, CertificateUsages.ServerAuth));
    }

    [Fact]
    public async Task Init_refuses_a_directory_that_has_a_CA_and_leaves_it_as_it_was()
    {
        var pki = Path.Combine(_root, "pki");
        AuthorityFiles.Create(pki, "first", DateTimeOffset.UtcNow);
        var before = File.ReadAllText(Path.Combine(pki, PkiDirectory.AuthorityCertificateFile));

        var again = await PlatformAsync("cert", "init", "--pki", pki);

        Assert.Equal(ExitCodes.Invalid, again.ExitCode);
        Assert.Contains("never overwritten", again.Output);
        Assert.Equal(before, File.ReadAllText(Path.Combine(pki, PkiDirectory.AuthorityCertificateFile)));
    }

    [Fact]
    public async Task Init_without_a_directory_names_the_missing_option()
    {
        var result = await PlatformAsync("cert", "init");

        Assert.Equal(ExitCodes.Invalid, result.ExitCode);
        Assert.Contains("--pki is required", result.Output);
    }

    private static async Task<(int ExitCode, string Output)> PlatformAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(CertInitCommand).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Deadline);
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output + await error);
    }
}
