using System.Globalization;
using Platform.Contracts.Nodes;

namespace Platform.Core.Nodes;

/// <summary>
/// Reads <c>nvidia-smi --query-gpu=index,utilization.gpu --format=csv,noheader,nounits</c>: one
/// <c>index, percent</c> line per GPU. A GPU whose utilisation the driver cannot tell
/// (<c>[N/A]</c>, <c>[Not Supported]</c>) or a line that is not of that shape is left out: its
/// utilisation cannot be read.
/// </summary>
public static class GpuUtilisationQuery
{
    public static readonly IReadOnlyList<string> Arguments = ["--query-gpu=index,utilization.gpu", "--format=csv,noheader,nounits"];

    public static IReadOnlyList<GpuUtilisation> Parse(string csvOutput, DateTimeOffset at) =>
    [
        .. csvOutput.Split('\n')
            .Select(line => line.Split(',', StringSplitOptions.TrimEntries))
            .Where(fields => fields.Length == 2)
            .Select(fields => (
                Index: int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1,
                Percent: double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) ? percent : -1))
            .Where(gpu => gpu.Index >= 0 && gpu.Percent is >= 0 and <= 100)
            .Select(gpu => new GpuUtilisation(gpu.Index, gpu.Percent, at)),
    ];
}
