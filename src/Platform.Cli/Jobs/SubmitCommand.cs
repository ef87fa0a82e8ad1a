using System.ComponentModel;
using System.Net;
using System.Net.Http.Headers;
using Platform.Cli.Gateway;
using Platform.Cli.Jobs.Following;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli.Jobs;

/// <summary><c>platform job submit FILE [--follow]</c>: prints the new job's id; with --follow, its logs until it ends.</summary>
public sealed class SubmitCommand(Terminal terminal) : AsyncCommand<SubmitCommand.Settings>
{
    public sealed class Settings : GatewaySettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The job spec: .yaml, .yml or .json.")]
        public string File { get; init; } = "";

        [CommandOption("-f|--follow")]
        [Description("Stream the job's logs until it ends; exit 0 only if it succeeded.")]
        public bool Follow { get; init; }

        public override ValidationResult Validate()
        {
            if (ContentType(File) is null)
            {
                return ValidationResult.Error($"{File}: a job spec must be a .yaml, .yml or .json file.");
            }

            return System.IO.File.Exists(File) ? base.Validate() : ValidationResult.Error($"{File}: no such file.");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var spec = new ByteArrayContent(await File.ReadAllBytesAsync(settings.File, cancellationToken));
        spec.Headers.ContentType = new MediaTypeHeaderValue(ContentType(settings.File)!);
        var answer = await client.SubmitAsync(spec, cancellationToken);
        if (answer.Status == HttpStatusCode.BadRequest)
        {
            terminal.WriteError($"The platform refused {settings.File}; nothing was stored:");
            foreach (var line in answer.Problem()?.Lines() ?? [answer.Body])
            {
                Console.Error.WriteLine($"  {line}");
            }

            return ExitCodes.Invalid;
        }

        var job = answer.IsSuccess ? answer.Read<Job>() : throw answer.Unexpected($"Submitting {settings.File}");
        Console.Out.WriteLine(job.Id);
        return settings.Follow ? await FollowAsync(client, job.Id, cancellationToken) : ExitCodes.Success;
    }

    private async Task<int> FollowAsync(GatewayClient client, string jobId, CancellationToken cancellationToken)
    {
        var cursor = new LogCursor(client, jobId, task: null, new LogWriter(terminal));
        Job ended;
        try
        {
            ended = await new JobFollower(client, terminal).FollowAsync(jobId, cursor, showStatus: true, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            terminal.WriteError($"Stopped following; job {jobId} goes on ('platform job cancel {jobId}' stops it).");
            throw;
        }

        var color = ended.Succeeded ? "green" : "red";
        terminal.Out.MarkupLineInterpolated($"[{color}]job {ended.Id} {ended.StateAndReason}[/]");
        return ended.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static string? ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => "application/yaml",
        ".json" => "application/json",
        _ => null,
    };
}
