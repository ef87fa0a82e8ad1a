using Platform.Contracts.Nodes;

namespace Platform.Grains.Tests.Cluster;

/// <summary>A node's framework images as its agent reports them: each report replaces the last, and a restarted control plane keeps them.</summary>
public sealed class NodeImagesTests : IDisposable
{
    private static readonly DateTimeOffset Built = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Latest_report_replaces_the_last_and_survives_a_control_plane_restart()
    {
        NodeImage[] latest = [Image("sha256:b", "platform/pytorch:1.13-cpu", "1.13"), Image("sha256:c", "platform/pytorch:2.6-cpu", "2.6")];
        await using (var first = await PlatformClusterFixture.DeployAsync(_dir.Path))
        {
            var node = first.Client.GetGrain<INodeGrain>(PlatformClusterFixture.NodeId);
            await node.RegisterAsync(PlatformClusterFixture.Capacity);
            Assert.Empty(await node.GetImagesAsync());

            await node.ReportImagesAsync([Image("sha256:a", "platform/pytorch:2.6-cpu", "2.6")]);
            await node.ReportImagesAsync(latest);

            Assert.Equal(latest, await node.GetImagesAsync());
        }

        await using var second = await PlatformClusterFixture.DeployAsync(_dir.Path);

        Assert.Equal(latest, await second.Client.GetGrain<INodeGrain>(PlatformClusterFixture.NodeId).GetImagesAsync());
    }

    public void Dispose() => _dir.Dispose();

    private static NodeImage Image(string id, string tag, string version) => new()
    {
        Id = id, Tags = [tag], Framework = "pytorch", FrameworkVersion = version, SizeBytes = 1_200_000_000, Created = Built,
    };
}
