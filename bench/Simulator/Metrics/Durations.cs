using System.Globalization;

namespace Platform.Bench.Simulator.Metrics;

/// <summary>Seconds in the words of a report: "42 s", "12.5 min", "3.41 h", "2.10 d".</summary>
public static class Durations
{
    /// <summary>Formats <paramref name="seconds"/>.</summary>
    public static string Format(double seconds) => seconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.#} s"),
        < 3_600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min"),
        < 172_800 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3_600:0.00} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86_400:0.00} d"),
    };
}
