using System.Text.RegularExpressions;

namespace Platform.E2E.Tests.Cli;

/// <summary>How a run of <c>platform</c> ended: its exit code and everything it wrote.</summary>
public sealed partial record CliResult(string Arguments, int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();

    /// <summary>The log lines it printed as <c>TASK | text</c>, in order.</summary>
    public IReadOnlyList<(string Task, string Text)> LogLines => StdoutLines
        .Select(line => LogLine().Match(line))
        .Where(match => match.Success)
        .Select(match => (match.Groups[1].Value, match.Groups[2].Value))
        .ToList();

    /// <summary>The data rows of a table it printed: cells split on spaces, the header row left out.</summary>
    public IReadOnlyList<string[]> TableRows => StdoutLines.Skip(1)
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToList();

    /// <summary>For assertion messages.</summary>
    public override string ToString() => $"platform {Arguments} exited {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";

    [GeneratedRegex(@"^(\S+) \| (.*)$")]
    private static partial Regex LogLine();
}
