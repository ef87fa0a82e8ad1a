using System.Globalization;
using Platform.Contracts.Scheduling;

namespace Platform.Core.Nodes;

/// <summary>
/// GPU discovery: reads the output of
/// <c>nvidia-smi --query-gpu=index,uuid,name,memory.total --format=csv,noheader</c>, or makes a
/// list of fake GPUs for machines without any.
/// </summary>
public static class NvidiaSmi
{
    /// <summary>The arguments whose output <see cref="Parse"/> reads.</summary>
    public const string QueryArguments = "--query-gpu=index,uuid,name,memory.total --format=csv,noheader";

    /// <summary>The model name of fake GPUs.</summary>
    public const string FakeModel = "fake";

    private const string MemorySuffix = " MiB";

    /// <summary>One <see cref="GpuInfo"/> per line, its id the GPU's uuid; blank lines are skipped.</summary>
    /// <exception cref="FormatException">A line is not <c>index, uuid, name, N MiB</c>; the message quotes it.</exception>
    public static IReadOnlyList<GpuInfo> Parse(string csvOutput) =>
    [
        .. csvOutput
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .Select(ParseLine),
    ];

    /// <summary><paramref name="count"/> fake GPUs with ids <c>"0"</c> to <c>"count-1"</c>.</summary>
    public static IReadOnlyList<GpuInfo> Fake(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return
        [
            .. Enumerable.Range(0, count)
                .Select(i => new GpuInfo(i, i.ToString(CultureInfo.InvariantCulture), FakeModel, 0, true)),
        ];
    }

    private static GpuInfo ParseLine(string line)
    {
        var fields = line.Split(',', StringSplitOptions.TrimEntries);
        if (fields.Length != 4
            || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || fields[1].Length == 0
            || fields[2].Length == 0
            || !TryParseMemory(fields[3], out var memoryMb))
        {
            throw new FormatException(
                $"Unexpected nvidia-smi line '{line}': expected 'index, uuid, name, N MiB' "
                + $"(nvidia-smi {QueryArguments}).");
        }

        return new GpuInfo(index, fields[1], fields[2], memoryMb, false);
    }

    private static bool TryParseMemory(string field, out int memoryMb)
    {
        memoryMb = 0;
        return field.EndsWith(MemorySuffix, StringComparison.Ordinal)
            && int.TryParse(field[..^MemorySuffix.Length], NumberStyles.None, CultureInfo.InvariantCulture, out memoryMb);
    }
}
