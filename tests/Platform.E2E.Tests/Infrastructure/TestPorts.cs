using System.Net;
using System.Net.Sockets;

namespace Platform.E2E.Tests.Infrastructure;

/// <summary>Ports for the processes a test starts: free ones for listeners, and disjoint task port ranges per node.</summary>
public static class TestPorts
{
    public const int BlockSize = 20;

    private static int _blocks;

    /// <summary>
    /// A task port range no other node of this test run uses (20 blocks per test process), below the
    /// kernel's ephemeral ports so that no outgoing connection on the machine can hold one.
    /// </summary>
    public static (int Instance, int PortStart) NextBlock()
    {
        var block = Interlocked.Increment(ref _blocks);
        return (block, 20000 + (Environment.ProcessId % 25 * 400) + (block % 20 * BlockSize));
    }

    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
