using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Worker.Agent;
using Platform.Worker.Gpus;

namespace Platform.Worker.Tests.Gpus;

/// <summary>GPU discovery through a fake <c>nvidia-smi</c>: a script that prints a recorded output.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class NodeGpusTests : IDisposable
{
    private const string TwoA100 = """
        0, GPU-8a1c5e2f-3b7d-4f90-9e6a-2c4d8b1f7e35, NVIDIA A100-SXM4-40GB, 40960 MiB
        1, GPU-d24b9f06-71ae-4c83-b5d2-9f0e6a3c1b74, NVIDIA A100-SXM4-40GB, 40960 MiB
        """;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("nvidia-smi-");

    [Fact]
    public void Gpus_reported_by_nvidia_smi_are_the_nodes_real_gpus()
    {
        var gpus = Discover(new WorkerOptions { NvidiaSmi = FakeNvidiaSmi(TwoA100) });

        Assert.Equal([(0, "GPU-8a1c5e2f-3b7d-4f90-9e6a-2c4d8b1f7e35"), (1, "GPU-d24b9f06-71ae-4c83-b5d2-9f0e6a3c1b74")],
            gpus.All.Select(gpu => (gpu.Index, gpu.Id)));
        Assert.All(gpus.All, gpu => Assert.False(gpu.Fake));
        Assert.All(gpus.All, gpu => Assert.Equal(40960, gpu.MemoryMb));
    }

    [Fact]
    public void Fake_gpu_count_wins_over_nvidia_smi()
    {
        var gpus = Discover(new WorkerOptions { NvidiaSmi = FakeNvidiaSmi(TwoA100), FakeGpuCount = 3 });

        Assert.Equal(["0", "1", "2"], gpus.All.Select(gpu => gpu.Id));
        Assert.All(gpus.All, gpu => Assert.True(gpu.Fake));
    }

    [Fact]
    public void Node_without_nvidia_smi_has_no_gpus()
    {
        Assert.Empty(Discover(new WorkerOptions { NvidiaSmi = Path.Combine(_dir.FullName, "absent") }).All);
    }

    [Fact]
    public void Failing_nvidia_smi_means_no_gpus()
    {
        Assert.Empty(Discover(new WorkerOptions { NvidiaSmi = FakeNvidiaSmi("", exitCode: 9) }).All);
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private static NodeGpus Discover(WorkerOptions options) => new(Options.Create(options), NullLogger<NodeGpus>.Instance);

    private string FakeNvidiaSmi(string output, int exitCode = 0)
    {
        var data = Path.Combine(_dir.FullName, $"output-{Guid.NewGuid():N}.csv");
        File.WriteAllText(data, output);
        var script = Path.Combine(_dir.FullName, $"nvidia-smi-{Guid.NewGuid():N}");
        File.WriteAllText(script, $"#!/bin/sh\n[ \"$1\" = --query-gpu=index,uuid,name,memory.total ] || exit 2\ncat '{data}'\nexit {exitCode}\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }
}
