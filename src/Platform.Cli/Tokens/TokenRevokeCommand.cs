using System.ComponentModel;
using System.Net;
using Platform.Cli.Gateway;
using Spectre.Console.Cli;

namespace Platform.Cli.Tokens;

/// <summary><c>platform token revoke ID</c>: the token stops working at once (admins).</summary>
public sealed class TokenRevokeCommand : AsyncCommand<TokenRevokeCommand.Settings>
{
    public sealed class Settings : GatewaySettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The token's id (tok-…), from `platform token list`.")]
        public string Id { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var answer = await client.SendAsync(HttpMethod.Delete, $"api/tokens/{Uri.EscapeDataString(settings.Id)}", null, cancellationToken);
        if (answer.Status != HttpStatusCode.NoContent)
        {
            throw answer.Unexpected($"Revoking token {settings.Id}");
        }

        Console.Out.WriteLine($"token {settings.Id} revoked");
        return ExitCodes.Success;
    }
}
