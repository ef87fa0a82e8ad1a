using Platform.Contracts.Nodes;
using Platform.Core.Nodes;

namespace Platform.Core.Tests.Nodes;

public class GpuUtilisationQueryTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>nvidia-smi's answer, and the (index, percent) read from it.</summary>
    public static TheoryData<string, (int Index, double Percent)[]> Answers => new()
    {
        { "0, 87\n1, 0\n", [(0, 87), (1, 0)] },
        { "0, 100\r\n1, 3\r\n2, 45\r\n3, 0\r\n", [(0, 100), (1, 3), (2, 45), (3, 0)] },
        { "0, [N/A]\n1, 12\n", [(1, 12)] },
        { "0, [Not Supported]\n", [] },
        { "", [] },
        { "No devices were found\n", [] },
        { "0, 150\n1, -3\n", [] },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void Each_readable_gpu_gives_its_percent(string output, (int Index, double Percent)[] expected)
    {
        var read = GpuUtilisationQuery.Parse(output, At);

        Assert.Equal(expected.Select(gpu => new GpuUtilisation(gpu.Index, gpu.Percent, At)), read);
    }

    [Fact]
    public void Query_asks_for_index_and_utilisation_without_units()
    {
        Assert.Equal(["--query-gpu=index,utilization.gpu", "--format=csv,noheader,nounits"], GpuUtilisationQuery.Arguments);
    }
}
