using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Contracts.Scheduling;
using Platform.Core.Nodes;
using Platform.Worker.Agent;

namespace Platform.Worker.Gpus;

/// <summary>
/// The node's GPUs: the configured fake ones, else what <c>nvidia-smi</c> reports, else none.
/// Discovered once at start.
/// </summary>
public sealed class NodeGpus(IOptions<WorkerOptions> options, ILogger<NodeGpus> logger)
{
    private readonly Lazy<IReadOnlyList<GpuInfo>> _gpus = new(() => Discover(options.Value, logger));

    public IReadOnlyList<GpuInfo> All => _gpus.Value;

    public GpuInfo? Find(int index) => All.FirstOrDefault(gpu => gpu.Index == index);

    private static IReadOnlyList<GpuInfo> Discover(WorkerOptions options, ILogger logger)
    {
        if (options.FakeGpuCount is { } count)
        {
            return NvidiaSmi.Fake(count);
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo(options.NvidiaSmi,
                ["--query-gpu=index,uuid,name,memory.total", "--format=csv,noheader"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? NvidiaSmi.Parse(output) : [];
        }
        catch (System.ComponentModel.Win32Exception)
        {
            logger.LogInformation("nvidia-smi not found: this node offers no GPUs (set Platform:Worker:FakeGpuCount to advertise fake ones)");
            return [];
        }
    }
}
