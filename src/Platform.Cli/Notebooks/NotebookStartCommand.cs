using System.ComponentModel;
using System.Net;
using System.Net.Http.Json;
using Platform.Cli.Gateway;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli.Notebooks;

/// <summary><c>platform notebook start [--gpus N] [--image I]</c>.</summary>
public sealed class NotebookStartCommand(Terminal terminal) : AsyncCommand<NotebookStartCommand.Settings>
{
    private const double Cpus = 2;
    private const int MemoryMb = 8192;

    public sealed class Settings : GatewaySettings
    {
        [CommandOption("--gpus <N>")]
        [Description("Whole GPUs for the notebook.")]
        [DefaultValue(0)]
        public int Gpus { get; init; }

        [CommandOption("--image <IMAGE>")]
        [Description("The notebook image; default: the platform's.")]
        public string? Image { get; init; }

        public override ValidationResult Validate() =>
            Gpus < 0 ? ValidationResult.Error("--gpus must be 0 or more.") : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var request = JsonContent.Create(new NotebookRequest(settings.Image, settings.Gpus, Cpus, MemoryMb), options: CliJson.Options);
        var answer = await client.SendAsync(HttpMethod.Post, NotebooksApi.Path, request, cancellationToken);
        if (NotebooksApi.IsMissing(answer))
        {
            terminal.WriteError(NotebooksApi.NotAvailable);
            return ExitCodes.Unavailable;
        }

        if (answer.Status == HttpStatusCode.BadRequest)
        {
            foreach (var line in answer.Problem()?.Lines() ?? [answer.Body])
            {
                terminal.WriteError(line);
            }

            return ExitCodes.Invalid;
        }

        var notebook = answer.IsSuccess ? answer.Read<Notebook>() : throw answer.Unexpected("Starting a notebook");
        Console.Out.WriteLine($"notebook {notebook.Id} {notebook.State}" + (notebook.Reason is { Length: > 0 } reason ? $": {reason}" : ""));
        return ExitCodes.Success;
    }
}
