using Spectre.Console;

namespace Platform.Cli.Jobs;

/// <summary>
/// Prints log lines as <c>TASK | text</c>, the text exactly as the task printed it and never
/// wrapped. On a terminal that takes colour the task is dimmed and stderr lines are red.
/// </summary>
public sealed class LogWriter(Terminal terminal)
{
    private const string Dim = "\e[90m";
    private const string Red = "\e[31m";
    private const string Reset = "\e[0m";

    // Spectre has read the terminal and NO_COLOR already: colour only where its own output has it.
    private readonly bool _colour = terminal.IsInteractive && terminal.Out.Profile.Capabilities is { Ansi: true, ColorSystem: not ColorSystem.NoColors };

    public void Write(LogLine line)
    {
        if (!_colour)
        {
            Console.Out.WriteLine($"{line.Task} | {line.Text}");
        }
        else if (line.IsStderr)
        {
            Console.Out.WriteLine($"{Dim}{line.Task} |{Reset} {Red}{line.Text}{Reset}");
        }
        else
        {
            Console.Out.WriteLine($"{Dim}{line.Task} |{Reset} {line.Text}");
        }
    }
}
