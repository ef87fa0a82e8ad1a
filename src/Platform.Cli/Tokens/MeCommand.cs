using Platform.Cli.Gateway;
using Spectre.Console.Cli;

namespace Platform.Cli.Tokens;

/// <summary><c>platform me</c>: who the platform takes this CLI's token for.</summary>
public sealed class MeCommand : AsyncCommand<GatewaySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, GatewaySettings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var me = await client.GetAsync<Me>("api/me", "Asking who I am", cancellationToken);
        Console.Out.WriteLine($"{me.User} ({me.Role}) teams: {string.Join(", ", me.Teams)}");
        return ExitCodes.Success;
    }

    private sealed record Me(string User, string Role, IReadOnlyList<string> Teams);
}
