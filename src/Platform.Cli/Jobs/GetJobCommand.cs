using System.ComponentModel;
using System.Globalization;
using System.Net;
using Platform.Cli.Gateway;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli.Jobs;

/// <summary><c>platform job get ID [--json]</c>: the job and its tasks.</summary>
public sealed class GetJobCommand(Terminal terminal) : AsyncCommand<GetJobCommand.Settings>
{
    public sealed class Settings : GatewaySettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The job's id.")]
        public string Id { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print the job as the REST API returns it.")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var answer = await client.GetAsync(JobsApi.JobPath(settings.Id), cancellationToken);
        if (answer.Status == HttpStatusCode.NotFound)
        {
            throw JobsApi.NotFound(client, settings.Id);
        }

        if (!answer.IsSuccess)
        {
            throw answer.Unexpected($"Reading job {settings.Id}");
        }

        if (settings.Json)
        {
            Console.Out.WriteLine(answer.Body);
            return ExitCodes.Success;
        }

        var job = answer.Read<Job>();
        terminal.Out.Write(Summary(job));
        terminal.Out.WriteLine();
        terminal.Out.Write(Tasks(job));
        return ExitCodes.Success;
    }

    private Table Summary(Job job)
    {
        var grid = terminal.Table("FIELD", "VALUE").HideHeaders();
        var now = DateTimeOffset.UtcNow;
        grid.AddRow(Cells.Of("id", job.Id));
        grid.AddRow(Cells.Of("name", job.Name));
        grid.AddRow(Cells.Of("team", job.Team ?? ""));
        grid.AddRow(Cells.Of("priority class", job.PriorityClass ?? ""));
        grid.AddRow(Cells.Of("state", job.State));
        grid.AddRow(Cells.Of("reason", job.Reason ?? ""));
        grid.AddRow(Cells.Of("created", When(job.CreatedAt, now)));
        grid.AddRow(Cells.Of("started", job.StartedAt is { } started ? When(started, now) : ""));
        grid.AddRow(Cells.Of("finished", job.FinishedAt is { } finished ? When(finished, now) : ""));
        grid.AddRow(Cells.Of("restarts", $"{job.Restarts} (infrastructure: {job.InfrastructureRestarts})"));
        return grid;
    }

    private Table Tasks(Job job)
    {
        var table = terminal.Table("TASK", "STATE", "NODE", "ADDRESS", "GPUS", "EXIT CODE", "RESTARTS", "REASON");
        foreach (var task in job.Tasks)
        {
            table.AddRow(Cells.Of(
                task.Name, task.State, task.Node ?? "", task.Address, string.Join(',', task.Gpus),
                task.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "", task.Restarts.ToString(CultureInfo.InvariantCulture), task.Reason ?? ""));
        }

        return table;
    }

    private static string When(DateTimeOffset time, DateTimeOffset now) =>
        $"{time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} ({Age.Format(now - time)} ago)";
}
