using System.Runtime.Versioning;
using System.Threading.Channels;
using Platform.Contracts.Jobs;
using Platform.Contracts.Logs;
using Platform.Contracts.Nodes;
using Platform.Worker.Runtimes;

namespace Platform.Worker.Tests.Runtimes;

/// <summary>A host process printing without end: what the runtime holds while it ships the output.</summary>
[SupportedOSPlatform("linux")]
[Collection(MemoryBoundCollection.Name)]
public sealed class ProcessRuntimeOutputTests : IDisposable
{
    private const long Total = 100L * 1024 * 1024;
    private readonly RuntimeUnderTest _node = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));

    [Fact]
    public async Task A_hundred_mebibytes_without_a_newline_arrive_whole_in_64_KiB_parts_under_a_memory_bound()
    {
        var id = await _node.Runtime.StartAsync(new TaskAssignment
        {
            JobId = "job-1",
            Task = "worker-0",
            Runtime = TaskRuntimes.Process,
            Command = ["/bin/sh", "-c", $"head -c {Total} /dev/zero | tr '\\0' a"],
        }, _timeout.Token);
        var task = (await _node.Runtime.ListAsync(_timeout.Token)).Single(listed => listed.Id == id);
        var sink = Channel.CreateBounded<LogEntry>(1);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var follow = _node.Runtime.FollowLogsAsync(task, 0, sink.Writer, _timeout.Token);
        _ = follow.ContinueWith(_ => sink.Writer.TryComplete(), TaskScheduler.Default);

        long bytes = 0, parts = 0, continued = 0, peak = 0;
        await foreach (var entry in sink.Reader.ReadAllAsync(_timeout.Token))
        {
            bytes += entry.Text.Length;
            continued += entry.Continued ? 1 : 0;
            Assert.InRange(entry.Text.Length, 1, LineCutter.MaxPartBytes);
            if (++parts % 200 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
            }
        }

        await follow;
        Assert.Equal(Total, bytes);
        Assert.Equal(Total / LineCutter.MaxPartBytes, parts);
        Assert.Equal(parts - 1, continued);
        Assert.True(peak < 16 * 1024 * 1024, $"{peak:N0} bytes held while 100 MiB without a newline were shipped");
    }

    public void Dispose()
    {
        _node.Dispose();
        _timeout.Dispose();
    }
}
