using System.Net;
using Platform.Cli.Gateway;
using Spectre.Console.Cli;

namespace Platform.Cli.Secrets;

/// <summary><c>platform secret delete TEAM NAME</c>: removes a team secret; jobs that name it fail when next assigned.</summary>
public sealed class SecretDeleteCommand : AsyncCommand<SecretNameSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SecretNameSettings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var answer = await client.SendAsync(HttpMethod.Delete, $"{settings.Path}/{Uri.EscapeDataString(settings.Name)}", null, cancellationToken);
        if (answer.Status != HttpStatusCode.NoContent)
        {
            throw answer.Unexpected($"Deleting secret {settings.Name} of team {settings.Team}");
        }

        Console.Out.WriteLine($"secret {settings.Name} of team {settings.Team} deleted");
        return ExitCodes.Success;
    }
}
