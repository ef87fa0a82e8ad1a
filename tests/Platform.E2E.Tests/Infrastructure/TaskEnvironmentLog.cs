using System.Text.Json;

namespace Platform.E2E.Tests.Infrastructure;

/// <summary>The <c>env NAME=value</c> lines the hello-ps sample prints first, per task.</summary>
public static class TaskEnvironmentLog
{
    public static Dictionary<string, string> Of(IEnumerable<JsonElement> lines, string task) => lines
        .Where(line => line.GetProperty("task").GetString() == task)
        .Select(line => line.GetProperty("text").GetString()!)
        .Where(text => text.StartsWith("env ", StringComparison.Ordinal))
        .Select(text => text[4..].Split('=', 2))
        .GroupBy(pair => pair[0])
        .ToDictionary(group => group.Key, group => Assert.Single(group.Select(pair => pair[1]).Distinct()));
}
