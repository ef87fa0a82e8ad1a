using System.ComponentModel;
using System.Net;
using Platform.Cli.Gateway;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli.Jobs;

/// <summary><c>platform job list [--state S] [--team T]</c>: the jobs, newest first.</summary>
public sealed class ListJobsCommand(Terminal terminal) : AsyncCommand<ListJobsCommand.Settings>
{
    public sealed class Settings : GatewaySettings
    {
        [CommandOption("--state <STATE>")]
        [Description("Only jobs in this state: Pending, Running, Restarting, Succeeded, Failed, Cancelled.")]
        public string? State { get; init; }

        [CommandOption("--team <TEAM>")]
        [Description("Only this team's jobs.")]
        public string? Team { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var answer = await client.GetAsync("api/jobs" + Query(settings), cancellationToken);
        if (answer.Status == HttpStatusCode.BadRequest)
        {
            foreach (var line in answer.Problem()?.Lines() ?? [answer.Body])
            {
                terminal.WriteError(line);
            }

            return ExitCodes.Invalid;
        }

        var jobs = answer.IsSuccess ? answer.Read<Job[]>() : throw answer.Unexpected("Listing jobs");
        if (jobs.Length == 0)
        {
            terminal.Error.WriteLine("No jobs.");
            return ExitCodes.Success;
        }

        var table = terminal.Table("ID", "NAME", "TEAM", "STATE", "REASON", "AGE");
        var now = DateTimeOffset.UtcNow;
        foreach (var job in jobs)
        {
            table.AddRow(Cells.Of(job.Id, job.Name, job.Team ?? "", job.State, job.Reason ?? "", Age.Format(now - job.CreatedAt)));
        }

        terminal.Out.Write(table);
        return ExitCodes.Success;
    }

    private static string Query(Settings settings)
    {
        var filters = new[] { ("state", settings.State), ("team", settings.Team) }
            .Where(filter => filter.Item2 is not null)
            .Select(filter => $"{filter.Item1}={Uri.EscapeDataString(filter.Item2!)}")
            .ToList();
        return filters.Count == 0 ? "" : "?" + string.Join('&', filters);
    }
}
