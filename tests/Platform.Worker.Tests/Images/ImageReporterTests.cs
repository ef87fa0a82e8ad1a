using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;
using Platform.Worker.Agent;
using Platform.Worker.Images;

namespace Platform.Worker.Tests.Images;

/// <summary>The agent tells its node grain the framework images once, then only when a due scan finds a change.</summary>
public sealed class ImageReporterTests
{
    private static readonly NodeImage Current = Image("sha256:a", "platform/pytorch:2.6-cpu");
    private static readonly NodeImage Legacy = Image("sha256:b", "platform/pytorch:1.13-cpu");

    private readonly FakeTimeProvider _time = new();
    private readonly Source _source = new();
    private readonly RecordingNode _node = new();

    [Fact]
    public async Task First_scan_reports_and_later_scans_report_only_a_change_once_due()
    {
        var reporter = Reporter(scanSeconds: 30);
        _source.Images = [Current];

        await reporter.ReportIfDueAsync(_node, CancellationToken.None);
        _source.Images = [Current, Legacy];
        _time.Advance(TimeSpan.FromSeconds(29));
        await reporter.ReportIfDueAsync(_node, CancellationToken.None);

        Assert.Equal([[Current]], _node.Reports);

        _time.Advance(TimeSpan.FromSeconds(1));
        await reporter.ReportIfDueAsync(_node, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));
        await reporter.ReportIfDueAsync(_node, CancellationToken.None);

        Assert.Equal([[Current], [Current, Legacy]], _node.Reports);
    }

    [Fact]
    public async Task Failed_scan_reports_nothing_and_the_next_due_scan_reports()
    {
        var reporter = Reporter(scanSeconds: 5);
        _source.Failure = new InvalidOperationException("the engine does not answer");

        await reporter.ReportIfDueAsync(_node, CancellationToken.None);
        _source.Failure = null;
        _source.Images = [Legacy];
        _time.Advance(TimeSpan.FromSeconds(5));
        await reporter.ReportIfDueAsync(_node, CancellationToken.None);

        Assert.Equal([[Legacy]], _node.Reports);
    }

    [Fact]
    public async Task Node_without_an_image_source_reports_an_empty_list_once()
    {
        var reporter = new ImageReporter([], Options.Create(new WorkerOptions { NodeId = "node-a" }), _time, NullLogger<ImageReporter>.Instance);

        await reporter.ReportIfDueAsync(_node, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        await reporter.ReportIfDueAsync(_node, CancellationToken.None);

        Assert.Equal([[]], _node.Reports);
    }

    private ImageReporter Reporter(int scanSeconds) => new(
        [_source], Options.Create(new WorkerOptions { NodeId = "node-a", ImageScanSeconds = scanSeconds }), _time, NullLogger<ImageReporter>.Instance);

    private static NodeImage Image(string id, string tag) => new()
    {
        Id = id, Tags = [tag], Framework = "pytorch", FrameworkVersion = tag.Split(':')[1].Split('-')[0], SizeBytes = 1_000_000,
    };

    private sealed class Source : IFrameworkImages
    {
        public List<NodeImage> Images { get; set; } = [];

        public Exception? Failure { get; set; }

        // A new list each time, as the engine's answer would be.
        public Task<IReadOnlyList<NodeImage>> ListAsync(CancellationToken cancellationToken) =>
            Failure is null ? Task.FromResult<IReadOnlyList<NodeImage>>([.. Images.Select(image => image with { Tags = [.. image.Tags] })]) : throw Failure;
    }

    /// <summary>The node grain as the reporter sees it: only the images call is expected.</summary>
    private sealed class RecordingNode : INodeGrain
    {
        public List<List<NodeImage>> Reports { get; } = [];

        public Task ReportImagesAsync(IReadOnlyList<NodeImage> images)
        {
            Reports.Add([.. images]);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<NodeImage>> GetImagesAsync() => throw new NotSupportedException();

        public Task RegisterAsync(NodeCapacity capacity) => throw new NotSupportedException();

        public Task<IReadOnlyList<TaskAssignment>> GetDesiredAsync() => throw new NotSupportedException();

        public Task HeartbeatAsync(IReadOnlyList<TaskObservation> observed) => throw new NotSupportedException();

        public Task AssignAsync(IReadOnlyList<TaskAssignment> assignments) => throw new NotSupportedException();

        public Task RetireJobAsync(string jobId, int generation, DateTimeOffset removeAfter) => throw new NotSupportedException();

        public Task WatchAsync() => throw new NotSupportedException();

        public Task<NodeView?> GetViewAsync() => throw new NotSupportedException();

        public Task<NodeView?> DrainAsync(string by) => throw new NotSupportedException();

        public Task<NodeView?> UndrainAsync(string by) => throw new NotSupportedException();

        public Task ReportUtilisationAsync(IReadOnlyList<GpuUtilisation> utilisation) => throw new NotSupportedException();
    }
}
