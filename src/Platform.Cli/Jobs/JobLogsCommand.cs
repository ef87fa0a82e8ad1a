using System.ComponentModel;
using Platform.Cli.Gateway;
using Platform.Cli.Jobs.Following;
using Spectre.Console.Cli;

namespace Platform.Cli.Jobs;

/// <summary><c>platform job logs ID [--task T] [-f]</c>: the job's log lines, oldest first, as <c>TASK | text</c>.</summary>
public sealed class JobLogsCommand(Terminal terminal) : AsyncCommand<JobLogsCommand.Settings>
{
    public sealed class Settings : GatewaySettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The job's id.")]
        public string Id { get; init; } = "";

        [CommandOption("--task <TASK>")]
        [Description("Only this task's lines, e.g. worker-0.")]
        public string? Task { get; init; }

        [CommandOption("-f|--follow")]
        [Description("Keep printing new lines until the job ends.")]
        public bool Follow { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var cursor = new LogCursor(client, settings.Id, settings.Task, new LogWriter(terminal));
        if (settings.Follow)
        {
            await new JobFollower(client, terminal).FollowAsync(settings.Id, cursor, showStatus: false, cancellationToken);
        }
        else
        {
            await cursor.DrainAsync(cancellationToken);
        }

        return ExitCodes.Success;
    }
}
