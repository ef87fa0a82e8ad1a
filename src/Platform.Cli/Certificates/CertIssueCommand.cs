using System.ComponentModel;
using System.Globalization;
using Platform.Core.Security;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli.Certificates;

/// <summary>
/// <c>platform cert issue --pki DIR --name NODE --out FILE.pfx</c>: a certificate of the platform's CA
/// for a new node, made from the CA files on this machine. No network: run it where the CA key is.
/// </summary>
public sealed class CertIssueCommand(Terminal terminal) : Command<CertIssueCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--pki <DIR>")]
        [Description("The platform's PKI directory, {Platform:DataDir}/pki: it holds ca.crt and ca.key.")]
        public string Pki { get; init; } = "";

        [CommandOption("--name <NODE>")]
        [Description("The node's name, put in the certificate: letters, digits, '-' and '.'.")]
        public string Name { get; init; } = "";

        [CommandOption("--out <FILE>")]
        [Description("The pfx file to write (mode 0600); it must not exist yet.")]
        public string Out { get; init; } = "";

        [CommandOption("--role <ROLE>")]
        [Description("agent (default): a node agent, client port only; silo: a silo of a cluster, both ports.")]
        [DefaultValue(CertificateRole.Agent)]
        public CertificateRole Role { get; init; } = CertificateRole.Agent;

        public override ValidationResult Validate()
        {
            var problems = new List<string>();
            Required(problems, "--pki", Pki);
            Required(problems, "--out", Out);
            if (CertificateIssuer.NameProblem(Name) is { } name)
            {
                problems.Add($"--name: {name}");
            }

            if (Out.Length > 0 && File.Exists(Out))
            {
                problems.Add($"--out: {Out} exists already; a certificate is never overwritten.");
            }

            return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join(Environment.NewLine, problems));
        }

        private static void Required(List<string> problems, string option, string value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{option} is required.");
            }
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var authority = PkiDirectory.LoadAuthority(settings.Pki);
        using var certificate = CertificateIssuer.Issue(authority, settings.Name, settings.Role, DateTimeOffset.UtcNow);
        PkiDirectory.WritePfx(certificate, settings.Out);

        var ca = Path.GetFullPath(Path.Combine(settings.Pki, PkiDirectory.AuthorityCertificateFile));
        terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"issued {certificate.Subject} ({settings.Role.ToString().ToLowerInvariant()}), valid until {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}: {Path.GetFullPath(settings.Out)}"));
        terminal.Error.WriteLine(
            $"Copy it and {ca} to the node, and start its agent with Platform:Tls:CertificatePath and Platform:Tls:CaCertificatePath naming them.");
        return ExitCodes.Success;
    }
}
