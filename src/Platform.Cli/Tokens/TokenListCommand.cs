using Platform.Cli.Gateway;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli.Tokens;

/// <summary><c>platform token list</c>: the API tokens (admins), never their text.</summary>
public sealed class TokenListCommand(Terminal terminal) : AsyncCommand<GatewaySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, GatewaySettings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var tokens = await client.GetAsync<TokenView[]>("api/tokens", "Listing tokens", cancellationToken);
        var table = terminal.Table("ID", "USER", "ROLE", "TEAMS", "CREATED", "EXPIRES", "BY");
        foreach (var token in tokens)
        {
            table.AddRow(Cells.Of(token.Id, token.User, token.Role, string.Join(",", token.Teams),
                token.CreatedAt.ToString("u"), token.ExpiresAt?.ToString("u") ?? "never", token.CreatedBy ?? ""));
        }

        terminal.Out.Write(table);
        return ExitCodes.Success;
    }
}
