using Platform.Cli.Gateway;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli.Secrets;

/// <summary><c>platform secret list TEAM</c>: the team's secrets, names and dates only.</summary>
public sealed class SecretListCommand(Terminal terminal) : AsyncCommand<SecretSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SecretSettings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var secrets = await client.GetAsync<SecretView[]>(settings.Path, $"Listing the secrets of team {settings.Team}", cancellationToken);
        var table = terminal.Table("NAME", "CREATED", "UPDATED", "BY");
        foreach (var secret in secrets)
        {
            table.AddRow(Cells.Of(secret.Name, secret.CreatedAt.ToString("u"), secret.UpdatedAt.ToString("u"), secret.UpdatedBy ?? ""));
        }

        terminal.Out.Write(table);
        return ExitCodes.Success;
    }
}
