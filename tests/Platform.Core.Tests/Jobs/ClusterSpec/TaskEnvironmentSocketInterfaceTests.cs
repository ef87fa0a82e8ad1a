using Platform.Core.Jobs;
using Platform.Core.Jobs.ClusterSpec;
using static Platform.Core.Tests.Jobs.ClusterSpec.Specs;

namespace Platform.Core.Tests.Jobs.ClusterSpec;

public class TaskEnvironmentSocketInterfaceTests
{
    private const string SingleTask = "single task";
    private const string OneNode = "one node (its interface eth0)";
    private const string TwoNodes = "two nodes (eth0, ib0)";
    private const string TwoNodesOneHost = "two nodes on one address";
    private const string OneHostNoNodes = "one host, nodes unknown";
    private const string TwoHostsNoNodes = "two hosts, nodes unknown";

    private static readonly Dictionary<string, PlacedTask[]> Jobs = new()
    {
        [SingleTask] = [On("worker", 0, "node-a", "10.0.0.1", "eth0")],
        [OneNode] = [On("master", 0, "node-a", "10.0.0.1", "eth0"), On("worker", 0, "node-a", "10.0.0.1", "eth0")],
        [TwoNodes] =
        [
            On("master", 0, "node-a", "10.0.0.1", "eth0"),
            On("worker", 0, "node-a", "10.0.0.1", "eth0"),
            On("worker", 1, "node-b", "10.0.0.2", "ib0"),
        ],
        // Two agents on one machine may share an address; they are still two nodes.
        [TwoNodesOneHost] = [On("master", 0, "node-a", "127.0.0.1", "eth0"), On("worker", 0, "node-b", "127.0.0.1", "eth1")],
        [OneHostNoNodes] = [At("master", 0, "10.0.0.1", 1), At("worker", 0, "10.0.0.1", 2)],
        [TwoHostsNoNodes] = [At("master", 0, "10.0.0.1", 1), At("worker", 0, "10.0.0.2", 1)],
    };

    /// <summary>Layout, self, the expected GLOO_SOCKET_IFNAME (and NCCL_SOCKET_IFNAME).</summary>
    public static TheoryData<string, string, string> Interfaces => new()
    {
        { SingleTask, "worker-0", "lo" },
        { OneNode, "master-0", "lo" },
        { OneNode, "worker-0", "lo" },
        { TwoNodes, "master-0", "eth0" },
        { TwoNodes, "worker-0", "eth0" },
        { TwoNodes, "worker-1", "ib0" },
        { TwoNodesOneHost, "master-0", "eth0" },
        { TwoNodesOneHost, "worker-0", "eth1" },
        { OneHostNoNodes, "worker-0", "lo" },
        // A PlacedTask built without its node's interface falls back to loopback.
        { TwoHostsNoNodes, "worker-0", "lo" },
    };

    [Theory]
    [MemberData(nameof(Interfaces))]
    public void Gloo_and_nccl_use_loopback_on_one_node_else_the_nodes_interface(string layout, string self, string expected)
    {
        var tasks = Jobs[layout];

        var env = TaskEnvironment.Build("job-1", For(tasks), tasks, Named(tasks, self));

        Assert.Equal(expected, env[PlatformEnv.GlooSocketIfname]);
        Assert.Equal(expected, env[PlatformEnv.NcclSocketIfname]);
    }

    [Theory]
    [InlineData(PlatformEnv.GlooSocketIfname)]
    [InlineData(PlatformEnv.NcclSocketIfname)]
    public void Socket_interface_variables_are_the_platforms_to_set(string name) =>
        Assert.True(PlatformEnv.IsReserved(name), $"{name} is not reserved: a spec could set it");

    private static PlacedTask On(string type, int index, string node, string host, string networkInterface) =>
        new(type, index, host, 29500 + index, [], node, networkInterface);
}
