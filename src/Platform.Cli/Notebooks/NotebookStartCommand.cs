using System.ComponentModel;
using System.Net;
using System.Net.Http.Json;
using Platform.Cli.Gateway;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli.Notebooks;

/// <summary>
/// <c>platform notebook start [--gpus N] [--image I] [--idle-timeout MIN] [--no-browser]</c>: starts
/// a notebook, waits until it is Ready (saying why while it is pending), prints its address and
/// opens it in a browser.
/// </summary>
public sealed class NotebookStartCommand(Terminal terminal) : AsyncCommand<NotebookStartCommand.Settings>
{
    public sealed class Settings : GatewaySettings
    {
        [CommandOption("--gpus <N>")]
        [Description("Whole GPUs for the notebook.")]
        [DefaultValue(0)]
        public int Gpus { get; init; }

        [CommandOption("--image <IMAGE>")]
        [Description("The notebook image; default: the platform's (platform/jupyter:4.0-cpu).")]
        public string? Image { get; init; }

        [CommandOption("--cpus <N>")]
        [Description("CPUs for the notebook.")]
        [DefaultValue(2.0)]
        public double Cpus { get; init; }

        [CommandOption("--memory-mb <MB>")]
        [Description("Memory for the notebook, in MiB.")]
        [DefaultValue(8192)]
        public int MemoryMb { get; init; }

        [CommandOption("--idle-timeout <MIN>")]
        [Description("Stop the notebook after this many idle minutes; default: the platform's.")]
        public int? IdleTimeoutMinutes { get; init; }

        [CommandOption("--no-browser")]
        [Description("Only print the notebook's address; do not open a browser.")]
        public bool NoBrowser { get; init; }

        public override ValidationResult Validate() => this switch
        {
            { Gpus: < 0 } => ValidationResult.Error("--gpus must be 0 or more."),
            { Cpus: <= 0 } => ValidationResult.Error("--cpus must be more than 0."),
            { MemoryMb: <= 0 } => ValidationResult.Error("--memory-mb must be more than 0."),
            { IdleTimeoutMinutes: < 1 } => ValidationResult.Error("--idle-timeout must be 1 minute or more."),
            _ => base.Validate(),
        };
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var request = new NotebookRequest(settings.Image, settings.Gpus, settings.Cpus, settings.MemoryMb, settings.IdleTimeoutMinutes);
        var answer = await client.SendAsync(HttpMethod.Post, NotebooksApi.Path, JsonContent.Create(request, options: CliJson.Options), cancellationToken);
        if (NotebooksApi.IsMissing(answer))
        {
            terminal.WriteError(NotebooksApi.NotAvailable);
            return ExitCodes.Unavailable;
        }

        if (answer.Status == HttpStatusCode.BadRequest)
        {
            terminal.WriteError("The platform refused the notebook; nothing was started:");
            foreach (var line in answer.Problem()?.Lines() ?? [answer.Body])
            {
                Console.Error.WriteLine($"  {line}");
            }

            return ExitCodes.Invalid;
        }

        var started = answer.IsSuccess ? answer.Read<Notebook>() : throw answer.Unexpected("Starting a notebook");
        Notebook notebook;
        try
        {
            notebook = await new NotebookWaiter(client, terminal).WaitAsync(started, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            terminal.WriteError($"Stopped waiting; notebook {started.Id} goes on ('platform notebook stop {started.Id}' stops it).");
            throw;
        }

        return Report(notebook, client.BaseAddress, settings.NoBrowser);
    }

    private int Report(Notebook notebook, Uri gateway, bool noBrowser)
    {
        if (notebook.AddressAt(gateway) is not { } address || notebook.State != NotebookStates.Ready)
        {
            terminal.WriteError(NotebookWaiter.Describe(notebook));
            return ExitCodes.Failure;
        }

        terminal.Out.MarkupLineInterpolated($"[green]{NotebookWaiter.Describe(notebook)}[/]");
        terminal.Out.WriteLine(address.ToString());
        if (!noBrowser && !BrowserLauncher.TryOpen(address))
        {
            terminal.Error.WriteLine($"No browser to open it with (set ${BrowserCommand.Variable}); open the address above.");
        }

        return ExitCodes.Success;
    }
}
