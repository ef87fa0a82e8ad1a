using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Contracts.Nodes;
using Platform.Core.Nodes;
using Platform.Worker.Agent;

namespace Platform.Worker.Gpus;

/// <summary>
/// Reads the utilisation of the node's real GPUs with <c>nvidia-smi</c> every <see cref="Interval"/>
/// and tells the node's grain, so a notebook computing on its GPU counts as in use. Fake GPUs have
/// no utilisation to read, and a node whose nvidia-smi cannot say reports nothing.
/// </summary>
public sealed partial class GpuUtilisationReporter(
    NodeGpus gpus, IOptions<WorkerOptions> options, TimeProvider time, ILogger<GpuUtilisationReporter> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private bool _warned;

    public async Task ReportIfDueAsync(INodeGrain node, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _next || !gpus.All.Any(gpu => !gpu.Fake))
        {
            return;
        }

        _next = now + Interval;
        var read = await ReadAsync(cancellationToken);
        if (read.Count > 0)
        {
            await node.ReportUtilisationAsync(read);
        }
    }

    private async Task<IReadOnlyList<GpuUtilisation>> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(options.Value.NvidiaSmi, GpuUtilisationQuery.Arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode == 0)
            {
                return GpuUtilisationQuery.Parse(output, time.GetUtcNow());
            }

            Warn($"nvidia-smi exited with code {process.ExitCode}");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Warn(exception.Message);
        }

        return [];
    }

    private void Warn(string why)
    {
        if (!_warned)
        {
            _warned = true;
            LogUnreadable(logger, why);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GPU utilisation cannot be read ({Why}); notebooks on this node count kernels and requests only")]
    private static partial void LogUnreadable(ILogger logger, string why);
}
