using System.ComponentModel;
using System.Net;
using System.Net.Http.Json;
using Platform.Cli.Gateway;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli.Secrets;

/// <summary>
/// <c>platform secret set TEAM NAME [--value V]</c>: creates or replaces a team secret. Without
/// <c>--value</c> the value is read from stdin, less one final line break, so it stays out of the shell's history.
/// </summary>
public sealed class SecretSetCommand(Terminal terminal) : AsyncCommand<SecretSetCommand.Settings>
{
    public sealed class Settings : SecretNameSettings
    {
        [CommandOption("--value <VALUE>")]
        [Description("The secret's text. Default: read from stdin (without its final line break).")]
        public string? Value { get; init; }

        public override ValidationResult Validate() =>
            Value is null && !Console.IsInputRedirected
                ? ValidationResult.Error("Pipe the value on stdin (printf %s \"$VALUE\" | platform secret set TEAM NAME) or give --value.")
                : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var value = settings.Value ?? WithoutFinalLineBreak(await Console.In.ReadToEndAsync(cancellationToken));
        using var client = settings.CreateClient();
        var body = JsonContent.Create(new { name = settings.Name, value }, options: CliJson.Options);
        var answer = await client.SendAsync(HttpMethod.Post, settings.Path, body, cancellationToken);
        if (answer.Status is not (HttpStatusCode.Created or HttpStatusCode.OK))
        {
            throw answer.Unexpected($"Setting secret {settings.Name} of team {settings.Team}");
        }

        terminal.Error.MarkupLineInterpolated($"Secret {settings.Name} of team {settings.Team} {(answer.Status == HttpStatusCode.Created ? "created" : "replaced")}.");
        return ExitCodes.Success;
    }

    private static string WithoutFinalLineBreak(string text) =>
        text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;
}
