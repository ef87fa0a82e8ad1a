using Platform.Core.Security;

namespace Platform.Core.Tests.Security;

public sealed class TlsSettingsTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public static TheoryData<string, string?, string?, string[]> Agents => new()
    {
        { "nothing given", null, null, ["Platform:Tls:CertificatePath", "Platform:Tls:CaCertificatePath"] },
        { "no CA", "FILE", null, ["Platform:Tls:CaCertificatePath"] },
        { "no certificate", null, "FILE", ["Platform:Tls:CertificatePath"] },
        { "a certificate that does not exist", "/nonexistent/agent.pfx", "FILE", ["Platform:Tls:CertificatePath"] },
        { "both given", "FILE", "FILE", [] },
    };

    [Theory]
    [MemberData(nameof(Agents))]
    public void Agent_needs_both_files_and_each_problem_names_its_key(string name, string? certificate, string? ca, string[] keys)
    {
        var settings = new TlsSettings { CertificatePath = Resolve(certificate), CaCertificatePath = Resolve(ca) };

        var problems = settings.AgentProblems();

        Assert.True(keys.Length == problems.Count, $"{name}: {string.Join(" | ", problems)}");
        Assert.All(keys, key => Assert.Contains(problems, problem => problem.StartsWith(key, StringComparison.Ordinal)));
    }

    [Fact]
    public void Embedded_platform_without_settings_uses_its_data_dir()
    {
        var settings = new TlsSettings();

        Assert.True(settings.UsesDataDir);
        Assert.Empty(settings.Problems());
    }

    [Fact]
    public void Embedded_platform_given_only_a_certificate_is_told_to_give_the_CA_too()
    {
        var settings = new TlsSettings { CertificatePath = _file };

        Assert.Contains(settings.Problems(), problem => problem.StartsWith("Platform:Tls:CaCertificatePath", StringComparison.Ordinal));
    }

    private string? Resolve(string? path) => path == "FILE" ? _file : path;

    public void Dispose() => File.Delete(_file);
}
