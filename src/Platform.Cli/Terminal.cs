using Spectre.Console;

namespace Platform.Cli;

/// <summary>
/// Where the CLI writes: tables and messages through Spectre on stdout and stderr. When stdout is
/// not a terminal the output is plain (no colour, no borders, no spinner) and wide enough that no
/// cell wraps, so scripts can read it.
/// </summary>
public sealed class Terminal
{
    // Redirected output has no window: wide enough for ids, UUIDs and reasons never to wrap.
    private const int RedirectedWidth = 512;

    public Terminal()
    {
        IsInteractive = !Console.IsOutputRedirected;
        Out = Create(Console.Out, Console.IsOutputRedirected);
        Error = Create(Console.Error, Console.IsErrorRedirected);
    }

    /// <summary>True when stdout is a terminal: colours, borders and spinners are welcome.</summary>
    public bool IsInteractive { get; }

    public IAnsiConsole Out { get; }

    public IAnsiConsole Error { get; }

    /// <summary>A table in the style the output suits: bordered on a terminal, plain columns otherwise.</summary>
    public Table Table(params string[] headers)
    {
        var table = new Table();
        if (IsInteractive)
        {
            table.Border(TableBorder.Rounded);
        }
        else
        {
            table.Border(TableBorder.None);
        }

        foreach (var header in headers)
        {
            var column = new TableColumn(header);
            column.NoWrap = !IsInteractive;
            table.AddColumn(column);
        }

        return table;
    }

    /// <summary>Writes a message to stderr, in red on a terminal.</summary>
    public void WriteError(string message) => Error.MarkupLineInterpolated($"[red]{message}[/]");

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
