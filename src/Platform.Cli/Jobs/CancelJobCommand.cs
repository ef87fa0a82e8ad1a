using System.ComponentModel;
using System.Net;
using Platform.Cli.Gateway;
using Spectre.Console.Cli;

namespace Platform.Cli.Jobs;

/// <summary><c>platform job cancel ID</c>: SIGTERM to every task, then kill after the grace period.</summary>
public sealed class CancelJobCommand(Terminal terminal) : AsyncCommand<CancelJobCommand.Settings>
{
    public sealed class Settings : GatewaySettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The job's id.")]
        public string Id { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var answer = await client.SendAsync(HttpMethod.Post, $"{JobsApi.JobPath(settings.Id)}/cancel", null, cancellationToken);
        switch (answer.Status)
        {
            case HttpStatusCode.Accepted:
                var job = answer.Read<Job>();
                Console.Out.WriteLine($"job {job.Id} {job.StateAndReason}");
                return ExitCodes.Success;
            case HttpStatusCode.Conflict:
                terminal.WriteError(answer.Problem() is { } problem ? problem.Detail ?? problem.Title ?? answer.Body : answer.Body);
                return ExitCodes.Failure;
            case HttpStatusCode.NotFound:
                throw JobsApi.NotFound(client, settings.Id);
            default:
                throw answer.Unexpected($"Cancelling job {settings.Id}");
        }
    }
}
