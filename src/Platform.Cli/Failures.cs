using Platform.Cli.Gateway;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli;

/// <summary>Turns what went wrong into one clear message on stderr and an exit code.</summary>
public static class Failures
{
    public static int Report(Terminal terminal, Exception exception)
    {
        switch (exception)
        {
            case OperationCanceledException:
                return ExitCodes.Interrupted;
            case CommandAppException { Pretty: { } pretty }:
                terminal.Error.Write(pretty);
                return ExitCodes.Invalid;
            case CommandAppException:
                terminal.WriteError(exception.Message);
                return ExitCodes.Invalid;
            case GatewayException or HttpRequestException or IOException:
                terminal.WriteError(exception.Message);
                return ExitCodes.Failure;
            default:
                terminal.Error.WriteException(exception, ExceptionFormats.ShortenEverything);
                return ExitCodes.Failure;
        }
    }
}
