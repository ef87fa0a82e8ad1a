using System.ComponentModel;
using System.Net;
using System.Net.Http.Json;
using Platform.Cli.Gateway;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli.Tokens;

/// <summary><c>platform token create --user U --role R --team T</c>: makes an API token (admins) and prints it once.</summary>
public sealed class TokenCreateCommand(Terminal terminal) : AsyncCommand<TokenCreateCommand.Settings>
{
    public sealed class Settings : GatewaySettings
    {
        [CommandOption("--user <USER>")]
        [Description("Who the token is for: lowercase letters, digits, '.', '_', '-'.")]
        public string User { get; init; } = "";

        [CommandOption("--role <ROLE>")]
        [Description("admin, member (submits and cancels) or viewer (reads). Default: member.")]
        public string Role { get; init; } = "member";

        [CommandOption("--team <TEAM>")]
        [Description("A team of the user; repeat for several. The first is the default team of their jobs.")]
        public string[] Teams { get; init; } = [];

        [CommandOption("--expires <TIME>")]
        [Description("When the token stops working, ISO-8601 (2027-01-31T00:00:00Z). Default: never.")]
        public string? Expires { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(User) ? ValidationResult.Error("--user is required.")
            : Teams.Length == 0 ? ValidationResult.Error("--team is required (repeat it for several teams).")
            : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var body = JsonContent.Create(new { user = settings.User, role = settings.Role, teams = settings.Teams, expiresAt = settings.Expires }, options: CliJson.Options);
        var answer = await client.SendAsync(HttpMethod.Post, "api/tokens", body, cancellationToken);
        if (answer.Status != HttpStatusCode.Created)
        {
            throw answer.Unexpected("Making a token");
        }

        var token = answer.Read<TokenView>();
        terminal.Error.MarkupLineInterpolated($"Token {token.Id} for {token.User} ({token.Role}, {string.Join(", ", token.Teams)}). It is shown this once:");
        Console.Out.WriteLine(token.Token);
        return ExitCodes.Success;
    }
}
