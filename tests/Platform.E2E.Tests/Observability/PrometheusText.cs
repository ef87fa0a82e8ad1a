using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.E2E.Tests.Observability;

/// <summary>The samples of a Prometheus text exposition: metric name, labels, value.</summary>
public sealed partial class PrometheusText(string text)
{
    public string Text { get; } = text;

    public IReadOnlyList<Sample> Samples { get; } = [.. Parse(text)];

    /// <summary>Samples of <paramref name="name"/> whose labels include every one of <paramref name="labels"/>.</summary>
    public IEnumerable<Sample> Of(string name, params (string Key, string Value)[] labels) => Samples.Where(sample =>
        sample.Name == name && labels.All(label => sample.Labels.TryGetValue(label.Key, out var value) && value == label.Value));

    /// <summary>The one value of <paramref name="name"/> with <paramref name="labels"/>; fails naming what was there.</summary>
    public double Value(string name, params (string Key, string Value)[] labels)
    {
        var found = Of(name, labels).ToList();
        Assert.True(found.Count == 1, $"expected one {name} with {string.Join(',', labels)}, found {found.Count}:\n{string.Join('\n', Samples.Where(s => s.Name.StartsWith(name, StringComparison.Ordinal)).Select(s => s.Line))}");
        return found[0].Value;
    }

    private static IEnumerable<Sample> Parse(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a sample line: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(pair => pair.Groups["key"].Value, pair => pair.Groups["value"].Value, StringComparer.Ordinal);
            yield return new Sample(match.Groups["name"].Value, labels, ParseValue(match.Groups["value"].Value), line);
        }
    }

    private static double ParseValue(string value) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(value, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(?<key>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(?:[^"\\]|\\.)*)"\s*,?""")]
    private static partial Regex LabelPair();

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value, string Line);
}
