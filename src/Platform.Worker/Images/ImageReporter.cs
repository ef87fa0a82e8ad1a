using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Contracts.Nodes;
using Platform.Worker.Agent;

namespace Platform.Worker.Images;

/// <summary>
/// Tells the node's grain which framework images the node has: once after the agent registers,
/// then whenever a scan every <see cref="WorkerOptions.ImageScanSeconds"/> finds a change. The
/// gateway may run without Docker (cluster mode), so only the agents can say what is there.
/// </summary>
public sealed partial class ImageReporter(
    IEnumerable<IFrameworkImages> sources,
    IOptions<WorkerOptions> options,
    TimeProvider time,
    ILogger<ImageReporter> logger)
{
    private IReadOnlyList<NodeImage>? _reported;
    private DateTimeOffset _nextScan = DateTimeOffset.MinValue;

    /// <summary>Scans when due and reports a change; a failure is logged and retried at the next scan.</summary>
    public async Task ReportIfDueAsync(INodeGrain node, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextScan)
        {
            return;
        }

        _nextScan = now + TimeSpan.FromSeconds(options.Value.ImageScanSeconds);
        try
        {
            var images = new List<NodeImage>();
            foreach (var source in sources)
            {
                images.AddRange(await source.ListAsync(cancellationToken));
            }

            if (_reported is not null && _reported.SequenceEqual(images))
            {
                return;
            }

            await node.ReportImagesAsync(images);
            _reported = images;
            LogReported(logger, images.Count, string.Join(", ", images.SelectMany(image => image.Tags)));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reported {Count} framework images: {Tags}")]
    private static partial void LogReported(ILogger logger, int count, string tags);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing or reporting the node's framework images failed; retrying at the next scan")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
