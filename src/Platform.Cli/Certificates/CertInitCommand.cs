using System.ComponentModel;
using System.Globalization;
using Platform.Core.Security;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli.Certificates;

/// <summary>
/// <c>platform cert init --pki DIR [--name NAME]</c>: a new platform CA (ca.crt and ca.key) in DIR, for a
/// cluster whose certificates are issued before its processes start. Never overwrites a CA.
/// </summary>
public sealed class CertInitCommand(Terminal terminal) : Command<CertInitCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--pki <DIR>")]
        [Description("The directory to make the CA in (mode 0700; made when absent): it gets ca.crt and ca.key (mode 0600).")]
        public string Pki { get; init; } = "";

        [CommandOption("--name <NAME>")]
        [Description("The CA's name, put in its subject as 'NAME CA': letters, digits, '-' and '.'. Default: platform- and 8 random hex digits.")]
        public string? Name { get; init; }

        public override ValidationResult Validate()
        {
            var problems = new List<string>();
            if (string.IsNullOrWhiteSpace(Pki))
            {
                problems.Add("--pki is required.");
            }
            else if (AuthorityFiles.Problem(Pki) is { } existing)
            {
                problems.Add($"--pki: {existing}");
            }

            if (Name is not null && CertificateIssuer.NameProblem(Name) is { } name)
            {
                problems.Add($"--name: {name}");
            }

            return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join(Environment.NewLine, problems));
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var name = settings.Name ?? AuthorityFiles.NewName();
        var certificate = AuthorityFiles.Create(settings.Pki, name, DateTimeOffset.UtcNow);
        var key = Path.Combine(Path.GetDirectoryName(certificate)!, PkiDirectory.AuthorityKeyFile);
        terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"made the CA '{name} CA', valid for {CertificateIssuer.AuthorityLifetime.TotalDays:0} days: {certificate}"));
        terminal.Error.WriteLine(
            $"Keep {key} on this machine only; issue each process's certificate with 'platform cert issue --pki {settings.Pki}'.");
        return ExitCodes.Success;
    }
}
