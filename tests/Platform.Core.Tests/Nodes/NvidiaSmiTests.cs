using Platform.Contracts.Scheduling;
using Platform.Core.Nodes;

namespace Platform.Core.Tests.Nodes;

public class NvidiaSmiTests
{
    /// <summary>Recorded output, then the expected count, model, memory and the last GPU's uuid.</summary>
    public static TheoryData<string, int, string, int, string> Machines => new()
    {
        { NvidiaSmiSamples.OneT4, 1, "Tesla T4", 15360, "GPU-3f8e2a71-9c4d-4b6e-a1d2-7e5f90b3c6a8" },
        { NvidiaSmiSamples.FourA100, 4, "NVIDIA A100-SXM4-40GB", 40960, "GPU-b19f4d82-6e3a-4705-a9c7-1d5e8f2b0c96" },
        { NvidiaSmiSamples.EightH100, 8, "NVIDIA H100 80GB HBM3", 81559, "GPU-6d4e1b98-a3c7-4f25-8e0b-7f9a2c6d1e53" },
    };

    [Theory]
    [MemberData(nameof(Machines))]
    public void Recorded_output_gives_one_real_gpu_per_line(string output, int count, string model, int memoryMb, string lastUuid)
    {
        var gpus = NvidiaSmi.Parse(output);

        Assert.Equal(count, gpus.Count);
        Assert.Equal(Enumerable.Range(0, count), gpus.Select(g => g.Index));
        Assert.All(gpus, g => Assert.Equal((model, memoryMb, false), (g.Model, g.MemoryMb, g.Fake)));
        Assert.All(gpus, g => Assert.StartsWith("GPU-", g.Id));
        Assert.Equal(lastUuid, gpus[^1].Id);
        Assert.Equal(count, gpus.Select(g => g.Id).Distinct().Count());
    }

    public static TheoryData<string, int> Spacing => new()
    {
        { "", 0 },
        { "\n\n", 0 },
        { "0, GPU-a, Tesla T4, 15360 MiB", 1 },
        { "0, GPU-a, Tesla T4, 15360 MiB\r\n1, GPU-b, Tesla T4, 15360 MiB\r\n", 2 },
        { "\n  0, GPU-a, Tesla T4, 15360 MiB  \n\n1, GPU-b, Tesla T4, 15360 MiB\n", 2 },
    };

    [Theory]
    [MemberData(nameof(Spacing))]
    public void Blank_lines_and_line_endings_are_ignored(string output, int count) =>
        Assert.Equal(count, NvidiaSmi.Parse(output).Count);

    [Fact]
    public void Fields_are_read_into_gpu_info()
    {
        var gpu = Assert.Single(NvidiaSmi.Parse("3, GPU-1b7a3c8e-5f0e-2b9d-8c11-6a3f2e9d0c41, NVIDIA A100-SXM4-80GB, 81920 MiB\n"));

        Assert.Equal(new GpuInfo(3, "GPU-1b7a3c8e-5f0e-2b9d-8c11-6a3f2e9d0c41", "NVIDIA A100-SXM4-80GB", 81920, false), gpu);
    }

    public static TheoryData<string> MalformedLines => new()
    {
        "0, GPU-a, Tesla T4",
        "0, GPU-a, Tesla T4, 15360 MiB, extra",
        "x, GPU-a, Tesla T4, 15360 MiB",
        "0, GPU-a, Tesla T4, 15360",
        "0, GPU-a, Tesla T4, [N/A]",
        "0, , Tesla T4, 15360 MiB",
        "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.",
    };

    [Theory]
    [MemberData(nameof(MalformedLines))]
    public void Malformed_line_is_refused_with_the_line_in_the_message(string line)
    {
        var error = Assert.Throws<FormatException>(() => NvidiaSmi.Parse($"0, GPU-ok, Tesla T4, 15360 MiB\n{line}\n"));

        Assert.Contains($"'{line}'", error.Message);
    }

    public static TheoryData<int> FakeCounts => new() { 0, 1, 4 };

    [Theory]
    [MemberData(nameof(FakeCounts))]
    public void Fake_gpus_are_numbered_from_zero(int count)
    {
        var gpus = NvidiaSmi.Fake(count);

        Assert.Equal(
            Enumerable.Range(0, count).Select(i => new GpuInfo(i, i.ToString(System.Globalization.CultureInfo.InvariantCulture), "fake", 0, true)),
            gpus);
    }
}
