using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Frameworks;

/// <summary>The training samples' job files, cut short for tests, and readers of what their tasks print.</summary>
public static partial class TrainingJobs
{
    /// <summary>The sample's job file with <paramref name="arguments"/> added to its command (later options win).</summary>
    public static string Sample(string sample, params string[] arguments)
    {
        var spec = Samples.TrainingJob(sample);
        var shortened = CommandLine().Replace(spec, match =>
            $"{match.Groups[1].Value}, {string.Join(", ", arguments.Select(argument => $"\"{argument}\""))}]", 1);
        Assert.True(shortened != spec, $"samples/training/{sample}/job.yaml has no `command: [...]` line to add {string.Join(' ', arguments)} to");
        return shortened;
    }

    /// <summary>The value printed after <paramref name="prefix"/> on the task's only line that starts with it.</summary>
    public static string Printed(IReadOnlyList<string> lines, string prefix, string task)
    {
        var matching = lines.Where(line => line.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.True(matching.Count == 1, $"{task} printed {matching.Count} lines starting '{prefix}':\n{string.Join('\n', lines)}");
        return matching[0][prefix.Length..].Trim();
    }

    public static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The names of the metric series a task reported with <c>@metric</c> lines.</summary>
    public static async Task<List<string>> SeriesAsync(PlatformProcess platform, string id, string task) =>
        [.. (await platform.Http.GetFromJsonAsync<JsonElement>($"api/jobs/{id}/metrics")).GetProperty("series").EnumerateArray()
            .Where(series => series.GetProperty("task").GetString() == task)
            .Select(series => series.GetProperty("name").GetString()!)];

    [GeneratedRegex(@"^(command:\s*\[.*?)\]\s*$", RegexOptions.Multiline)]
    private static partial Regex CommandLine();
}
