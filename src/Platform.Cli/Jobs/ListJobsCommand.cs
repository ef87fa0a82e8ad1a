using System.ComponentModel;
using System.Net;
using Platform.Cli.Gateway;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli.Jobs;

/// <summary><c>platform job list [--state S] [--team T] [--limit N] [--all]</c>: the jobs, newest first, one page or all.</summary>
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

        [CommandOption("--limit <N>")]
        [Description("Jobs per page (1-1000; the platform's default is 100).")]
        public int? Limit { get; init; }

        [CommandOption("--all")]
        [Description("Every job, page after page, not only the newest page.")]
        public bool All { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var jobs = new List<Job>();
        string? next = "api/jobs" + Query(settings);
        while (next is not null)
        {
            var answer = await client.GetAsync(next, cancellationToken);
            if (answer.Status == HttpStatusCode.BadRequest)
            {
                foreach (var line in answer.Problem()?.Lines() ?? [answer.Body])
                {
                    terminal.WriteError(line);
                }

                return ExitCodes.Invalid;
            }

            jobs.AddRange(answer.IsSuccess ? answer.Read<Job[]>() : throw answer.Unexpected("Listing jobs"));
            next = answer.Next;
            if (next is not null && !settings.All)
            {
                terminal.Error.WriteLine("More jobs follow: --all lists every one.");
                break;
            }
        }

        if (jobs.Count == 0)
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
        var filters = new[] { ("state", settings.State), ("team", settings.Team), ("limit", settings.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(filter => filter.Item2 is not null)
            .Select(filter => $"{filter.Item1}={Uri.EscapeDataString(filter.Item2!)}")
            .ToList();
        return filters.Count == 0 ? "" : "?" + string.Join('&', filters);
    }
}
